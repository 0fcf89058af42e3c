import { digitsArToEn, digitsEnToFa, digitsFaToEn } from "@persian-tools/persian-tools";

const NON_ASCII_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII, for identifiers, years and phones typed on a Persian keyboard. */
export function toAsciiDigits(input: string): string {
  // Most text has none (a bulk import calls this several times per row): skip the two replacing passes then.
  if (typeof input === "string" && !NON_ASCII_DIGIT.test(input)) return input;
  return digitsArToEn(digitsFaToEn(input));
}

/** ASCII digits of a number or text to Persian digits, for messages shown to users. */
export function toPersianDigits(input: string | number): string {
  return digitsEnToFa(String(input));
}
