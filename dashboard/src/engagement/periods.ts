import { enumLabels } from "../messages/enums";
import { newDate } from "date-fns-jalali";
import { tehranWallClock } from "../common/jalali";
import { isSupportedJalaliYear } from "../../../services/common/src/jalaliYears";
import { toPersianDigits } from "../common/persianDigits";
import { jalaliMonthLength, jalaliToIso, normalizeDateText, tehranTodayIso } from "../common/jalaliInput";

/**
 * Jalali periods of the engagement screens. Meetings filter on `jalaliYear` / `jalaliQuarter` (the API computes them
 * on Tehran's clock); resolutions, proposals and demands only take Gregorian day ranges, so a year or quarter chosen
 * in the dashboard becomes `from`/`to` days here.
 */

export interface DayRange {
  /** First day (Gregorian `YYYY-MM-DD`), inclusive. */
  from: string;
  /** Last day (Gregorian `YYYY-MM-DD`), inclusive. */
  to: string;
}

export const QUARTER_LABELS: Readonly<Record<string, string>> = enumLabels.quarter;

/** The days of a Jalali year, or of one of its quarters (1–4). */
export function jalaliPeriodRange(year: number, quarter?: number): DayRange {
  if (!isSupportedJalaliYear(year)) throw new RangeError(`bad Jalali year ${year}`);
  if (quarter !== undefined && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)) {
    throw new RangeError(`bad quarter ${quarter}`);
  }
  const firstMonth = quarter ? quarter * 3 - 2 : 1;
  const lastMonth = quarter ? quarter * 3 : 12;
  return {
    from: jalaliToIso(year, firstMonth, 1),
    to: jalaliToIso(year, lastMonth, jalaliMonthLength(year, lastMonth)),
  };
}

function toInt(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? number : undefined;
}

/**
 * A list filter with `jalaliYear` (and optionally `jalaliQuarter`) replaced by the day range the API takes
 * (`fromKey`/`toKey`, e.g. `deadlineFrom`/`deadlineTo`). A quarter without a year is dropped.
 */
export function withJalaliPeriod(
  filter: Record<string, unknown>,
  fromKey: string,
  toKey: string,
): Record<string, unknown> {
  const { jalaliYear, jalaliQuarter, ...rest } = filter;
  const year = toInt(jalaliYear);
  if (year === undefined) return rest;
  const range = jalaliPeriodRange(year, toInt(jalaliQuarter));
  return { ...rest, [fromKey]: range.from, [toKey]: range.to };
}

/** The Jalali year of today in Tehran. */
export function currentJalaliYear(now = new Date()): number {
  const { year, month, day } = tehranWallClock(now);
  // Jalali year of the Gregorian day: the year starts on 1 Farvardin (20 or 21 March).
  const farvardinFirst = newDate(year - 621, 0, 1);
  const beforeNowruz =
    month < farvardinFirst.getMonth() + 1 ||
    (month === farvardinFirst.getMonth() + 1 && day < farvardinFirst.getDate());
  return beforeNowruz ? year - 622 : year - 621;
}

/** Years offered in the filters: from 1400 to next year. */
export function jalaliYearChoices(now = new Date()): { id: number; name: string }[] {
  const last = currentJalaliYear(now) + 1;
  const years: { id: number; name: string }[] = [];
  for (let year = last; year >= 1400; year -= 1) years.push({ id: year, name: toPersianDigits(year) });
  return years;
}

const TEHRAN_OFFSET_MINUTES = 210; // UTC+03:30 all year (no daylight saving since 1401)
const TIME = /^(\d{1,2}):(\d{2})$/;

/** A Tehran wall-clock time on a Gregorian day, as the UTC instant the API's `DateTimeISO` takes. */
export function tehranInstant(isoDay: string, time: string): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const clock = TIME.exec(normalizeDateText(time));
  if (!day || !clock) return undefined;
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];
  if (hour > 23 || minute > 59) return undefined;
  const utc =
    Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), hour, minute) - TEHRAN_OFFSET_MINUTES * 60_000;
  return new Date(utc).toISOString();
}

/** An instant as its Tehran Gregorian day and `HH:MM`, for the day + time inputs. */
export function splitTehranInstant(value: unknown): { day?: string; time?: string } {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) return {};
  const instant = new Date(value);
  const { hour, minute } = tehranWallClock(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { day: tehranTodayIso(instant), time: `${pad(hour)}:${pad(minute)}` };
}
