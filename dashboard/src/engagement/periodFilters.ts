import { tehranInstant, withJalaliPeriod } from "./periods";

/**
 * Lists whose API filter takes Gregorian day ranges rather than `jalaliYear`/`jalaliQuarter`: the Jalali period the
 * user picks becomes that range (meetings filter on the Jalali period themselves).
 */
export const PERIOD_FILTER_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  resolutions: ["deadlineFrom", "deadlineTo"],
  overdueResolutions: ["deadlineFrom", "deadlineTo"],
  proposals: ["submittedFrom", "submittedTo"],
  demands: ["raisedFrom", "raisedTo"],
};

/**
 * Lists whose API filter takes instants (`DateTimeISO`) where the screen picks days: the screen's `fromDay`/`toDay`
 * (Gregorian `YYYY-MM-DD` from the Jalali date inputs) become the API's instants — from the first day's Tehran
 * midnight, to (before) the Tehran midnight after the last day.
 */
export const DAY_FILTER_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  auditEntries: ["from", "to"],
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextIsoDay(isoDay: string): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** `fromDay`/`toDay` as the API's instant range (kept out of the filter when not a day). */
export function withTehranDays(
  filter: Record<string, unknown>,
  fromKey: string,
  toKey: string,
): Record<string, unknown> {
  const { fromDay, toDay, ...rest } = filter;
  const from = typeof fromDay === "string" && ISO_DAY.test(fromDay) ? tehranInstant(fromDay, "00:00") : undefined;
  const to = typeof toDay === "string" && ISO_DAY.test(toDay) ? tehranInstant(nextIsoDay(toDay), "00:00") : undefined;
  return { ...rest, ...(from && { [fromKey]: from }), ...(to && { [toKey]: to }) };
}

/** The list filter the API takes for a resource. */
export function apiFilter(
  resource: string,
  filter: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!filter) return filter;
  const days = DAY_FILTER_KEYS[resource];
  if (days) return withTehranDays(filter, days[0], days[1]);
  const keys = PERIOD_FILTER_KEYS[resource];
  if (!keys) return filter;
  return withJalaliPeriod(filter, keys[0], keys[1]);
}
