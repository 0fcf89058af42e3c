import { containsPattern, normalizePersian, toAsciiDigits } from "@hamafza/common";

describe("normalizePersian", () => {
  // Each pair is two spellings real users type for the same thing; both must normalise identically.
  const sameWord: [string, string][] = [
    ["سمن‌ها", "سمنها"],
    ["سمن‌ها", "سمن ها"],
    ["سمن ها", "سمنها"],
    ["انجمن حمايت", "انجمن حمایت"],
    ["كودكان", "کودکان"],
    ["ي", "ی"],
    ["ى", "ی"],
    ["ك", "ک"],
    ["مؤسسه", "موسسه"],
    ["أمید", "امید"],
    ["إسلام", "اسلام"],
    ["جامعة", "جامعه"],
    ["خانهٔ سمن‌ها", "خانه سمنها"],
    ["مُحَمَّد", "محمد"],
    ["زنـــجان", "زنجان"],
    ["۱۴۰۴", "1404"],
    ["٣٤", "34"],
    ["خانه  تشکل‌ها", "خانه تشکلها"],
    [" زنجان ", "زنجان"],
    ["هم‌افزایی", "هم افزایی"],
    ["سازمان‌های مردم‌نهاد", "سازمانهای مردمنهاد"],
    ["سازمان های مردم نهاد", "سازمانهای مردمنهاد"],
    ["تشكل‌هاي غيردولتي", "تشکلهای غیردولتی"],
    ["نيازسنجي", "نیازسنجی"],
    ["\u200Fزنجان\u200E", "زنجان"],
    ["دفتر تسهیل‌گری", "دفتر تسهیلگری"],
    ["شهرستان قدس", "شهرستان  قدس"],
    ["ABC", "abc"],
    ["سمن\u00A0ها", "سمنها"],
    ["كانون جوانان داوطلب قزوين", "کانون جوانان داوطلب قزوین"],
  ];

  it.each(sameWord)("«%s» and «%s» normalise the same", (a, b) => {
    expect(normalizePersian(a)).toBe(normalizePersian(b));
  });

  it("keeps different words different", () => {
    expect(normalizePersian("زنجان")).not.toBe(normalizePersian("تهران"));
    expect(normalizePersian("ابهر")).not.toBe(normalizePersian("اهر"));
  });

  it("treats empty input as empty", () => {
    expect(normalizePersian(null)).toBe("");
    expect(normalizePersian("   ")).toBe("");
  });

  it("converts Persian and Arabic-Indic digits to ASCII", () => {
    expect(toAsciiDigits("۰۹۱۲-٣٤٥")).toBe("0912-345");
  });

  it("escapes LIKE wildcards in search patterns", () => {
    expect(containsPattern("50%_ها")).toBe("%50\\%\\_ها%");
  });
});
