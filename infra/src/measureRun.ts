import { chmodSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { bearer, login, numberVar, postGraphQL, readVar, withClient } from "@hamafza/common";
import { Client } from "pg";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { describeNationalSeed, nationalScale, seedNational } from "./national";
import { startInProcessStack } from "./stack";

/**
 * `npm run build:services && NATIONAL_SCALE=0.1 node infra/dist/measureRun.js`: S6, the whole-country 1404 run, as
 * the performance doc measures it on a shared machine. Seeds an embedded PostgreSQL, starts the in-process stack
 * (every service in this process) and runs `runEvaluation(year: 1404)` through the gateway MEASURE_RUNS times
 * (default 3: the first has no earlier results, the next replace them). Per run: wall time, the service's duration,
 * this process's CPU seconds (every service), its peak resident memory, the load average, the bytes of the run's
 * results as stored and the results hash; after the last run, whether a recompute is identical.
 */
/** MEASURE_SQL=1: every statement's time from Node (sent → answered, so queueing included), summed by its first words. */
const sqlTimes = new Map<string, { n: number; ms: number }>();
function timeStatements(): void {
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function timed(
    this: Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === "string" ? first : (first?.text ?? "?")).replace(/\s+/g, " ").slice(0, 90);
    const started = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise)
      void result
        .finally(() => {
          const entry = sqlTimes.get(text) ?? { n: 0, ms: 0 };
          entry.n++;
          entry.ms += performance.now() - started;
          sqlTimes.set(text, entry);
        })
        .catch(() => undefined);
    return result;
  };
}

/** CPU seconds of the embedded PostgreSQL so far: the postmaster (with its reaped children) and its live backends. */
function postgresCpuSeconds(workDir: string): number {
  const pidFile = readdirSync(workDir, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith("postmaster.pid"));
  if (!pidFile) return NaN;
  const postmaster = Number(readFileSync(join(workDir, pidFile), "utf8").split("\n")[0]);
  const ticks = (pid: number, withChildren: boolean): number => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields from the 3rd (state) on
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      return utime + stime + (withChildren ? cutime + cstime : 0);
    } catch {
      return 0; // exited meanwhile
    }
  };
  let total = ticks(postmaster, true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster)
        total += ticks(Number(entry), false);
    } catch {
      // exited meanwhile
    }
  }
  return total / 100; // clock ticks (USER_HZ, 100 on Linux)
}

async function main() {
  if (process.env.MEASURE_SQL) timeStatements();
  const log = (line: string) => console.log(`[measure] ${line}`);
  const scale = nationalScale();
  const runs = readVar("MEASURE_RUNS", numberVar(3, { min: 1, max: 20 }), process.env);
  const workDir = mkdtempSync(join(tmpdir(), "hamafza-measure-"));
  chmodSync(workDir, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its cluster folder
  const pg = await startEmbeddedPostgres({
    baseDir: join(workDir, "pg"),
    port: 30_000 + (process.pid % 5000),
    persistent: false,
  });
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  try {
    const { prepared, summary } = await seedNational(pg.adminUrl, `hamafza_measure_${Date.now()}`, scale);
    log(describeNationalSeed(summary));
    await withClient(prepared.adminUrl, (c) =>
      c.query(`UPDATE evaluation.evaluation_cycle SET state = 'OPEN' WHERE year = 1404`),
    );
    const stack = await startInProcessStack(prepared);
    try {
      const token = await login(stack.baseUrl, "admin", prepared.admin.generatedPassword!);
      let id = "";
      for (let i = 1; i <= runs; i++) {
        sqlTimes.clear();
        const loadBefore = load();
        let peakRss = process.memoryUsage().rss;
        const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
        const cpu = process.cpuUsage();
        const pgCpu = postgresCpuSeconds(workDir);
        const started = performance.now();
        const run = await postGraphQL(
          stack.gatewayUrl,
          `mutation { runEvaluation(year: 1404) { id managersScored durationMs resultsHash } }`,
          {},
          bearer(token),
        );
        const wall = performance.now() - started;
        const used = process.cpuUsage(cpu);
        const pgUsed = postgresCpuSeconds(workDir) - pgCpu;
        clearInterval(sampler);
        if (run.errors) throw new Error(`runEvaluation: ${run.errors[0].message}`);
        const done = run.data!.runEvaluation as {
          id: string;
          managersScored: number;
          durationMs: number;
          resultsHash: string;
        };
        id = done.id;
        const [stored] = await withClient(
          prepared.adminUrl,
          async (client) =>
            (
              await client.query(
                `SELECT sum(pg_column_size(r.*)) AS results, sum(octet_length(r.indicators::text) + coalesce(octet_length(r.evidence_strings::text), 0)) AS indicators_text,
                        (SELECT pg_column_size(snapshot) + coalesce(pg_column_size(snapshot_packed), 0) FROM evaluation.evaluation_run WHERE id = $1) AS snapshot
                   FROM evaluation.evaluation_result r WHERE r.run_id = $1`,
                [id],
              )
            ).rows,
        );
        const mb = (bytes: unknown) => (Number(bytes) / 1_000_000).toFixed(2);
        log(
          `run ${i}: ${done.managersScored} managers, wall ${(wall / 1000).toFixed(1)} s (service ${(done.durationMs / 1000).toFixed(1)} s), ` +
            `Node CPU user ${(used.user / 1e6).toFixed(1)} s + system ${(used.system / 1e6).toFixed(1)} s, PostgreSQL CPU ${pgUsed.toFixed(1)} s, peak RSS ${Math.round(peakRss / 1048576)} MiB, ` +
            `results ${mb(stored.results)} MB stored (indicators ${mb(stored.indicators_text)} MB as text), snapshot ${mb(stored.snapshot)} MB, ` +
            `load ${loadBefore} → ${load()}, hash ${done.resultsHash}`,
        );
      }
      if (process.env.MEASURE_SQL)
        for (const [text, { n, ms }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
          log(`SQL of the last run: ${Math.round(ms)} ms in ${n}: ${text}`);
      const again = await postGraphQL(
        stack.gatewayUrl,
        `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`,
        { id },
        bearer(token),
      );
      log(
        `recompute of the last run identical: ${again.data?.recomputeEvaluationRun.identical ?? JSON.stringify(again.errors)}`,
      );
    } finally {
      await stack.stop();
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
