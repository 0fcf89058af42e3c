import { verifyIranianLegalId } from "@persian-tools/persian-tools";
import { toAsciiDigits } from "@hamafza/common";

/** شناسه ملی of a legal entity: 11 digits with the official checksum. */
export function isValidLegalNationalId(value: string): boolean {
  return /^\d{11}$/.test(value) && verifyIranianLegalId(value) === true;
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

/** A Gregorian ISO day must not be in the future (founding dates, issue dates). */
export function isNotInFuture(isoDay: string, now = new Date()): boolean {
  return isoDay <= now.toISOString().slice(0, 10);
}
