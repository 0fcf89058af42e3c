import { mkdtempSync } from "node:fs";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import S3rver from "s3rver";
import { storageFromSettings } from "../src/attachments/storage";

/**
 * The S3 storage of attachments against a real S3-compatible server (s3rver, in-process, on a temporary folder):
 * the settings pick it, content-addressed puts are deduplicated, gets stream the bytes back, a missing object is null.
 */
let server: S3rver;
let endpoint: string;
const saved = { ...process.env };

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: mkdtempSync(join(tmpdir(), "hamafza-s3-")),
    configureBuckets: [{ name: "hamafza-attachments", configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
  Object.assign(process.env, {
    HAMAFZA_S3_BUCKET: "hamafza-attachments",
    HAMAFZA_S3_ENDPOINT: endpoint,
    HAMAFZA_S3_REGION: "us-east-1",
    HAMAFZA_S3_ACCESS_KEY_ID: "S3RVER",
    HAMAFZA_S3_SECRET_ACCESS_KEY: "S3RVER",
  });
});

afterAll(async () => {
  process.env = saved;
  await server?.close();
});

const sha = (content: Buffer) => createHash("sha256").update(content).digest("hex");
const read = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

describe("S3 storage", () => {
  it("is chosen by the settings and stores each content once, by its SHA-256", async () => {
    const storage = storageFromSettings("/nonexistent");
    expect(storage.description).toBe("S3 bucket hamafza-attachments");
    const content = Buffer.from("%PDF-1.4 صورت‌جلسه");
    expect(await storage.put(sha(content), content, "application/pdf")).toBe(true);
    expect(await storage.put(sha(content), content, "application/pdf")).toBe(false);
    const back = await storage.get(sha(content));
    expect(back).not.toBeNull();
    expect((await read(back!)).equals(content)).toBe(true);
    expect(await storage.get("0".repeat(64))).toBeNull();
  });
});
