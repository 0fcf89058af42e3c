import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { attachmentDisposition as contentDisposition } from "../src/listDownload";
import { limitsFromSettings } from "../src/attachments/limits";
import { LocalDiskStorage } from "../src/attachments/storage";

const sha = (content: Buffer) => createHash("sha256").update(content).digest("hex");
async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("LocalDiskStorage", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hamafza-storage-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stores a content once under its SHA-256 and reads it back; an absent one is null", async () => {
    const storage = new LocalDiskStorage(dir);
    const content = Buffer.from("%PDF-1.4 صورت‌جلسه");
    expect(await storage.put(sha(content), content, "application/pdf")).toBe(true);
    expect(await storage.put(sha(content), content, "application/pdf")).toBe(false);
    expect(readdirSync(join(dir, sha(content).slice(0, 2)))).toEqual([sha(content)]);
    expect((await read((await storage.get(sha(content)))!)).equals(content)).toBe(true);
    expect(await storage.get("0".repeat(64))).toBeNull();
  });

  it("refuses a name that is not a SHA-256 digest (no path can be smuggled in)", async () => {
    const storage = new LocalDiskStorage(dir);
    await expect(storage.put("../../etc/passwd", Buffer.from("x"), "text/plain")).rejects.toThrow(/SHA-256/);
    await expect(storage.get("../" + "a".repeat(61))).rejects.toThrow(/SHA-256/);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name (RFC 6266)", () => {
    expect(contentDisposition('صورت "جلسه".pdf')).toBe(
      `attachment; filename="____ ______.pdf"; filename*=UTF-8''${encodeURIComponent('صورت "جلسه".pdf')}`,
    );
    expect(contentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});

describe("limitsFromSettings", () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it("accepts every sniffable type by default and the listed ones when set", () => {
    delete process.env.HAMAFZA_ATTACHMENT_TYPES;
    expect(limitsFromSettings().types).toContain("image/tiff");
    process.env.HAMAFZA_ATTACHMENT_TYPES = "application/pdf, IMAGE/PNG";
    process.env.HAMAFZA_ATTACHMENT_MAX_BYTES = "4096";
    expect(limitsFromSettings()).toEqual({ maxBytes: 4096, types: ["application/pdf", "image/png"] });
  });

  it("refuses a type content sniffing cannot recognise", () => {
    process.env.HAMAFZA_ATTACHMENT_TYPES = "application/pdf,text/html";
    expect(() => limitsFromSettings()).toThrow(/text\/html/);
  });
});
