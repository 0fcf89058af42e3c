/**
 * Persian numbers on screen. The digit conversions themselves have one home, `services/common/src/digits.ts`
 * (by code point, no dependency, so fit for the first load); they are re-exported here for the dashboard.
 */
export { toAsciiDigits, toPersianDigits } from "../../../services/common/src/digits";

/** A number with Persian digits and thousands grouped with «٬». */
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
