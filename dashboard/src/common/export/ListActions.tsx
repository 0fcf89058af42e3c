import type { ReactNode } from "react";
import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from "react-admin";
import { ExportButton, type ExportButtonProps } from "./ExportButton";

export interface ListActionsProps extends ExportButtonProps {
  /** Buttons of the list's own (import, print …), placed before the export. */
  children?: ReactNode;
  /** Whether to offer the create button (when the resource can be created). */
  create?: boolean;
}

/**
 * The toolbar of a list, as react-admin's default (filter button, create when the resource has it) but with the
 * server-side export (CSV/XLSX of every row, current filters and sort) instead of react-admin's client-side CSV.
 */
export const ListActions = ({ children, create = true, ...exportProps }: ListActionsProps) => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters && filters.length > 0 && <FilterButton />}
      {create && hasCreate && <CreateButton />}
      {children}
      <ExportButton {...exportProps} />
    </TopToolbar>
  );
};
