import { describe, expect, it } from "@jest/globals";
import { formatPersianDecimal, toPersianDigits } from "../src/common/persianDigits";

describe("numbers on screen", () => {
  it("write decimals with Persian digits and the Persian decimal separator, never a Latin dot or comma", () => {
    expect(formatPersianDecimal(64.82)).toBe("۶۴٫۸۲");
    expect(formatPersianDecimal(64.8)).toBe("۶۴٫۸۰");
    expect(formatPersianDecimal(1073.256, 1)).toBe("۱٬۰۷۳٫۳");
    expect(formatPersianDecimal(70, 2, true)).toBe("۷۰");
    expect(formatPersianDecimal(70.5, 2, true)).toBe("۷۰٫۵۰");
    for (const value of [0.5, 12.345, 1073, 99999.99]) expect(formatPersianDecimal(value)).not.toMatch(/[0-9.,]/);
  });

  it("turn every ASCII digit of a code into a Persian digit and leave the rest", () => {
    expect(toPersianDigits("10100123456")).toBe("۱۰۱۰۰۱۲۳۴۵۶");
    expect(toPersianDigits("021-88 77")).toBe("۰۲۱-۸۸ ۷۷");
    expect(toPersianDigits("YOUTH")).toBe("YOUTH");
  });
});
