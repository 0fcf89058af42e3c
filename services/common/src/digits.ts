import { digitsArToEn, digitsEnToFa, digitsFaToEn } from "@persian-tools/persian-tools";

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII, for identifiers, years and phones typed on a Persian keyboard. */
export function toAsciiDigits(input: string): string {
  return digitsArToEn(digitsFaToEn(input));
}

/** ASCII digits of a number or text to Persian digits, for messages shown to users. */
export function toPersianDigits(input: string | number): string {
  return digitsEnToFa(String(input));
}
