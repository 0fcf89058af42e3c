import { verifyIranianLegalId, verifyIranianNationalId } from "@persian-tools/persian-tools";
import { parseJalaliDate, setting, tehranToday, toAsciiDigits, toJalali, toPersianDigits } from "@hamafza/common";

/** شناسه ملی of a legal entity: 11 digits with the official checksum. */
export function isValidLegalNationalId(value: string): boolean {
  return /^\d{11}$/.test(value) && verifyIranianLegalId(value) === true;
}

/**
 * کد ملی of a person: 10 digits with the official checksum (and a known issuing-office prefix; codes of one
 * repeated digit are refused).
 */
export function isValidNationalCode(value: string): boolean {
  return /^\d{10}$/.test(value) && verifyIranianNationalId(value) === true;
}

/**
 * Iranian phone numbers, digits only: a mobile `09xxxxxxxxx` or a landline with its area code
 * `0[1-8]xxxxxxxxx` (11 digits). Spaces, dashes and a +98/0098 prefix are accepted and removed.
 */
export function normalizePhone(value: string): string | null {
  let digits = toAsciiDigits(value).replace(/[\s\-()]/g, "");
  if (digits.startsWith("+98")) digits = "0" + digits.slice(3);
  else if (digits.startsWith("0098")) digits = "0" + digits.slice(4);
  return /^0(9\d{9}|[1-8]\d{9})$/.test(digits) ? digits : null;
}

// Tehran days live in common; re-exported for the registry's existing imports.
export { addDays, tehranToday } from "@hamafza/common";

/** The current Jalali year on Tehran's clock. */
export function currentJalaliYear(now = new Date()): number {
  return toJalali(now).year;
}

/** A Gregorian ISO day must not be after today on Tehran's clock (founding dates, issue dates). */
export function isNotInFuture(isoDay: string, now = new Date()): boolean {
  return isoDay <= tehranToday(now);
}

/**
 * A date typed in a form or a CSV file: Jalali `1388/04/12` (also `1388-4-12`, Persian digits) or Gregorian
 * `2009-07-03` (also `2009/07/03`). Years below 1700 are Jalali. Returns the Gregorian ISO day or null.
 */
export function parseFlexibleDate(text: string): string | null {
  const ascii = toAsciiDigits(text).trim();
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(ascii);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1700) {
    try {
      return parseJalaliDate(`${year}/${month}/${day}`);
    } catch {
      return null;
    }
  }
  const iso = `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Identifiers typed by people (licence and registration numbers): ASCII digits, no surrounding or repeated spaces. */
export function normalizeCode(value: string): string {
  return toAsciiDigits(value)
    .replace(/[\s\u00A0\u200C]+/g, " ")
    .trim();
}

/** The EXPIRING window in days: `HAMAFZA_LICENCE_EXPIRING_DAYS` (0–3650), default 60. Read on every use. */
export function licenceExpiringDays(): number {
  return setting("HAMAFZA_LICENCE_EXPIRING_DAYS");
}

/** Persian digits for numbers shown in messages. */
export const fa = (n: number | string) => toPersianDigits(n);
