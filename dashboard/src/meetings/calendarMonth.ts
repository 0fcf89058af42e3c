import { format } from "date-fns-jalali";
import { isIsoDay, JALALI_MONTH_NAMES, jalaliMonthLength, jalaliToIso, tehranTodayIso } from "../common/jalaliInput";
import { isSupportedJalaliYear } from "../../../services/common/src/jalaliYears";
import { toPersianDigits } from "../common/persianDigits";
import { splitTehranInstant, tehranInstant } from "../engagement/periods";
import { jalaliTexts } from "../messages/common";

/** The meeting calendar's month: Jalali year and month (1–12). */
export interface JalaliMonth {
  year: number;
  month: number;
}

export { JALALI_MONTH_NAMES };

/** Column headers, Saturday first (the Iranian week). */
export const WEEKDAY_NAMES = jalaliTexts.weekdayNames;

/** One day of the month: its Jalali day number and its Gregorian `YYYY-MM-DD`. */
export interface CalendarDay {
  day: number;
  iso: string;
}

export interface MonthGrid {
  /** Empty cells before day 1 (0 = the month starts on Saturday). */
  offset: number;
  /** Days in the month. */
  length: number;
  /** Rows of 7 cells, Saturday first; null cells pad the first and last week. */
  weeks: (CalendarDay | null)[][];
}

/** Saturday-first column (0–6) of a Gregorian ISO day. */
export function saturdayColumn(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday … 6 = Saturday
  return (weekday + 1) % 7;
}

/** The month laid out as weeks of 7 days, Saturday to Friday. */
export function monthGrid({ year, month }: JalaliMonth): MonthGrid {
  const length = jalaliMonthLength(year, month);
  const offset = saturdayColumn(jalaliToIso(year, month, 1));
  const cells: (CalendarDay | null)[] = Array.from({ length: offset }, () => null);
  for (let day = 1; day <= length; day += 1) cells.push({ day, iso: jalaliToIso(year, month, day) });
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return { offset, length, weeks };
}

export function shiftMonth({ year, month }: JalaliMonth, delta: number): JalaliMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The Jalali month of a Gregorian ISO day. */
export function jalaliMonthOfIso(iso: string): JalaliMonth {
  const [year, month, day] = iso.split("-").map(Number);
  const [jYear, jMonth] = format(new Date(year, month - 1, day, 12), "yyyy-MM")
    .split("-")
    .map(Number);
  return { year: jYear, month: jMonth };
}

/** This month in Tehran. */
export function currentJalaliMonth(now = new Date()): JalaliMonth {
  return jalaliMonthOfIso(tehranTodayIso(now));
}

/** `1404-08` → the month; anything else → undefined. */
export function parseMonthParam(value: string | null | undefined): JalaliMonth | undefined {
  const match = /^(\d{4})-(\d{1,2})$/.exec(value ?? "");
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return isSupportedJalaliYear(year) && month >= 1 && month <= 12 ? { year, month } : undefined;
}

export function monthParam({ year, month }: JalaliMonth): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** «آبان ۱۴۰۴» */
export function monthTitle({ year, month }: JalaliMonth): string {
  return `${JALALI_MONTH_NAMES[month - 1]} ${toPersianDigits(year)}`;
}

/**
 * The meetings filter of the month: the API's `from` (inclusive) and `to` (exclusive) instants, Tehran midnight of the
 * month's first day and of the next month's first day (meetings are dated by held time, else scheduled time).
 */
export function monthMeetingFilter(month: JalaliMonth): { from: string; to: string } {
  const next = shiftMonth(month, 1);
  return {
    from: tehranInstant(jalaliToIso(month.year, month.month, 1), "00:00")!,
    to: tehranInstant(jalaliToIso(next.year, next.month, 1), "00:00")!,
  };
}

export interface CalendarMeeting {
  id: string | number;
  title?: string;
  status?: string;
  scheduledAt?: string | null;
  heldAt?: string | null;
  /** The API's Tehran calendar day of the meeting (held time, else scheduled time). */
  meetingDate?: string | null;
}

/** Meetings by the Gregorian ISO day (Tehran clock) they fall on: held time, else scheduled time. */
export function meetingsByDay<T extends CalendarMeeting>(meetings: readonly T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const meeting of meetings) {
    const day = isIsoDay(meeting.meetingDate)
      ? meeting.meetingDate
      : splitTehranInstant(meeting.heldAt ?? meeting.scheduledAt).day;
    if (!day) continue;
    const list = byDay.get(day) ?? [];
    list.push(meeting);
    byDay.set(day, list);
  }
  return byDay;
}
