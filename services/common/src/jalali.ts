import { TZDate } from "@date-fns/tz";
import { newDate as newJalaliDate } from "date-fns-jalali";
import { toAsciiDigits, toPersianDigits } from "./digits";
import { AppError, ErrorCode } from "./errors";
import { SUPPORTED_JALALI_YEARS, isSupportedJalaliYear } from "./jalaliYears";

export { SUPPORTED_JALALI_YEARS, isSupportedJalaliYear };

/** Instants are stored in UTC; periods (years, quarters) are those of Tehran's wall clock (DOMAIN.md). */
export const TEHRAN = "Asia/Tehran";

export interface JalaliDate {
  year: number;
  month: number; // 1..12
  day: number;
}

const tehranJalali = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: TEHRAN,
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** The Jalali calendar day of an instant, on Tehran's clock. */
export function toJalali(instant: Date): JalaliDate {
  const parts = Object.fromEntries(tehranJalali.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** Jalali quarters: 1 Farvardin–Khordad, 2 Tir–Shahrivar, 3 Mehr–Azar, 4 Dey–Esfand. */
export function jalaliQuarterOf(instant: Date): { year: number; quarter: number } {
  const { year, month } = toJalali(instant);
  return { year, quarter: Math.ceil(month / 3) };
}

/** A Jalali calendar day as the Gregorian ISO day `YYYY-MM-DD`. */
export function jalaliToIsoDate(year: number, month: number, day: number): string {
  const gregorian = newJalaliDate(year, month - 1, day);
  if (Number.isNaN(gregorian.getTime())) throw new RangeError(`Invalid Jalali date ${year}/${month}/${day}`);
  // The local calendar day date-fns-jalali built (what `format(…, "yyyy-MM-dd")` printed, without its cost: bulk
  // imports convert thousands of dates), read back on Tehran's calendar at 08:30 UTC, i.e. noon or 13:00 in Tehran.
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const iso = `${pad(gregorian.getFullYear(), 4)}-${pad(gregorian.getMonth() + 1)}-${pad(gregorian.getDate())}`;
  const back = toJalali(new Date(`${iso}T08:30:00Z`));
  if (back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Invalid Jalali date ${year}/${month}/${day}`);
  }
  return iso;
}

/** Parses `1402/05/17` (Persian or ASCII digits, `/` or `-`) into the Gregorian ISO day. */
export function parseJalaliDate(text: string): string {
  const ascii = toAsciiDigits(text);
  const match = /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s*$/.exec(ascii);
  if (!match) throw new RangeError(`Not a Jalali date: ${text}`);
  return jalaliToIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Midnight in Tehran at the start of a Jalali day, as a UTC instant. */
export function tehranMidnight(year: number, month: number, day: number): Date {
  const [y, m, d] = jalaliToIsoDate(year, month, day).split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, TEHRAN).getTime());
}

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

/** [start, end) of a Jalali quarter as UTC instants. */
export function jalaliQuarterRange(year: number, quarter: number): { start: Date; end: Date } {
  const start = tehranMidnight(year, (quarter - 1) * 3 + 1, 1);
  const end = quarter === 4 ? tehranMidnight(year + 1, 1, 1) : tehranMidnight(year, quarter * 3 + 1, 1);
  return { start, end };
}

/** Half-open bounds [start, end) of a Jalali year as UTC instants (Tehran midnight of 1 Farvardin, of the next one). */
export function jalaliYearBounds(year: number): { start: Date; end: Date } {
  return { start: tehranMidnight(year, 1, 1), end: tehranMidnight(year + 1, 1, 1) };
}

/**
 * The calendar days of a Jalali year as Gregorian ISO days: `firstDay` and `lastDay` are both inside the year
 * (inclusive), `dayAfter` is 1 Farvardin of the next year (for half-open `day < dayAfter` comparisons).
 */
export function jalaliYearRange(year: number): { firstDay: string; lastDay: string; dayAfter: string } {
  const dayAfter = jalaliToIsoDate(year + 1, 1, 1);
  return { firstDay: jalaliToIsoDate(year, 1, 1), lastDay: addDays(dayAfter, -1), dayAfter };
}

/** The Persian message for a year outside SUPPORTED_JALALI_YEARS. */
export const UNSUPPORTED_JALALI_YEAR_MESSAGE = `سال شمسی باید عددی بین ${toPersianDigits(String(SUPPORTED_JALALI_YEARS.first))} و ${toPersianDigits(String(SUPPORTED_JALALI_YEARS.last))} باشد.`;

/** Throws BAD_USER_INPUT naming `field` when `year` is outside SUPPORTED_JALALI_YEARS. */
export function assertSupportedJalaliYear(year: number, field: string): void {
  if (!isSupportedJalaliYear(year)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, UNSUPPORTED_JALALI_YEAR_MESSAGE, {
      fields: [{ field, message: UNSUPPORTED_JALALI_YEAR_MESSAGE }],
    });
  }
}

const TEHRAN_ISO_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: TEHRAN,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The last minute asked and its day: `tehranToday` is asked once per NGO of a page, all in the same minute. */
let lastDay = { minute: NaN, day: "" };

/**
 * The Tehran calendar day of an instant, as the Gregorian ISO day `YYYY-MM-DD`. Time zone offsets are whole
 * minutes, so every instant of one UTC minute has the same day: the last minute's answer is reused instead of
 * formatting again (Intl formatting was a visible share of the registry's CPU on the NGO list).
 */
export function tehranDay(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: TEHRAN_ISO_DAY.format(instant) };
  return lastDay.day;
}

/** Today on Tehran's clock, as `YYYY-MM-DD`. */
export function tehranToday(now = new Date()): string {
  return tehranDay(now);
}

/** The ISO day `days` after (or before, if negative) an ISO day. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
