/**
 * The Jalali years every service reasons about (cycles, period analytics, tenure filters): one rule for all of them,
 * so a cycle that can be created can also be run. Dependency-free, so the dashboard imports this very file.
 */
export const SUPPORTED_JALALI_YEARS = { first: 1380, last: 1450 } as const;

/** Whether `year` is an integer inside SUPPORTED_JALALI_YEARS. */
export function isSupportedJalaliYear(year: number): boolean {
  return Number.isInteger(year) && year >= SUPPORTED_JALALI_YEARS.first && year <= SUPPORTED_JALALI_YEARS.last;
}
