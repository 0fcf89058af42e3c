import { TZDate } from "@date-fns/tz";
import { jalaliToIsoDate, TEHRAN, tehranMidnight, toJalali } from "@hamafza/common";

/** How many meetings one quarterly series plans: this quarter's and the next three. */
export const QUARTERLY_SERIES_LENGTH = 4;

/** Days in a Jalali month: 31 in the first six, 30 in the next five, 29 or 30 (leap years) in Esfand. */
export function jalaliMonthDays(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  const esfand30 = toJalali(new Date(tehranMidnight(year, 12, 29).getTime() + 36 * 3_600_000));
  return esfand30.month === 12 ? 30 : 29;
}

const TEHRAN_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: TEHRAN,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Hours, minutes, seconds and milliseconds of an instant on Tehran's wall clock. */
export function tehranClock(instant: Date): [number, number, number, number] {
  const [h, m, s] = TEHRAN_CLOCK.format(instant).split(":").map(Number);
  return [h, m, s, instant.getUTCMilliseconds()];
}

/**
 * The instant of a Jalali day at a Tehran wall-clock time, daylight saving time (kept until 1401) included; a time
 * that did not exist (the hour skipped when it began) moves to the first one that did.
 */
export function atTehranClock(year: number, month: number, day: number, clock: [number, number, number, number]): Date {
  const [gy, gm, gd] = jalaliToIsoDate(year, month, day).split("-").map(Number);
  return new Date(new TZDate(gy, gm - 1, gd, ...clock, TEHRAN).getTime());
}

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
