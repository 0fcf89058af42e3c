import { randomUUID } from "node:crypto";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateGatewaySecret, generateTokenKeyPair, integerSetting, login } from "@hamafza/common";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { prepareDatabase } from "./prepare";
import { freePort, startProcessStack, SUBGRAPH_NAMES } from "./processStack";

/**
 * `npm run soak`: SOAK_MINUTES (10) of mixed read/write load at SOAK_CONCURRENCY (8) against the real processes
 * on a throw-away embedded PostgreSQL with demo data. Prints errors (target 0), p95 per minute, and the resident
 * memory of each process before the load, after the warm-up (the first minute, or tenth of a longer soak) and at the
 * end (target: growth from the warm-up baseline under 20 %). Exits 1 on errors or growth ≥ 20 %.
 */
const minutes = integerSetting("SOAK_MINUTES", 10, { min: 1, max: 24 * 60 });
const concurrency = integerSetting("SOAK_CONCURRENCY", 8, { min: 1, max: 256 });

const READS = [
  `{ ngos(filter: { provinceId: "19" }, limit: 25) { totalCount items { id name county { name } licenceState meetingsAttended { totalCount } } } }`,
  `{ meetings(limit: 25) { totalCount items { id title status attendance { ngoId licenceFlagged } resolutions { id followUpStatus } } } }`,
  `{ managers(limit: 10) { items { id name scores { year total grade } } } }`,
  `{ evaluationResults(filter: { year: 1404 }, limit: 25) { totalCount items { id total grade } } }`,
  `{ auditEntries(limit: 10) { totalCount items { id action } } }`,
];
const WRITE = `mutation($name: String!) { createAgency(input: { name: $name, kind: OTHER, provinceId: "19" }) { id } }`;
const UPDATE = `mutation($id: ID!, $name: String!) { updateAgency(id: $id, input: { name: $name }) { id } }`;

function rssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return (pages * 4096) / 1024 / 1024;
  } catch {
    return NaN;
  }
}

async function main() {
  const baseDir = mkdtempSync(join(tmpdir(), "hamafza-soak-pg-"));
  const postgres = await startEmbeddedPostgres({ baseDir, port: await freePort(), persistent: false });
  const prepared = await prepareDatabase(postgres.adminUrl, "hamafza_soak", { demo: true });
  const pair = generateTokenKeyPair();
  const ports = await Promise.all([0, 1, 2, 3, 4].map(() => freePort()));
  const stack = await startProcessStack(prepared, {
    host: "127.0.0.1",
    gatewayPort: ports[0],
    servicePorts: { registry: ports[1], engagement: ports[2], evaluation: ports[3], identity: ports[4] },
    shared: { HAMAFZA_GATEWAY_SECRET: generateGatewaySecret(), HAMAFZA_JWT_PUBLIC_KEY: pair.publicKeyPem },
    privateKeyPem: pair.privateKeyPem,
    // Settings given to the soak reach the processes (e.g. HAMAFZA_COMPRESSION=0 to compare memory without it).
    baseEnv: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith("HAMAFZA_"))),
    },
    log: (source, line, error) => error && process.stderr.write(`[${source}] ${line}\n`),
  });
  const names = [...SUBGRAPH_NAMES, "gateway"];
  const rss = () => Object.fromEntries(names.map((name) => [name, rssMiB(stack.supervisor.child(name)?.pid)]));
  let failed = false;
  try {
    const tokens = await Promise.all(
      ["demo.admin", "demo.province", "demo.evaluator"].map((u) => login(stack.baseUrl, u, DEMO_PASSWORD)),
    );
    const post = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
      const started = performance.now();
      try {
        const response = await fetch(`${stack.baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
        return {
          ms: performance.now() - started,
          ok: response.ok && !body.errors,
          body,
          code: body.errors?.[0]?.extensions?.code ?? (response.ok ? undefined : `HTTP_${response.status}`),
        };
      } catch (error) {
        return {
          ms: performance.now() - started,
          ok: false,
          body: {},
          code: `NO_ANSWER ${String(error).slice(0, 60)}`,
        };
      }
    };
    // warm-up
    for (const query of READS) await post(tokens[0], query);
    const initial = rss();
    // Growth is measured from the end of the first minute of load (or the first tenth of a longer soak): V8 and the
    // query-plan cache grow while warming up, which is not a leak.
    let start = initial;
    const warmUpMs = Math.max(60_000, minutes * 6_000);
    setTimeout(() => {
      start = rss();
      console.log(`[soak] RSS after ${warmUpMs / 1000} s of load (the baseline, MiB): ${JSON.stringify(round(start))}`);
    }, warmUpMs).unref();
    console.log(
      `[soak] ${minutes} min at concurrency ${concurrency}; RSS before load (MiB): ${JSON.stringify(round(initial))}`,
    );
    const end = Date.now() + minutes * 60_000;
    const perMinute: number[][] = [];
    const errors: Record<string, number> = {};
    let requests = 0;
    const worker = async (n: number) => {
      let created: string | null = null;
      for (let i = 0; Date.now() < end; i++) {
        const token = tokens[(n + i) % tokens.length];
        let result;
        if (i % 10 === 0) {
          result = await post(tokens[0], WRITE, { name: `دستگاه بار ${randomUUID().slice(0, 8)}` });
          created = result.body.data?.createAgency?.id ?? created;
        } else if (i % 10 === 5 && created) {
          result = await post(tokens[0], UPDATE, { id: created, name: `دستگاه بار ${randomUUID().slice(0, 8)}` });
        } else {
          result = await post(token, READS[i % READS.length]);
        }
        requests += 1;
        const minute = Math.floor((Date.now() - (end - minutes * 60_000)) / 60_000);
        (perMinute[minute] ??= []).push(result.ms);
        // A role without the right to a query (FORBIDDEN) is expected for some reads; anything else is an error.
        if (!result.ok && result.code !== "FORBIDDEN")
          errors[result.code ?? "?"] = (errors[result.code ?? "?"] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, n) => worker(n)));
    const finish = rss();
    for (const [minute, samples] of perMinute.entries()) {
      if (!samples) continue;
      const sorted = [...samples].sort((a, b) => a - b);
      const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
      console.log(`[soak] minute ${minute + 1}: ${sorted.length} requests, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`);
    }
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    console.log(`[soak] ${requests} requests, ${errorCount} errors ${JSON.stringify(errors)}`);
    let worst = 0;
    for (const name of names) {
      const growth = minutes * 60_000 > warmUpMs ? (finish[name] - start[name]) / start[name] : NaN;
      worst = Math.max(worst, growth);
      console.log(
        `[soak] ${name.padEnd(11)} RSS ${start[name].toFixed(1)} → ${finish[name].toFixed(1)} MiB (${(growth * 100).toFixed(1)} %)`,
      );
    }
    failed = errorCount > 0 || worst >= 0.2;
  } finally {
    await stack.stop();
    await postgres.stop();
    rmSync(baseDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

const round = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
