import { describe, expect, it } from "@jest/globals";
import { SUPPORTED_JALALI_YEARS as SERVER } from "../../services/common/src/jalali";
import { isSupportedJalaliYear, SUPPORTED_JALALI_YEARS } from "../src/common/jalaliYears";

describe("supported Jalali years", () => {
  it("mirror the services rule exactly", () => {
    expect(SUPPORTED_JALALI_YEARS).toEqual(SERVER);
  });

  it("accept the bounds and refuse the years just outside", () => {
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.first)).toBe(true);
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.last)).toBe(true);
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.first - 1)).toBe(false);
    expect(isSupportedJalaliYear(SUPPORTED_JALALI_YEARS.last + 1)).toBe(false);
    expect(isSupportedJalaliYear(1404.5)).toBe(false);
  });
});
