import { tehranTodayIso } from "../common/jalaliInput";
import { currentJalaliYear, jalaliPeriodRange } from "../engagement/periods";

/** A Jalali year and quarter (1–4): the period the home pages report on. */
export interface JalaliQuarter {
  year: number;
  quarter: number;
}

/** Whole days from `from` to `to` (Gregorian `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's Jalali year and quarter on Tehran's clock. */
export function currentJalaliQuarter(now = new Date()): JalaliQuarter {
  const year = currentJalaliYear(now);
  const today = tehranTodayIso(now);
  const quarter = [1, 2, 3, 4].find((q) => today <= jalaliPeriodRange(year, q).to) ?? 4;
  return { year, quarter };
}

/**
 * Days left in a quarter counting today (Tehran): the whole quarter when it has not begun, 0 once it is over — how
 * long a county still has to hold its problem-centred meeting.
 */
export function daysLeftInQuarter({ year, quarter }: JalaliQuarter, now = new Date()): number {
  const { from, to } = jalaliPeriodRange(year, quarter);
  const today = tehranTodayIso(now);
  const start = today < from ? from : today;
  return Math.max(0, daysBetween(start, to) + 1);
}
