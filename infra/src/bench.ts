import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bearer, dropProvisionedDatabase, jalaliYearBounds, generateServiceSecurity, login, postGraphQL, Role, subgraphHeaders, withClient } from "@hamafza/common";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { createEvaluationDataSource, startEvaluation, syntheticFacts } from "@hamafza/evaluation";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { syntheticNgoRows, toNgoCsv } from "@hamafza/registry";
import { seedNationalData } from "./nationalData";
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
    : await startEmbeddedPostgres({ baseDir: mkdtempSync(join(tmpdir(), "hamafza-bench-")), port: Number(process.env.BENCH_PG_PORT ?? 54398), persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const database = `bench_${Date.now()}`;
  // BENCH_ONLY=live: only the whole-country run with facts fetched from the live subgraphs (no demo stack, no synthetic run).
  // BENCH_ONLY=evaluation: both whole-country runs (synthetic facts, then live facts).
  if (process.env.BENCH_ONLY === "live" || process.env.BENCH_ONLY === "evaluation") {
    try {
      if (process.env.BENCH_ONLY === "evaluation") await benchNationalEvaluation(adminUrl, `${database}_eval`);
      await benchNationalEvaluationLive(adminUrl, `${database}_live`);
    } finally {
      await embedded?.stop();
    }
    return;
  }
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
  }
  try {
    await benchNationalEvaluation(adminUrl, `${database}_eval`);
    await benchNationalEvaluationLive(adminUrl, `${database}_live`);
  } finally {
    await embedded?.stop();
  }
}

/**
 * A whole-country evaluation run (issue 6, «Scale»): 20,000 managers in 450 counties, facts from a synthetic source
 * (the engagement facts query itself is one set of SQL statements, tested for its statement count), computed,
 * snapshotted and stored in one mutation, then recomputed from the snapshot.
 */
async function benchNationalEvaluation(adminUrl: string, database: string) {
  const managers = Number(process.env.BENCH_EVALUATION_MANAGERS ?? 20_000);
  const prepared = await prepareDatabase(adminUrl, database, { demo: false });
  const db = createEvaluationDataSource(prepared.serviceUrls.evaluation);
  await db.initialize();
  const security = generateServiceSecurity();
  const facts = syntheticFacts(managers);
  const server = await startEvaluation({ db, port: 0, security, factsSource: async () => facts });
  try {
    await db.query(`UPDATE evaluation_cycle SET state = 'OPEN' WHERE year = 1404`);
    const headers = await subgraphHeaders(security, { role: Role.EVALUATOR });
    const started = performance.now();
    const run = await postGraphQL(server.url, `mutation { runEvaluation(year: 1404) { id managersScored durationMs } }`, {}, headers);
    const elapsed = performance.now() - started;
    if (run.errors) throw new Error(`runEvaluation: ${run.errors[0].message}`);
    const recomputeStarted = performance.now();
    const again = await postGraphQL(server.url, `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`, { id: run.data!.runEvaluation.id }, headers);
    const recompute = performance.now() - recomputeStarted;
    console.log(
      `evaluation run (${run.data!.runEvaluation.managersScored} managers, 450 counties, synthetic facts): ${elapsed.toFixed(0)} ms; ` +
        `recompute from snapshot ${recompute.toFixed(0)} ms (identical: ${again.data?.recomputeEvaluationRun.identical})`,
    );
  } finally {
    await server.stop();
    await db.destroy();
    await dropProvisionedDatabase(adminUrl, database);
  }
}

/**
 * The same whole-country run with its facts fetched live (issue 6, «Scale»): a database seeded with a year of the
 * country's engagement (`seedNationalData`: ~450 counties, BENCH_LIVE_MANAGERS managers, default 20,000), the
 * in-process stack, `runEvaluation(year: 1404)` through the gateway as `admin`, so the evaluation service reads the
 * registry and engagement subgraphs over HTTP exactly as in production; then `recomputeEvaluationRun`. The upstream
 * requests are timed by wrapping this process's `fetch` (the evaluation service runs in-process), nothing else.
 */
async function benchNationalEvaluationLive(adminUrl: string, database: string) {
  const managers = Number(process.env.BENCH_LIVE_MANAGERS ?? 20_000);
  const prepared = await prepareDatabase(adminUrl, database, { demo: false });
  try {
    const seed = await seedNationalData(prepared, { managers, log: process.env.BENCH_VERBOSE ? console.log : undefined });
    console.log(
      `national data seeded in ${seed.durationMs} ms: ${seed.counties} counties (${seed.syntheticCounties} synthetic), ${seed.agencies} agencies, ` +
        `${seed.managers} managers, ${seed.ngos} NGOs, ${seed.licences} licences, ${seed.meetings} meetings (${seed.heldMeetings} held), ` +
        `${seed.attendance} attendance rows, ${seed.agendaItems} agenda items, ${seed.resolutions} resolutions, ${seed.workingGroups} working groups, ` +
        `${seed.proposals} proposals, ${seed.demands} demands`,
    );
    const stack = await startInProcessStack(prepared);
    const upstream: { service: string; requestBytes: number; responseBytes: number; ms: number; status: number }[] = [];
    const services = new Map(Object.entries(stack.subgraphUrls).map(([name, url]) => [url, name]));
    const originalFetch = globalThis.fetch;
    globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const service = services.get(url);
      if (!service || service === "identity" || service === "evaluation") return originalFetch(input, init);
      const started = performance.now();
      const response = await originalFetch(input, init);
      const body = Buffer.from(await response.arrayBuffer());
      upstream.push({ service, requestBytes: typeof init?.body === "string" ? Buffer.byteLength(init.body) : 0, responseBytes: body.length, ms: performance.now() - started, status: response.status });
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
    const sql = (text: string, params: unknown[] = []) => withClient(prepared.adminUrl, async (client) => (await client.query(text, params)).rows);
    try {
      await sql(`UPDATE evaluation.evaluation_cycle SET state = 'OPEN' WHERE year = 1404`);
      const token = await login(stack.baseUrl, "admin", prepared.admin.generatedPassword!);
      const headers = bearer(token);
      const started = performance.now();
      const run = await postGraphQL(stack.gatewayUrl, `mutation { runEvaluation(year: 1404) { id managersScored durationMs } }`, {}, headers);
      const elapsed = performance.now() - started;
      const calls = upstream.splice(0);
      for (const call of calls) {
        console.log(`  upstream ${call.service}: ${call.ms.toFixed(0)} ms, request ${(call.requestBytes / 1024).toFixed(0)} KiB, response ${(call.responseBytes / 1048576).toFixed(1)} MiB, HTTP ${call.status}`);
      }
      if (run.errors) throw new Error(`runEvaluation: ${run.errors[0].message} ${JSON.stringify(run.errors[0].extensions ?? {})}`);
      const { id, managersScored, durationMs } = run.data!.runEvaluation;
      const [size] = await sql(`SELECT pg_column_size(snapshot) AS stored, octet_length(snapshot::text) AS text FROM evaluation.evaluation_run WHERE id = $1`, [id]);
      const { start, end } = jalaliYearBounds(1404);
      const [year] = await sql(`SELECT count(*)::int AS held FROM engagement.meeting WHERE status = 'HELD' AND held_at >= $1 AND held_at < $2`, [start, end]);
      const fetchMs = calls.reduce((sum, call) => sum + call.ms, 0); // sequential except the parallel facts chunks
      const recomputeStarted = performance.now();
      const again = await postGraphQL(stack.gatewayUrl, `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`, { id }, headers);
      const recompute = performance.now() - recomputeStarted;
      if (again.errors) throw new Error(`recomputeEvaluationRun: ${again.errors[0].message}`);
      console.log(
        `evaluation run, live facts (${managersScored} managers scored of ${seed.managers}, ${seed.counties} counties, ${year.held} meetings held in 1404): ` +
          `${elapsed.toFixed(0)} ms through the gateway (service ${durationMs} ms; upstream requests ${calls.length}, ${fetchMs.toFixed(0)} ms summed); ` +
          `snapshot ${(Number(size.stored) / 1048576).toFixed(1)} MB stored (${(Number(size.text) / 1048576).toFixed(1)} MB as text); ` +
          `recompute from snapshot ${recompute.toFixed(0)} ms (identical: ${again.data?.recomputeEvaluationRun.identical})`,
      );
    } finally {
      globalThis.fetch = originalFetch;
      await stack.stop();
    }
  } finally {
    await dropProvisionedDatabase(adminUrl, database);
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
