import { request } from "node:http";
import { DASHBOARD_INTROSPECTION_QUERY } from "@hamafza/common";
import { firstLoadAssets } from "./firstLoad";

interface Transfer {
  path: string;
  wireBytes: number;
  encoding: string;
}

/** GET/POST as a browser would (Accept-Encoding: gzip, deflate, br), counting the bytes that went over the wire. */
function transfer(url: URL, headers: Record<string, string> = {}, body?: string): Promise<Transfer & { text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: body ? "POST" : "GET", headers: { "accept-encoding": "gzip, deflate, br", ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({
            path: url.pathname,
            wireBytes: raw.length,
            encoding: String(res.headers["content-encoding"] ?? "identity"),
            text: res.headers["content-encoding"] ? "" : raw.toString(),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * The dashboard's first load as the browser fetches it (index.html, then every script, module preload and
 * stylesheet it names; fonts come later, only those the page uses) and the introspection the data provider sends
 * after sign-in: bytes over the wire, compressed as our gateway serves them.
 */
export async function measureDashboard(
  baseUrl: string,
  token: string,
): Promise<{
  firstLoadKiB: number;
  files: Transfer[];
  introspectionKiB: number;
  introspectionEncoding: string;
} | null> {
  const index = await transfer(new URL("/", baseUrl), { "accept-encoding": "identity" });
  const assets = firstLoadAssets(index.text);
  if (!assets.length) return null; // dashboard not built
  const files: Transfer[] = [await transfer(new URL("/", baseUrl))];
  for (const asset of assets) files.push(await transfer(new URL(asset, baseUrl)));
  const introspection = await transfer(
    new URL("/graphql", baseUrl),
    { "content-type": "application/json", authorization: `Bearer ${token}` },
    JSON.stringify({ query: DASHBOARD_INTROSPECTION_QUERY }),
  );
  return {
    firstLoadKiB: Math.round(files.reduce((sum, f) => sum + f.wireBytes, 0) / 1024),
    files: files.map(({ path, wireBytes, encoding }) => ({ path, wireBytes, encoding })),
    introspectionKiB: Math.round(introspection.wireBytes / 1024),
    introspectionEncoding: introspection.encoding,
  };
}
