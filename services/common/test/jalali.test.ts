import {
  AppError,
  assertSupportedJalaliYear,
  isSupportedJalaliYear,
  jalaliQuarterOf,
  jalaliQuarterRange,
  jalaliYearBounds,
  jalaliYearRange,
  parseJalaliDate,
  SUPPORTED_JALALI_YEARS,
  tehranDay,
  toAsciiDigits,
  toJalali,
  toPersianDigits,
} from "@hamafza/common";

describe("Jalali periods on Tehran's clock", () => {
  it("puts 23:30 Tehran on the last day of Khordad in quarter 1", () => {
    // 1404/03/31 23:30 Tehran (UTC+3:30) = 2025-06-21T20:00Z
    expect(toJalali(new Date("2025-06-21T20:00:00Z"))).toEqual({ year: 1404, month: 3, day: 31 });
    expect(jalaliQuarterOf(new Date("2025-06-21T20:00:00Z"))).toEqual({ year: 1404, quarter: 1 });
  });

  it("puts 00:00 Tehran on 1 Tir in quarter 2", () => {
    expect(jalaliQuarterOf(new Date("2025-06-21T20:30:00Z"))).toEqual({ year: 1404, quarter: 2 });
  });

  it("knows the bounds of 1404", () => {
    const { start, end } = jalaliYearBounds(1404);
    expect(start.toISOString()).toBe("2025-03-20T20:30:00.000Z");
    expect(end.toISOString()).toBe("2026-03-20T20:30:00.000Z");
  });

  it("gives contiguous quarters covering the year", () => {
    const quarters = [1, 2, 3, 4].map((q) => jalaliQuarterRange(1404, q));
    expect(quarters[0].start).toEqual(jalaliYearBounds(1404).start);
    for (let i = 1; i < 4; i++) expect(quarters[i].start).toEqual(quarters[i - 1].end);
    expect(quarters[3].end).toEqual(jalaliYearBounds(1404).end);
  });

  it("parses Jalali dates typed with Persian digits", () => {
    expect(parseJalaliDate("۱۴۰۴/۰۱/۰۱")).toBe("2025-03-21");
    expect(parseJalaliDate("1399-08-28")).toBe("2020-11-18");
  });

  it("refuses dates that do not exist", () => {
    expect(() => parseJalaliDate("1404/07/31")).toThrow(RangeError);
    expect(() => parseJalaliDate("1404/13/01")).toThrow(RangeError);
    expect(() => parseJalaliDate("hello")).toThrow(RangeError);
  });
});

describe("Jalali year days and the supported-year rule", () => {
  it("gives the first and last day of a year inclusive, and the day after it", () => {
    expect(jalaliYearRange(1403)).toEqual({ firstDay: "2024-03-20", lastDay: "2025-03-20", dayAfter: "2025-03-21" });
    expect(jalaliYearRange(1404)).toEqual({ firstDay: "2025-03-21", lastDay: "2026-03-20", dayAfter: "2026-03-21" });
  });

  it("agrees with the half-open instant bounds", () => {
    const { firstDay, dayAfter } = jalaliYearRange(1404);
    const { start, end } = jalaliYearBounds(1404);
    expect(tehranDay(start)).toBe(firstDay);
    expect(tehranDay(end)).toBe(dayAfter);
  });

  it("gives each instant its own Tehran day across midnight, asked alternately and repeatedly", () => {
    const before = new Date("2026-12-06T20:29:59.999Z"); // 23:59:59.999 in Tehran (UTC+03:30)
    const after = new Date("2026-12-06T20:30:00.000Z"); // 00:00 on the next day
    const sameMinute = new Date("2026-12-06T20:29:00.000Z");
    expect([before, after, before, sameMinute, after, after].map(tehranDay)).toEqual([
      "2026-12-06",
      "2026-12-07",
      "2026-12-06",
      "2026-12-06",
      "2026-12-07",
      "2026-12-07",
    ]);
    expect(() => tehranDay(new Date(NaN))).toThrow(RangeError);
  });

  it("accepts only the supported years, naming the field on refusal", () => {
    const { first, last } = SUPPORTED_JALALI_YEARS;
    expect(isSupportedJalaliYear(first) && isSupportedJalaliYear(last)).toBe(true);
    expect(isSupportedJalaliYear(first - 1) || isSupportedJalaliYear(last + 1) || isSupportedJalaliYear(1404.5)).toBe(
      false,
    );
    expect(() => assertSupportedJalaliYear(last, "year")).not.toThrow();
    try {
      assertSupportedJalaliYear(last + 1, "year");
      throw new Error("not refused");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "year" }] });
      expect((error as AppError).message).toContain("۱۴۵۰");
    }
  });
});

describe("digits", () => {
  it("converts Persian and Arabic-Indic digits both ways", () => {
    expect(toAsciiDigits("۱۴۰۴/٠٥/۱۲ abc")).toBe("1404/05/12 abc");
    expect(toPersianDigits(1404)).toBe("۱۴۰۴");
    expect(toPersianDigits("فصل 3")).toBe("فصل ۳");
  });
});
