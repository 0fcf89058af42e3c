import { loadavg } from "node:os";
import { bearer, numberVar, postGraphQL, readVar, withClient } from "@hamafza/common";
import { Client } from "pg";
import { cpuMs, memoryMb } from "./bench/processes";
import { postgresCpuSeconds, withNationalStack } from "./nationalStack";

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

/** CPU seconds so far of each measured process (by name) and of PostgreSQL. */
type CpuSample = Map<string, number>;

/**
 * Where a run's time goes: the run row's `phase` (FETCHING_MANAGERS … STORING) polled every 100 ms while it runs,
 * with each process's CPU seconds at every phase change, so each phase's wall time and CPU per process.
 */
function phaseTimeline(adminUrl: string, cpuNow: () => CpuSample) {
  const client = new Client({ connectionString: adminUrl });
  const marks: { phase: string; at: number; epochMs: number; cpu: CpuSample }[] = [];
  let busy = false;
  let timer: NodeJS.Timeout | undefined;
  return {
    async start() {
      await client.connect();
      marks.length = 0;
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        client
          .query(
            `SELECT phase FROM evaluation.evaluation_run WHERE status = 'RUNNING' ORDER BY computed_at DESC LIMIT 1`,
          )
          .then(({ rows }) => {
            const phase = rows[0]?.phase as string | undefined;
            if (phase && phase !== marks.at(-1)?.phase)
              marks.push({ phase, at: performance.now(), epochMs: Date.now(), cpu: cpuNow() });
          })
          .catch(() => undefined)
          .finally(() => (busy = false));
      }, 100);
    },
    /** One line per phase: wall seconds, then CPU seconds per process during it. */
    async stop(): Promise<string[]> {
      clearInterval(timer);
      await client.end();
      const end = { phase: "end", at: performance.now(), epochMs: Date.now(), cpu: cpuNow() };
      // On the memory log's clock (MEASURE_MEMORY_LOG), so each phase's lines can be found there.
      const from = (mark: { epochMs: number }) => (process.env.MEASURE_MEMORY_LOG ? ` from ${mark.epochMs}` : "");
      return marks.map((mark, i) => {
        const next = marks[i + 1] ?? end;
        const cpu = [...mark.cpu].map(([name, s]) => `${name} ${((next.cpu.get(name) ?? NaN) - s).toFixed(1)}`);
        return `${mark.phase}${from(mark)} ${((next.at - mark.at) / 1000).toFixed(1)} s wall; CPU s: ${cpu.join(", ")}`;
      });
    },
  };
}

/**
 * `npm run build:services && NATIONAL_SCALE=0.1 node infra/dist/measureRun.js`: S6, the whole-country 1404 run, as
 * the performance doc measures it on a shared machine. Seeds an embedded PostgreSQL, starts the in-process stack
 * (every service in this process) and runs `runEvaluation(year: 1404)` through the gateway MEASURE_RUNS times
 * (default 3: the first has no earlier results, the next replace them). Per run: wall time, the service's duration,
 * the CPU seconds of this process (every service) and of PostgreSQL, the peak resident memory, the load average,
 * the bytes of the run's results as stored and the results hash; after the last run, whether a recompute is
 * identical. MEASURE_PROCESSES=1: every service its own process with its manifest's heap cap (as in production and
 * the bench), and per run each one's CPU seconds and peak resident memory (sampled every 100 ms from /proc).
 * MEASURE_MEMORY_LOG=<folder> (with MEASURE_PROCESSES=1): each service's memory every 200 ms in `<folder>/<name>.log`
 * (`bench/memoryLog.ts`), and each phase's start printed on that log's clock.
 */
async function main() {
  if (process.env.MEASURE_SQL) timeStatements();
  const log = (line: string) => console.log(`[measure] ${line}`);
  const runs = readVar("MEASURE_RUNS", numberVar(3, { min: 1, max: 20 }), process.env);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  const separateProcesses = Boolean(process.env.MEASURE_PROCESSES);
  const memoryLog = process.env.MEASURE_MEMORY_LOG;
  if (memoryLog) {
    if (!separateProcesses) throw new Error("MEASURE_MEMORY_LOG needs MEASURE_PROCESSES=1 (a log per service process)");
    log(`memory of each service every 200 ms in ${memoryLog}/<service>.log (memoryLog.ts)`);
  }
  await withNationalStack(
    "measure",
    log,
    async ({ prepared, stack, processes, token, workDir }) => {
      let id = "";
      for (let i = 1; i <= runs; i++) {
        sqlTimes.clear();
        const loadBefore = load();
        let peakRss = process.memoryUsage().rss;
        const peakOf = new Map<string, number>();
        const sampler = setInterval(() => {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          for (const p of processes)
            peakOf.set(p.name, Math.max(peakOf.get(p.name) ?? 0, memoryMb(p.child.pid!)?.rss ?? 0));
        }, 100);
        const cpuOf = new Map(processes.map((p) => [p.name, cpuMs(p.child.pid!) ?? NaN]));
        const cpu = process.cpuUsage();
        const pgCpu = postgresCpuSeconds(workDir);
        const timeline = phaseTimeline(
          prepared.adminUrl,
          () =>
            new Map([
              ...processes.map((p): [string, number] => [p.name, (cpuMs(p.child.pid!) ?? NaN) / 1000]),
              ["postgres", postgresCpuSeconds(workDir)],
            ]),
        );
        await timeline.start();
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
        const phases = await timeline.stop();
        const perProcess = processes
          .map(
            (p) =>
              `${p.name} ${(((cpuMs(p.child.pid!) ?? NaN) - cpuOf.get(p.name)!) / 1000).toFixed(1)} s / ${Math.round(peakOf.get(p.name) ?? 0)} MiB`,
          )
          .join(", ");
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
            `load ${loadBefore} → ${load()}, hash ${done.resultsHash}` +
            (perProcess ? `\n[measure]   per process (CPU, peak RSS): ${perProcess}` : "") +
            phases.map((line) => `\n[measure]   phase ${line}`).join(""),
        );
      }
      if (process.env.MEASURE_SQL)
        for (const [text, { n, ms }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
          log(`SQL of the last run: ${Math.round(ms)} ms in ${n}: ${text}`);
      const recomputeStarted = performance.now();
      const peakOf = new Map<string, number>();
      const sampler = setInterval(() => {
        for (const p of processes)
          peakOf.set(p.name, Math.max(peakOf.get(p.name) ?? 0, memoryMb(p.child.pid!)?.rss ?? 0));
      }, 100);
      const evaluationCpu = processes.find((p) => p.name === "evaluation");
      const cpuBefore = evaluationCpu ? cpuMs(evaluationCpu.child.pid!) : null;
      const again = await postGraphQL(
        stack.gatewayUrl,
        `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`,
        { id },
        bearer(token),
      );
      clearInterval(sampler);
      const recomputeCpu =
        evaluationCpu && cpuBefore !== null ? ((cpuMs(evaluationCpu.child.pid!) ?? NaN) - cpuBefore) / 1000 : NaN;
      log(
        `recompute of the last run identical: ${again.data?.recomputeEvaluationRun.identical ?? JSON.stringify(again.errors)}, ` +
          `${((performance.now() - recomputeStarted) / 1000).toFixed(1)} s` +
          (evaluationCpu
            ? `, evaluation CPU ${recomputeCpu.toFixed(1)} s, peak RSS ${Math.round(peakOf.get("evaluation") ?? 0)} MiB`
            : ""),
      );
    },
    { separateProcesses },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
