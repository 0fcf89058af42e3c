import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "../infra/src/embeddedPostgres";

/**
 * One real PostgreSQL for the whole test run: DATABASE_URL if set (an admin connection), else an embedded
 * server in a temporary folder on a free port. Each test file then makes its own database.
 */
export default async function globalSetup() {
  process.env.APOLLO_TELEMETRY_DISABLED = "1";
  if (process.env.DATABASE_URL) {
    process.env.HAMAFZA_TEST_ADMIN_URL = process.env.DATABASE_URL;
    console.log("\n[tests] PostgreSQL: DATABASE_URL");
    return;
  }
  const port = await freePort();
  const started = Date.now();
  const handle = await startEmbeddedPostgres({
    baseDir: mkdtempSync(join(tmpdir(), "hamafza-test-pg-")),
    port,
    persistent: false,
  });
  (globalThis as { __HAMAFZA_PG__?: unknown }).__HAMAFZA_PG__ = handle;
  process.env.HAMAFZA_TEST_ADMIN_URL = handle.adminUrl;
  console.log(`\n[tests] PostgreSQL: embedded on 127.0.0.1:${port} (started in ${Date.now() - started} ms)`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
