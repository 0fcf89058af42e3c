import { isValidLegalNationalId, normalizePhone } from "../src/validation";

describe("NGO field validation", () => {
  it.each(["14905484270", "14506416517", "10380284790"])("accepts the valid national id %s", (id) => {
    expect(isValidLegalNationalId(id)).toBe(true);
  });

  it.each(["14905484271", "1490548427", "149054842700", "abcdefghijk", "00000000000"])(
    "refuses the national id %s",
    (id) => {
      expect(isValidLegalNationalId(id)).toBe(false);
    },
  );

  it.each([
    ["09121234567", "09121234567"],
    ["+989121234567", "09121234567"],
    ["00989121234567", "09121234567"],
    ["۰۹۱۲ ۱۲۳ ۴۵۶۷", "09121234567"],
    ["024-33441258", "02433441258"],
  ])("normalises the phone %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["123", "0912123456", "19121234567", "0012345678", "0900000000000"])("refuses the phone %s", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
