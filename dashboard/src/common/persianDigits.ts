import { digitsArToEn, digitsEnToFa, digitsFaToEn } from "@persian-tools/persian-tools";

/** ASCII digits to Persian digits, for text shown to users. */
export function toPersianDigits(value: string | number): string {
  return digitsEnToFa(String(value));
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII, for what users type on a Persian keyboard. */
export function toLatinDigits(value: string): string {
  return digitsArToEn(digitsFaToEn(value));
}

export function formatPersianNumber(value: number): string {
  return new Intl.NumberFormat("fa-IR").format(value);
}

/**
 * A decimal number with a fixed count of fraction digits, Persian digits and the Persian decimal separator
 * («۶۴٫۸۲», never «۶۴.۸۲»); integers without fraction digits when `integersBare`. Thousands grouped with «٬».
 */
export function formatPersianDecimal(value: number, fractionDigits = 2, integersBare = false): string {
  const digits = integersBare && Number.isInteger(value) ? 0 : fractionDigits;
  return new Intl.NumberFormat("fa-IR", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
