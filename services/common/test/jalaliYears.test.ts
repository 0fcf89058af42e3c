import { isSupportedJalaliYear, SUPPORTED_JALALI_YEARS } from "../src/jalaliYears";

describe("supported Jalali years", () => {
  it("accept the bounds and refuse the years just outside", () => {
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.first)).toBe(true);
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.last)).toBe(true);
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.first - 1)).toBe(false);
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.last + 1)).toBe(false);
    expect(isSupportedJalaliYear(1404.5)).toBe(false);
  });
});
