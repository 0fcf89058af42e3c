import useMediaQuery from "@mui/material/useMediaQuery";
import type { Theme } from "@mui/material/styles";
import { Datagrid, SimpleList, type DatagridProps, type SimpleListProps } from "react-admin";

export interface ResponsiveDatagridProps extends DatagridProps {
  /** A row's title on a phone: a field name, a `%{field}` template, a function of the record or an element. */
  primaryText: SimpleListProps["primaryText"];
  /** Its second line. */
  secondaryText?: SimpleListProps["secondaryText"];
  /** Its note at the line's end (a state, a date). */
  tertiaryText?: SimpleListProps["tertiaryText"];
}

/**
 * A list's table on a wide screen and react-admin's SimpleList on a phone (below MUI's `sm`, 600 px): a table of
 * many columns runs off a 390 px screen, a list of two-line rows does not. A row opens the record as the table does.
 */
export const ResponsiveDatagrid = ({
  primaryText,
  secondaryText,
  tertiaryText,
  rowClick = "show",
  ...props
}: ResponsiveDatagridProps) => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"));
  if (small)
    return (
      <SimpleList
        primaryText={primaryText}
        secondaryText={secondaryText}
        tertiaryText={tertiaryText}
        rowClick={typeof rowClick === "string" ? rowClick : "show"}
        data-testid="mobile-list"
      />
    );
  return <Datagrid rowClick={rowClick} {...props} />;
};
