/**
 * The Jalali years the services reason about (cycles, periods, tenure filters). The dashboard cannot import server
 * code, so this mirrors `SUPPORTED_JALALI_YEARS` of services/common/src/jalali.ts; dashboard/test/jalaliYears.test.ts
 * fails when the two differ.
 */
export const SUPPORTED_JALALI_YEARS = { first: 1380, last: 1450 } as const;

/** Whether `year` is an integer inside SUPPORTED_JALALI_YEARS. */
export function isSupportedJalaliYear(year: number): boolean {
  return Number.isInteger(year) && year >= SUPPORTED_JALALI_YEARS.first && year <= SUPPORTED_JALALI_YEARS.last;
}
