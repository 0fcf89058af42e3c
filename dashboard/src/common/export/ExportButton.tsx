import DownloadIcon from "@mui/icons-material/Download";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import { useMutation } from "@tanstack/react-query";
import { useState, type MouseEvent } from "react";
import { Button, HttpError, useDataProvider, useListContext, useNotify, useTranslate } from "react-admin";
import { authProvider } from "../../auth";
import { graphqlUrl, type HamafzaDataProvider } from "../../dataProvider";
import { ENUM_LABELS } from "./enumLabels";
import {
  ExportRefused,
  exportColumns,
  exportUrlFor,
  fetchExport,
  saveFile,
  type ExportColumn,
  type ExportFormat,
} from "./exportRequest";

export interface ExportButtonProps {
  /** The columns to write, in order (field paths such as `county.name`); the list's defaults when left out. */
  columns?: readonly (string | ExportColumn)[];
  /** Persian labels for the codes of enum columns, by field (`{ status: NGO_STATUS_LABELS }`). */
  labels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The list's arguments beyond filter and sort (e.g. the scoreboard's `year`). */
  args?: Record<string, unknown>;
  /** The resource, when the list's is not the API list to export. */
  resource?: string;
}

/**
 * The export of every list: CSV (UTF-8 with BOM) or XLSX of all rows with the list's current filters and sort,
 * written by the gateway's POST /export with Persian headers, Persian labels for codes and Jalali dates.
 */
export const ExportButton = ({ columns, labels, args, resource: exported }: ExportButtonProps) => {
  const { resource, filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider<HamafzaDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const name = exported ?? resource;

  const header = (labelKey: string) => {
    for (const key of [`resources.${resource}.fields.${labelKey}`, `resources.${resource}.fields.${labelKey}Id`]) {
      const text = translate(key, { _: key });
      if (text !== key) return text;
    }
    return undefined;
  };

  const download = useMutation({
    mutationFn: async (format: ExportFormat) => {
      const source = await dataProvider.exportSource(name, { filter: filterValues, sort });
      const fileName = translate(`resources.${resource}.name`, { smart_count: 2, _: name });
      const body = {
        list: source.list,
        args: { ...source.args, ...args },
        columns: exportColumns(source.columns, header, columns, labels, ENUM_LABELS),
        format,
        fileName,
      };
      const file = await fetchExport(exportUrlFor(graphqlUrl), body, await authProvider.getFreshToken());
      saveFile(file.blob, file.fileName);
    },
    onError: (error) =>
      notify(
        error instanceof ExportRefused || error instanceof HttpError
          ? translate("hamafza.export.failed", { message: error.message })
          : "hamafza.export.network",
        { type: "error" },
      ),
  });

  const choose = (format: ExportFormat) => {
    setAnchor(null);
    download.mutate(format);
  };

  return (
    <>
      <Button
        label="hamafza.export.button"
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        disabled={download.isPending || total === 0}
        aria-haspopup="menu"
        data-testid="export-button"
      >
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose("csv")} data-format="csv">
          {translate("hamafza.export.csv")}
        </MenuItem>
        <MenuItem onClick={() => choose("xlsx")} data-format="xlsx">
          {translate("hamafza.export.xlsx")}
        </MenuItem>
      </Menu>
    </>
  );
};
