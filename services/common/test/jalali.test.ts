import { jalaliQuarterOf, jalaliQuarterRange, jalaliYearRange, parseJalaliDate, toJalali } from "@hamafza/common";

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
    const { start, end } = jalaliYearRange(1404);
    expect(start.toISOString()).toBe("2025-03-20T20:30:00.000Z");
    expect(end.toISOString()).toBe("2026-03-20T20:30:00.000Z");
  });

  it("gives contiguous quarters covering the year", () => {
    const quarters = [1, 2, 3, 4].map((q) => jalaliQuarterRange(1404, q));
    expect(quarters[0].start).toEqual(jalaliYearRange(1404).start);
    for (let i = 1; i < 4; i++) expect(quarters[i].start).toEqual(quarters[i - 1].end);
    expect(quarters[3].end).toEqual(jalaliYearRange(1404).end);
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
