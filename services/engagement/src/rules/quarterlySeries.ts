import { tehranMidnight, toJalali } from "@hamafza/common";

/** How many meetings one quarterly series plans: this quarter's and the next three. */
export const QUARTERLY_SERIES_LENGTH = 4;

/** Days in a Jalali month: 31 in the first six, 30 in the next five, 29 or 30 (leap years) in Esfand. */
export function jalaliMonthDays(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  const esfand30 = toJalali(new Date(tehranMidnight(year, 12, 29).getTime() + 36 * 3_600_000));
  return esfand30.month === 12 ? 30 : 29;
}

/**
 * The instants of a quarterly series that starts at `first`: the same Jalali day of the same month of each
 * following quarter (the month's last day where it is shorter, e.g. 31 Shahrivar → 30 Azar), at the same Tehran
 * wall-clock time. Pure; Tehran keeps one offset all year.
 */
export function quarterlyOccurrences(first: Date, count = QUARTERLY_SERIES_LENGTH): Date[] {
  const { year, month, day } = toJalali(first);
  const sinceMidnight = first.getTime() - tehranMidnight(year, month, day).getTime();
  return Array.from({ length: count }, (_, i) => {
    const monthIndex = month - 1 + 3 * i;
    const y = year + Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    const d = Math.min(day, jalaliMonthDays(y, m));
    return new Date(tehranMidnight(y, m, d).getTime() + sinceMidnight);
  });
}
