import type { Report, ReportFilters, Translate } from "./reportTypes";

/** The POST /export body of a report: its list, the same arguments as on screen, Persian headers and labels. */
export function exportBody(
  report: Report,
  filters: ReportFilters,
  format: "csv" | "xlsx",
  translate: Translate,
  meetingKindLabels: Readonly<Record<string, string>>,
): Record<string, unknown> {
  return {
    list: report.list,
    args: report.args(filters),
    columns: report.columns.map((column) => ({
      field: column.field,
      header: translate(column.header),
      ...(column.labels ? { labels: column.labels(translate) } : {}),
      ...(column.kind === "meetingKind" ? { labels: meetingKindLabels } : {}),
    })),
    format,
    fileName: translate(report.title),
  };
}
