import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropProvisionedDatabase, postGraphQL, startEmbeddedPostgres } from "@hamafza/common";
import { prepareDatabase } from "./prepare";
import { startInProcessStack } from "./stack";

/**
 * `npm run bench`: figures, not pass/fail. Starts the stack on the demo data (embedded PostgreSQL unless
 * DATABASE_URL is set) and times gateway queries over loopback. Bounded: a fixed number of requests.
 */
const QUERIES: Record<string, string> = {
  "ngo list (25, registry only)": `{ ngos(limit: 25) { totalCount items { id name status county { name } } } }`,
  "cross-service (40 NGOs → meetings → chair → scores)": `{ ngos(limit: 40) { items { name county { name province { name } } meetings { title chair { name scores { total grade } } } } } }`,
  "meeting list (50, engagement + registry refs)": `{ meetings(limit: 50) { totalCount items { title jalaliQuarter ngoCount county { name } chair { name } } } }`,
};
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
    for (const [name, query] of Object.entries(QUERIES)) {
      for (let i = 0; i < 10; i++) await postGraphQL(stack.gatewayUrl, query); // warm-up
      const timings: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const started = performance.now();
        const result = await postGraphQL(stack.gatewayUrl, query);
        timings.push(performance.now() - started);
        if (result.errors) throw new Error(`${name}: ${result.errors[0].message}`);
      }
      timings.sort((a, b) => a - b);
      const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor(timings.length * p))].toFixed(1);
      console.log(`${name}: ${ITERATIONS} requests, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms`);
    }
  } finally {
    await stack.stop();
    await dropProvisionedDatabase(adminUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
