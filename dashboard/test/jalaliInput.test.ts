import { describe, expect, it } from "@jest/globals";
import {
  isoDayToPickerDate,
  isoToJalaliText,
  jalaliDateProblem,
  jalaliFormValue,
  jalaliInputText,
  jalaliMonthLength,
  latestPickableDay,
  normalizeDateText,
  parseJalaliText,
  pickerDateToIsoDay,
  tehranTodayIso,
} from "../src/common/jalaliInput";

const ok = (iso: string) => ({ ok: true, iso });

describe("parsing a typed Jalali day", () => {
  it.each([
    ["1403/05/12", "2024-08-02"],
    ["۱۴۰۳/۰۵/۱۲", "2024-08-02"],
    ["١٤٠٣/٠٥/١٢", "2024-08-02"],
    ["1403/5/12", "2024-08-02"],
    ["1403-05-12", "2024-08-02"],
    ["1403.05.12", "2024-08-02"],
    [" ۱۴۰۳ / ۵ / ۱۲ ", "2024-08-02"],
    ["\u200e1403/05/12\u200f", "2024-08-02"],
    ["۱۴۰۴/۰۱/۰۱", "2025-03-21"],
    ["1403/12/30", "2025-03-20"],
    ["1403/01/01", "2024-03-20"],
    ["1399/12/30", "2021-03-20"],
    ["1388/04/12", "2009-07-03"],
    ["1300/01/01", "1921-03-21"],
    ["1404/06/31", "2025-09-22"],
    ["1404/07/01", "2025-09-23"],
  ])("%s → %s", (text, iso) => {
    expect(parseJalaliText(text)).toEqual(ok(iso));
  });

  it("knows the length of every month, Esfand 30 days only in leap years", () => {
    expect([1, 6, 7, 11].map((month) => jalaliMonthLength(1404, month))).toEqual([31, 31, 30, 30]);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1399, 12)).toBe(30);
  });

  it.each([
    ["", "تاریخ را به شکل سال/ماه/روز شمسی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["فردا", "تاریخ را به شکل سال/ماه/روز شمسی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["1403/05", "تاریخ را به شکل سال/ماه/روز شمسی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["14030512", "تاریخ را به شکل سال/ماه/روز شمسی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["03/05/12", "سال را چهاررقمی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["2024-08-02", "سال ۲۰۲۴ میلادی است؛ تاریخ را به تقویم شمسی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["1100/01/01", "سال ۱۱۰۰ پذیرفتنی نیست؛ سال شمسی را وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."],
    ["1403/13/01", "ماه باید عددی از ۱ تا ۱۲ باشد."],
    ["1403/00/10", "ماه باید عددی از ۱ تا ۱۲ باشد."],
    ["1404/12/30", "اسفند ۱۴۰۴ فقط ۲۹ روز دارد."],
    ["1404/07/31", "مهر ۱۴۰۴ فقط ۳۰ روز دارد."],
    ["1404/01/32", "روز باید عددی از ۱ تا ۳۱ باشد."],
    ["1404/01/00", "روز باید عددی از ۱ تا ۳۱ باشد."],
  ])("refuses %p with a Persian message", (text, message) => {
    expect(parseJalaliText(text)).toEqual({ ok: false, message });
  });

  it("normalises digits and removes spaces and direction marks", () => {
    expect(normalizeDateText("۱۴۰۳\u200c/ ٠٥/12")).toBe("1403/05/12");
  });
});

describe("the form value of the input", () => {
  it("is the Gregorian ISO day for a valid text, null when empty, and the text while invalid", () => {
    expect(jalaliFormValue("1403/05/12")).toBe("2024-08-02");
    expect(jalaliFormValue("  ")).toBeNull();
    expect(jalaliFormValue("1403/13/01")).toEqual({ jalaliText: "1403/13/01" });
    // An ISO-looking text typed by the user is not taken for a stored Gregorian day.
    expect(jalaliFormValue("2024-08-02")).toEqual({ jalaliText: "2024-08-02" });
  });

  it("is shown as a Jalali day with Persian digits, or as typed while invalid", () => {
    expect(isoToJalaliText("2024-08-02")).toBe("۱۴۰۳/۰۵/۱۲");
    expect(jalaliInputText("2025-03-21")).toBe("۱۴۰۴/۰۱/۰۱");
    expect(jalaliInputText({ jalaliText: "1403/1" })).toBe("1403/1");
    expect(jalaliInputText(null)).toBe("");
    expect(jalaliInputText("not a day")).toBe("");
  });

  it("round-trips every day of a leap year and the next", () => {
    let day = new Date(Date.UTC(2024, 2, 20));
    for (let i = 0; i < 731; i++) {
      const iso = day.toISOString().slice(0, 10);
      expect(parseJalaliText(isoToJalaliText(iso))).toEqual(ok(iso));
      day = new Date(day.getTime() + 86_400_000);
    }
  });
});

describe("validating the value", () => {
  const now = new Date("2025-06-21T08:00:00Z"); // 1404/03/31 in Tehran

  it("accepts empty values (required() decides) and valid days", () => {
    expect(jalaliDateProblem(null)).toBeUndefined();
    expect(jalaliDateProblem("")).toBeUndefined();
    expect(jalaliDateProblem("2024-08-02")).toBeUndefined();
  });

  it("reports the problem of a text that is not a day", () => {
    expect(jalaliDateProblem({ jalaliText: "1404/12/30" })).toBe("اسفند ۱۴۰۴ فقط ۲۹ روز دارد.");
    expect(jalaliDateProblem(42)).toBe("تاریخ را به شکل سال/ماه/روز شمسی وارد کنید، مانند ۱۴۰۳/۰۵/۱۲.");
  });

  it("checks the bounds, in Jalali", () => {
    expect(jalaliDateProblem("2025-06-22", { notInFuture: true }, now)).toBe(
      "تاریخ نباید پس از امروز (۱۴۰۴/۰۳/۳۱) باشد.",
    );
    expect(jalaliDateProblem("2025-06-21", { notInFuture: true }, now)).toBeUndefined();
    expect(jalaliDateProblem("2024-08-01", { min: "2024-08-02" })).toBe("تاریخ نباید پیش از ۱۴۰۳/۰۵/۱۲ باشد.");
    expect(jalaliDateProblem("2024-08-03", { max: "2024-08-02" })).toBe("تاریخ نباید پس از ۱۴۰۳/۰۵/۱۲ باشد.");
  });

  it("uses Tehran's calendar day for today", () => {
    expect(tehranTodayIso(new Date("2025-06-21T20:45:00Z"))).toBe("2025-06-22");
    expect(tehranTodayIso(new Date("2025-06-21T20:15:00Z"))).toBe("2025-06-21");
  });
});

describe("the day a date picker shows and returns", () => {
  it("shows an ISO day as that local calendar day and reads it back", () => {
    for (const iso of ["2019-10-08", "2024-03-20", "2025-03-21", "2025-09-22"]) {
      const date = isoDayToPickerDate(iso)!;
      expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual(iso.split("-").map(Number));
      expect(pickerDateToIsoDay(date)).toBe(iso);
    }
  });

  it("has no day for anything but an ISO day, nor for an invalid date", () => {
    expect(isoDayToPickerDate("1398/07/16")).toBeNull();
    expect(isoDayToPickerDate({ jalaliText: "1398" })).toBeNull();
    expect(isoDayToPickerDate(null)).toBeNull();
    expect(pickerDateToIsoDay(null)).toBeNull();
    expect(pickerDateToIsoDay(new Date(Number.NaN))).toBeNull();
  });

  it("offers days up to max, or up to today on Tehran's clock when future days are refused", () => {
    // 2025-03-20 22:00 UTC is already 1404/01/01 (2025-03-21) in Tehran.
    const now = new Date("2025-03-20T22:00:00Z");
    expect(latestPickableDay({}, now)).toBeUndefined();
    expect(latestPickableDay({ max: "2025-01-01" }, now)).toBe("2025-01-01");
    expect(latestPickableDay({ notInFuture: true }, now)).toBe("2025-03-21");
    expect(latestPickableDay({ max: "2025-01-01", notInFuture: true }, now)).toBe("2025-01-01");
    expect(latestPickableDay({ max: "2026-01-01", notInFuture: true }, now)).toBe("2025-03-21");
  });
});
