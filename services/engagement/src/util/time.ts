import { jalaliQuarterOf, jalaliQuarterRange, tehranDay } from "@hamafza/common";

/**
 * Calendar days and Jalali periods on Tehran's clock. Instants are stored in UTC; days (`YYYY-MM-DD`, Gregorian)
 * are the Tehran calendar day; periods are Jalali years and quarters (Farvardin–Khordad = quarter 1 …).
 */
// Tehran days live in common; re-exported for the engagement's existing imports.
export { addDays, tehranDay, tehranToday } from "@hamafza/common";

/** Noon in Tehran of a calendar day: an instant safely inside that day whatever the offset. */
const noonOf = (isoDay: string) => new Date(`${isoDay}T12:00:00+03:30`);

/** Jalali year and quarter of a calendar day. */
export function jalaliPeriodOfDay(isoDay: string): { year: number; quarter: number } {
  return jalaliQuarterOf(noonOf(isoDay));
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface QuarterPeriod {
  year: number;
  quarter: number;
  start: Date;
  end: Date;
  startDay: string;
  endDay: string;
}

/** The Jalali quarters of years `from`..`to` with their [start, end) instants and days, for SQL period tables. */
export function quarterPeriods(from: number, to: number = from): QuarterPeriod[] {
  const periods: QuarterPeriod[] = [];
  for (let year = from; year <= to; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const { start, end } = jalaliQuarterRange(year, quarter);
      periods.push({ year, quarter, start, end, startDay: tehranDay(start), endDay: tehranDay(end) });
    }
  }
  return periods;
}

/**
 * A SQL `VALUES` table `alias(year, quarter, starts, ends, start_day, end_day)` of the given quarters, with named
 * parameters, so GROUP BY can group instants and days by Jalali quarter in the database.
 */
export function periodTableSql(
  periods: QuarterPeriod[],
  alias = "period",
): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const rows = periods.map((p, i) => {
    params[`p${i}s`] = p.start.toISOString();
    params[`p${i}e`] = p.end.toISOString();
    params[`p${i}sd`] = p.startDay;
    params[`p${i}ed`] = p.endDay;
    return `(${p.year}, ${p.quarter}, CAST(:p${i}s AS timestamptz), CAST(:p${i}e AS timestamptz), CAST(:p${i}sd AS date), CAST(:p${i}ed AS date))`;
  });
  return { sql: `(VALUES ${rows.join(", ")}) AS ${alias}(year, quarter, starts, ends, start_day, end_day)`, params };
}
