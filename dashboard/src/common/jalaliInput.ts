import { getDaysInMonth, newDate } from "date-fns-jalali";
import { formatJalali, tehranWallClock } from "./jalali";
import { toAsciiDigits, toPersianDigits } from "./persianDigits";
import { jalaliTexts } from "../messages/common";

/**
 * Typing a calendar day in Jalali: `1403/05/12` (Persian, Arabic-Indic or Latin digits; `/`, `-` or `.` between
 * the parts; one- or two-digit month and day) becomes the Gregorian `YYYY-MM-DD` the API's `Date` scalar takes.
 */

export const EXAMPLE = jalaliTexts.example;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const JALALI_TEXT = /^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/;
/**
 * Years a typed Jalali calendar day can have (founding and issue dates of old NGOs go back to the 1300s). This is a
 * sanity bound on dates, not the supported-period rule (services/common/src/jalaliYears.ts) that cycles and period filters follow.
 */
const MIN_YEAR = 1200;
const MAX_YEAR = 1600;

export const JALALI_MONTH_NAMES = jalaliTexts.monthNames;

export type JalaliParseResult = { ok: true; iso: string } | { ok: false; message: string };

/** Persian and Arabic-Indic digits to ASCII; bidi marks, ZWNJ and spaces removed. */
export function normalizeDateText(text: string): string {
  return toAsciiDigits(text).replace(/[\s\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

export function isIsoDay(value: unknown): value is string {
  return typeof value === "string" && ISO_DAY.test(value);
}

/** Days of a Jalali month (Esfand has 30 in leap years). */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return getDaysInMonth(newDate(year, 11, 1));
}

/** The Gregorian ISO day of a valid Jalali day. */
export function jalaliToIso(year: number, month: number, day: number): string {
  const midnight = newDate(year, month - 1, day);
  const noon = new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), 12);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${noon.getFullYear()}-${pad(noon.getMonth() + 1)}-${pad(noon.getDate())}`;
}

/** The Jalali text of a Gregorian ISO day, with Persian digits (`۱۴۰۳/۰۵/۱۲`); '' for anything else. */
export function isoToJalaliText(value: unknown): string {
  return isIsoDay(value) ? formatJalali(value) : "";
}

/** Reads a typed Jalali day; the problem, in Persian, when it is not one. */
export function parseJalaliText(text: string): JalaliParseResult {
  const normalized = normalizeDateText(text);
  const match = JALALI_TEXT.exec(normalized);
  if (!match) return problem(jalaliTexts.format(EXAMPLE));
  const [year, month, day] = match.slice(1).map(Number);
  if (match[1].length !== 4) return problem(jalaliTexts.fourDigitYear(EXAMPLE));
  if (year >= 1700) {
    return problem(jalaliTexts.gregorianYear(year, EXAMPLE));
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return problem(jalaliTexts.yearOutOfRange(year, EXAMPLE));
  if (month < 1 || month > 12) return problem(jalaliTexts.monthRange);
  const length = jalaliMonthLength(year, month);
  if (day < 1 || day > length) {
    return problem(
      day >= 1 && day <= 31
        ? jalaliTexts.monthLength(JALALI_MONTH_NAMES[month - 1], year, length)
        : jalaliTexts.dayRange(length),
    );
  }
  return { ok: true, iso: jalaliToIso(year, month, day) };
}

export interface JalaliBounds {
  /** Earliest allowed day, Gregorian ISO. */
  min?: string;
  /** Latest allowed day, Gregorian ISO. */
  max?: string;
  /** Refuse days after today on Tehran's clock (founding and issue dates). */
  notInFuture?: boolean;
}

/** Today on Tehran's clock, as a Gregorian ISO day. */
export function tehranTodayIso(now = new Date()): string {
  const { year, month, day } = tehranWallClock(now);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The form value while the typed text is not a valid Jalali day (never sent: the validator refuses it). */
export interface UnparsedJalaliText {
  jalaliText: string;
}

function isUnparsed(value: unknown): value is UnparsedJalaliText {
  return typeof value === "object" && value !== null && typeof (value as UnparsedJalaliText).jalaliText === "string";
}

/** The text an input shows for a form value. */
export function jalaliInputText(value: unknown): string {
  return isUnparsed(value) ? value.jalaliText : isoToJalaliText(value);
}

/**
 * What is wrong with a form value of a Jalali date input, in Persian; undefined when it is fine. The value is the
 * Gregorian ISO day once the text is a valid day, `{ jalaliText }` while it is not, and null when empty.
 */
export function jalaliDateProblem(value: unknown, bounds: JalaliBounds = {}, now = new Date()): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (isUnparsed(value)) {
    const parsed = parseJalaliText(value.jalaliText);
    return parsed.ok ? undefined : parsed.message;
  }
  if (!isIsoDay(value)) return toPersianDigits(jalaliTexts.format(EXAMPLE));
  const iso = value;
  if (bounds.min && iso < bounds.min) return jalaliTexts.notBefore(isoToJalaliText(bounds.min));
  if (bounds.max && iso > bounds.max) return jalaliTexts.notAfter(isoToJalaliText(bounds.max));
  if (bounds.notInFuture) {
    const today = tehranTodayIso(now);
    if (iso > today) return jalaliTexts.notAfterToday(isoToJalaliText(today));
  }
  return undefined;
}

/** The form value for a typed text: null when empty, the ISO day when valid, else `{ jalaliText }`. */
export function jalaliFormValue(text: string): string | UnparsedJalaliText | null {
  if (normalizeDateText(text) === "") return null;
  const parsed = parseJalaliText(text);
  return parsed.ok ? parsed.iso : { jalaliText: text };
}

function problem(message: string): JalaliParseResult {
  return { ok: false, message: toPersianDigits(message) };
}

/**
 * The calendar day of a Gregorian ISO day as a local `Date` at noon (what a date picker shows and returns: only the
 * day counts, noon keeps it away from any daylight-saving edge of the browser's zone); null for anything else.
 */
export function isoDayToPickerDate(value: unknown): Date | null {
  if (!isIsoDay(value)) return null;
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year, month - 1, day, 12);
}

/** The Gregorian ISO day of a date a picker returned (its local calendar day); null for an invalid date. */
export function pickerDateToIsoDay(date: Date | null): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The latest day a picker may offer for the bounds: `max`, or today on Tehran's clock when earlier and asked. */
export function latestPickableDay(bounds: JalaliBounds, now = new Date()): string | undefined {
  const today = bounds.notInFuture ? tehranTodayIso(now) : undefined;
  if (bounds.max && today) return bounds.max < today ? bounds.max : today;
  return bounds.max ?? today;
}
