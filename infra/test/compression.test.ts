import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/** Compression and caching at the gateway: br/gzip above a threshold, immutable hashed assets. */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let token: string;
let dashboardDir: string;
const ASSET = "assets/index-Bx7kQ9aZ.js";
const assetText = "export const names = [" + Array.from({ length: 3000 }, (_, i) => `"سمن ${i}"`).join(",") + "];\n";
/** An asset the build compressed ahead (`<file>.br`, as dashboard/vite.config.mts writes them). */
const PACKED_ASSET = "assets/NgoList-Qw3rTy9z.js";
const packedText =
  "export const counties = [" + Array.from({ length: 3000 }, (_, i) => `"شهرستان ${i}"`).join(",") + "];\n";
const packedBytes = brotliCompressSync(packedText, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

beforeAll(async () => {
  dashboardDir = mkdtempSync(join(tmpdir(), "hamafza-dashboard-"));
  mkdirSync(join(dashboardDir, "assets"));
  writeFileSync(
    join(dashboardDir, "index.html"),
    `<!doctype html><html lang="fa" dir="rtl"><head><script type="module" src="/${ASSET}"></script></head><body></body></html>`,
  );
  writeFileSync(join(dashboardDir, ASSET), assetText);
  writeFileSync(join(dashboardDir, PACKED_ASSET), packedText);
  writeFileSync(join(dashboardDir, `${PACKED_ASSET}.br`), packedBytes);
  prepared = await prepareTestDatabase("compression", { demo: true });
  stack = await startInProcessStack(prepared, { dashboardDir });
  token = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
  rmSync(dashboardDir, { recursive: true, force: true });
});

/** A raw HTTP exchange (fetch would decode the body and hide what went over the wire). */
function exchange(
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer }> {
  const url = new URL(path, stack.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body ? "POST" : "GET",
        headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const graphql = (query: string, encoding: string) =>
  exchange("/graphql", { authorization: `Bearer ${token}`, "accept-encoding": encoding }, JSON.stringify({ query }));

describe("gateway compression", () => {
  it("sends a large /graphql answer brotli-compressed when the client accepts br, and it decodes to the answer", async () => {
    const res = await graphql(
      `
        {
          ngos(limit: 100) {
            totalCount
            items {
              id
              name
              nationalId
              county {
                name
              }
            }
          }
        }
      `,
      "gzip, br",
    );
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    const decoded = brotliDecompressSync(res.raw);
    expect(decoded.length).toBeGreaterThan(res.raw.length);
    expect(JSON.parse(decoded.toString()).data.ngos.items.length).toBeGreaterThan(0);
  });

  it("uses gzip for clients without br, and sends small answers and clients without Accept-Encoding as they are", async () => {
    const gz = await graphql(
      `
        {
          ngos(limit: 100) {
            items {
              id
              name
            }
          }
        }
      `,
      "gzip",
    );
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.raw).toString()).data.ngos.items.length).toBeGreaterThan(0);
    const small = await graphql(
      `
        {
          ngos(limit: 1) {
            totalCount
          }
        }
      `,
      "gzip, br",
    );
    expect(small.headers["content-encoding"]).toBeUndefined();
    const plain = await graphql(
      `
        {
          ngos(limit: 100) {
            items {
              id
              name
            }
          }
        }
      `,
      "identity",
    );
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.raw.toString()).data.ngos.items.length).toBeGreaterThan(0);
  });

  it("caches hashed dashboard assets for a year as immutable, compressed; index.html and app routes revalidate", async () => {
    const asset = await exchange(`/${ASSET}`, { "accept-encoding": "br" });
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(asset.raw).toString()).toBe(assetText);
    for (const path of ["/", "/index.html", "/ngos/123/show"]) {
      const page = await exchange(path, {});
      expect(page.status).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("sends an asset compressed ahead as its .br file to clients accepting br, and compresses the file itself for others", async () => {
    const packed = await exchange(`/${PACKED_ASSET}`, { "accept-encoding": "gzip, deflate, br" });
    expect(packed.status).toBe(200);
    expect(packed.headers["content-encoding"]).toBe("br");
    expect(packed.headers["content-type"]).toMatch(/javascript/);
    expect(packed.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
    expect(packed.raw.equals(packedBytes)).toBe(true); // the build's bytes, not compressed again
    expect(brotliDecompressSync(packed.raw).toString()).toBe(packedText);
    const gzip = await exchange(`/${PACKED_ASSET}`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.raw).toString()).toBe(packedText);
    const plain = await exchange(`/${PACKED_ASSET}`, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.raw.toString()).toBe(packedText);
    expect(
      (await exchange(`/${PACKED_ASSET}.br/../../index.html`, { "accept-encoding": "br" })).headers["content-encoding"],
    ).not.toBe("br");
  });
});
