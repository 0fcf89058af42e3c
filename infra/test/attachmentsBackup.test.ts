import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { copyAttachmentContents, localAttachmentDir } from "../src/attachmentsBackup";

/** `npm run backup` / `restore` copy the local attachments directory beside the database dump (docs/attachments.md). */
const root = mkdtempSync(join(tmpdir(), "hamafza-attachments-backup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function store(dir: string, text: string): string {
  const digest = createHash("sha256").update(text).digest("hex");
  mkdirSync(join(dir, digest.slice(0, 2)), { recursive: true });
  writeFileSync(join(dir, digest.slice(0, 2), digest), text);
  return digest;
}

describe("copyAttachmentContents", () => {
  it("copies stored contents, skipping ones the target has, temporary parts and stray files", () => {
    const from = join(root, "from");
    const to = join(root, "to");
    const a = store(from, "صورت‌جلسه");
    const b = store(from, "پروانه");
    writeFileSync(join(from, a.slice(0, 2), `${a}.1234.part`), "half");
    writeFileSync(join(from, "notes.txt"), "not a content");
    store(to, "پروانه");

    expect(copyAttachmentContents(from, to)).toBe(1);
    expect(readFileSync(join(to, a.slice(0, 2), a), "utf8")).toBe("صورت‌جلسه");
    expect(readdirSync(join(to, b.slice(0, 2)))).toEqual([b]);
    expect(readdirSync(to).sort()).toEqual([a.slice(0, 2), b.slice(0, 2)].sort());
    expect(copyAttachmentContents(from, to)).toBe(0);
    expect(copyAttachmentContents(join(root, "absent"), to)).toBe(0);
  });
});

describe("localAttachmentDir", () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it("is the configured directory, and none when attachments are in S3", () => {
    process.env.HAMAFZA_ATTACHMENT_DIR = "/srv/hamafza/attachments";
    delete process.env.HAMAFZA_S3_BUCKET;
    expect(localAttachmentDir()).toBe("/srv/hamafza/attachments");
    process.env.HAMAFZA_S3_BUCKET = "hamafza";
    expect(localAttachmentDir()).toBeNull();
  });
});
