import { formatJalali } from "../common/jalali";
import { formatPersianNumber } from "../common/persianDigits";
import type { ChartRow } from "../home/HomeParts";
import type { CellKind, Report, ReportFilters, Translate } from "./reportTypes";

/** The rows of a report's answer (a page's items, or the list itself). */
export function reportRows(report: Report, data: Record<string, unknown> | undefined): Record<string, unknown>[] {
  const answer = data?.[report.list];
  if (!answer) return [];
  return (report.paged ? (answer as { items: Record<string, unknown>[] }).items : answer) as Record<string, unknown>[];
}

/** A cell as shown: Persian digits, percentages, Jalali dates, codes by their labels. */
export function formatCell(
  value: string | number | null | undefined,
  kind: CellKind = "text",
  codeLabels: Readonly<Record<string, string>> = {},
): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (kind) {
    case "meetingKind":
      return codeLabels[String(value)] ?? String(value);
    case "number":
      return formatPersianNumber(Number(value));
    case "percent":
      return `${formatPersianNumber(Math.round(Number(value) * 1000) / 10)}٪`;
    case "days":
      return formatPersianNumber(Math.round(Number(value) * 10) / 10);
    case "date":
      return formatJalali(String(value));
    default:
      return String(value);
  }
}

/** The chart's bars: one per row, or summed per label; each with the list behind it when the report has one. */
export function chartRows(
  report: Report,
  rows: readonly Record<string, unknown>[],
  filters: ReportFilters,
  translate: Translate,
): ChartRow[] {
  const bars = new Map<string, ChartRow>();
  rows.forEach((row, index) => {
    const label = report.chart.label(row, translate);
    const key = report.chart.sum ? label : report.rowKey(row, index);
    const bar = bars.get(key) ?? { key, label, value: 0, to: report.chart.to?.(row, filters) };
    bar.value += report.chart.value(row);
    bars.set(key, bar);
  });
  const result = [...bars.values()];
  return report.chart.sum ? result.sort((a, b) => b.value - a.value) : result;
}
