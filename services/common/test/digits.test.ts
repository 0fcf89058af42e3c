import { toAsciiDigits, toPersianDigits } from "../src/digits";

// An independent oracle: Intl writes each digit in the Persian (fa-IR) and Arabic-Indic (ar-EG) scripts.
const persian = (d: number) => new Intl.NumberFormat("fa-IR", { useGrouping: false }).format(d);
const arabicIndic = (d: number) => new Intl.NumberFormat("ar-EG", { useGrouping: false }).format(d);

describe("digits", () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])("converts the digit %i both ways", (d) => {
    expect(toPersianDigits(d)).toBe(persian(d));
    expect(toPersianDigits(String(d))).toBe(persian(d));
    expect(toAsciiDigits(persian(d))).toBe(String(d));
    expect(toAsciiDigits(arabicIndic(d))).toBe(String(d));
  });

  it("keeps everything else of the text as typed", () => {
    expect(toPersianDigits("سمن ۱ - NGO 2024/07, کد 10")).toBe("سمن ۱ - NGO ۲۰۲۴/۰۷, کد ۱۰");
    expect(toAsciiDigits("کد ملی: ۰۰۱۲٣٤٥ – abc 9")).toBe("کد ملی: 0012345 – abc 9");
    expect(toAsciiDigits("")).toBe("");
    expect(toPersianDigits("")).toBe("");
  });

  it("round-trips any ASCII text through Persian digits (20,000 generated strings)", () => {
    const alphabet = "0123456789abc -/.,:سمنيك";
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      const length = i % 17;
      for (let j = 0; j < length; j++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        text += alphabet[seed % alphabet.length];
      }
      const shown = toPersianDigits(text);
      expect(/[0-9]/.test(shown)).toBe(false);
      expect(toAsciiDigits(shown)).toBe(text);
    }
  });

  it("passes values that are not text through for the validator to refuse", () => {
    expect(toAsciiDigits(12 as unknown as string)).toBe(12);
    expect(toPersianDigits(1405)).toBe("۱۴۰۵");
  });
});
