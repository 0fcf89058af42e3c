import { atTehranClock, jalaliMonthDays, tehranClock, toJalali } from "@hamafza/common";

/** How many meetings one quarterly series plans: this quarter's and the next three. */
export const QUARTERLY_SERIES_LENGTH = 4;

/**
 * The instants of a quarterly series that starts at `first`: the same Jalali day of the same month of each
 * following quarter (the month's last day where it is shorter, e.g. 31 Shahrivar → 30 Azar), at the same Tehran
 * wall-clock time. Pure.
 */
export function quarterlyOccurrences(first: Date, count = QUARTERLY_SERIES_LENGTH): Date[] {
  const { year, month, day } = toJalali(first);
  const clock = tehranClock(first);
  return Array.from({ length: count }, (_, i) => {
    const monthIndex = month - 1 + 3 * i;
    const y = year + Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    return atTehranClock(y, m, Math.min(day, jalaliMonthDays(y, m)), clock);
  });
}
