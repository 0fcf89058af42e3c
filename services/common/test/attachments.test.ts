import {
  cleanFileName,
  declaredMediaType,
  isUploadReceipt,
  kindFits,
  sniffMediaType,
  uploadReceipt,
} from "@hamafza/common";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

describe("sniffMediaType", () => {
  it.each([
    ["application/pdf", bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
    ["image/png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR")],
    ["image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF")],
    ["image/webp", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")],
    ["image/tiff", bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ["image/tiff", bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
    [
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....PK..word/document.xml"),
    ],
    [
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....PK..xl/workbook.xml"),
    ],
  ])("recognises %s from its first bytes", (type, content) => {
    expect(sniffMediaType(content)).toBe(type);
  });

  it.each([
    ["plain text", bytes("سلام، این یک متن است")],
    ["HTML", bytes("<!doctype html><script>alert(1)</script>")],
    ["an executable", bytes([0x4d, 0x5a, 0x90, 0x00])],
    ["a ZIP that is no Office document", bytes([0x50, 0x4b, 0x03, 0x04], "....payload/evil.sh")],
    ["RIFF that is not WebP (WAV)", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ")],
    ["a truncated PNG signature", bytes([0x89, 0x50, 0x4e])],
    ["nothing", bytes()],
  ])("refuses %s", (_what, content) => {
    expect(sniffMediaType(content)).toBeNull();
  });
});

describe("declaredMediaType", () => {
  it("keeps the media type only, lower-cased, with JPEG's aliases folded", () => {
    expect(declaredMediaType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(declaredMediaType("image/jpg")).toBe("image/jpeg");
    expect(declaredMediaType(undefined)).toBeNull();
    expect(declaredMediaType("")).toBeNull();
  });
});

describe("cleanFileName", () => {
  it("keeps the last path part without control characters or quotes", () => {
    expect(cleanFileName("C:\\Users\\x\\صورت‌جلسه ۱۴۰۴.pdf")).toBe("صورت‌جلسه ۱۴۰۴.pdf");
    expect(cleanFileName('../../etc/pa"ss\nwd')).toBe("passwd");
    expect(cleanFileName("  ")).toBeNull();
    expect(cleanFileName("..")).toBeNull();
    expect(cleanFileName(undefined)).toBeNull();
    expect([...cleanFileName("ن".repeat(500))!].length).toBe(200);
  });
});

describe("upload receipts", () => {
  const file = { sha256: "a".repeat(64), sizeBytes: 1234, mediaType: "application/pdf" };

  it("are accepted for the file signed with the same secret only", () => {
    const receipt = uploadReceipt("secret-one-0123456789", file);
    expect(isUploadReceipt("secret-one-0123456789", file, receipt)).toBe(true);
    expect(isUploadReceipt("secret-two-0123456789", file, receipt)).toBe(false);
    expect(isUploadReceipt("secret-one-0123456789", { ...file, sizeBytes: 1235 }, receipt)).toBe(false);
    expect(isUploadReceipt("secret-one-0123456789", { ...file, mediaType: "image/png" }, receipt)).toBe(false);
    expect(isUploadReceipt("secret-one-0123456789", file, "")).toBe(false);
  });
});

describe("kindFits", () => {
  it("lets each record take its own kinds only", () => {
    expect(kindFits("MEETING", "MINUTES")).toBe(true);
    expect(kindFits("MEETING", "ATTENDANCE_SHEET")).toBe(true);
    expect(kindFits("LICENCE", "LICENCE_SCAN")).toBe(true);
    expect(kindFits("RESOLUTION", "COMPLETION_EVIDENCE")).toBe(true);
    expect(kindFits("LICENCE", "MINUTES")).toBe(false);
    expect(kindFits("MEETING", "LICENCE_SCAN")).toBe(false);
    expect(kindFits("MEETING", "anything")).toBe(false);
  });
});
