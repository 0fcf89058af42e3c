import { describe, expect, it } from "@jest/globals";
import { formatJalali } from "../src/common/jalali";
import { toPersianDigits } from "../src/common/persianDigits";

describe("Jalali formatting", () => {
  it("formats Date scalars as calendar dates with Persian digits", () => {
    expect(formatJalali("2025-06-21")).toBe("۱۴۰۴/۰۳/۳۱");
    expect(formatJalali("2025-03-21")).toBe("۱۴۰۴/۰۱/۰۱");
  });

  it("formats instants in Asia/Tehran regardless of the runtime time zone", () => {
    expect(formatJalali("2025-06-21T20:45:00.000Z", { showTime: true })).toBe("۱۴۰۴/۰۴/۰۱ ۰۰:۱۵");
    expect(formatJalali("2025-03-20T21:00:00Z", { showTime: true })).toBe("۱۴۰۴/۰۱/۰۱ ۰۰:۳۰");
    expect(formatJalali("2025-06-21T08:00:00Z")).toBe("۱۴۰۴/۰۳/۳۱");
  });

  it("returns an empty string for missing or invalid values", () => {
    expect(formatJalali(undefined)).toBe("");
    expect(formatJalali("not a date")).toBe("");
    expect(formatJalali(42)).toBe("");
  });

  it("converts Latin digits to Persian digits", () => {
    expect(toPersianDigits("Tel 021-123")).toBe("Tel ۰۲۱-۱۲۳");
  });
});
