/**
 * Digits by code point rather than through `@persian-tools/persian-tools`: the i18nProvider applies
 * `toPersianDigits` to every text, so this file is in the first load, and that library's one module is ~8 KB.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_OR_ARABIC_INDIC_DIGIT = /[\u06f0-\u06f9\u0660-\u0669]/g;

/** ASCII digits to Persian digits, for text shown to users. */
export function toPersianDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(PERSIAN_ZERO + Number(digit)));
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII, for what users type on a Persian keyboard. */
export function toLatinDigits(value: string): string {
  return value.replace(PERSIAN_OR_ARABIC_INDIC_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
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
