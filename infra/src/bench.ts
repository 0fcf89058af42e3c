import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bearer, dropProvisionedDatabase, login, postGraphQL, startEmbeddedPostgres } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { syntheticNgoRows, toNgoCsv } from "@hamafza/registry";
import { prepareDatabase } from "./prepare";
import { startInProcessStack } from "./stack";

/**
 * `npm run bench`: figures, not pass/fail. Starts the stack on the demo data (embedded PostgreSQL unless
 * DATABASE_URL is set) and times gateway queries over loopback. Bounded: a fixed number of requests.
 */
const QUERIES: Record<string, { user: string; query: string }> = {
  "ngo list (25, registry only)": { user: "demo.admin", query: `{ ngos(limit: 25) { totalCount items { id name status county { name } } } }` },
  "ngo list (25, county officer: territory in SQL)": { user: "demo.county", query: `{ ngos(limit: 25) { totalCount items { id name status county { name } } } }` },
  "cross-service (40 NGOs → meetings → chair → scores)": {
    user: "demo.admin",
    query: `{ ngos(limit: 40) { items { name county { name province { name } } meetings { title chair { name scores { total grade } } } } } }`,
  },
  "meeting list (50, engagement + registry refs)": { user: "demo.admin", query: `{ meetings(limit: 50) { totalCount items { title jalaliQuarter ngoCount county { name } chair { name } } } }` },
};
const SIGN_INS = 20;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

async function main() {
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ baseDir: mkdtempSync(join(tmpdir(), "hamafza-bench-")), port: 54398, persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const database = `bench_${Date.now()}`;
  const prepareStarted = performance.now();
  const prepared = await prepareDatabase(adminUrl, database, { demo: true });
  console.log(`prepare (provision, migrate, reference + demo data): ${(performance.now() - prepareStarted).toFixed(0)} ms`);
  const stack = await startInProcessStack(prepared);
  try {
    const signIns: number[] = [];
    const tokens: Record<string, string> = {};
    for (let i = 0; i < SIGN_INS; i++) {
      const started = performance.now();
      tokens["demo.admin"] = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
      signIns.push(performance.now() - started);
    }
    report(`sign-in (argon2id verify, session, Ed25519 token)`, signIns);
    tokens["demo.county"] = await login(stack.baseUrl, "demo.county", DEMO_PASSWORD);
    for (const [name, { user, query }] of Object.entries(QUERIES)) {
      const headers = bearer(tokens[user]);
      for (let i = 0; i < 10; i++) await postGraphQL(stack.gatewayUrl, query, {}, headers); // warm-up
      const timings: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const started = performance.now();
        const result = await postGraphQL(stack.gatewayUrl, query, {}, headers);
        timings.push(performance.now() - started);
        if (result.errors) throw new Error(`${name}: ${result.errors[0].message}`);
      }
      report(name, timings);
    }
    await benchImport(stack.gatewayUrl, tokens["demo.admin"]);
  } finally {
    await stack.stop();
    await dropProvisionedDatabase(adminUrl, database);
    await embedded?.stop();
  }
}

/** importNgos: 5,000 synthetic rows into the fresh bench database, through the gateway, in one request (runs last). */
async function benchImport(gatewayUrl: string, token: string) {
  const zanjan = ["1901", "1902", "1903", "1904", "1905", "1906", "1907", "1908"];
  const csv = toNgoCsv(syntheticNgoRows(5000, zanjan, "15"));
  const started = performance.now();
  const result = await postGraphQL(gatewayUrl, `mutation($csv: String!) { importNgos(csv: $csv) { ok importedCount problemCount durationMs } }`, { csv }, bearer(token));
  const elapsed = performance.now() - started;
  const report = result.data?.importNgos;
  if (result.errors || !report?.ok) throw new Error(`importNgos: ${result.errors?.[0].message ?? `${report?.problemCount} problems`}`);
  console.log(`importNgos (${report.importedCount} rows, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB CSV, one transaction): ${elapsed.toFixed(0)} ms (registry ${report.durationMs} ms)`);
}

function report(name: string, timings: number[]) {
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor(timings.length * p))].toFixed(1);
  console.log(`${name}: ${timings.length} requests, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
