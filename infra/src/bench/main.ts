import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  bearer,
  generateGatewaySecret,
  generateTokenKeyPair,
  GATEWAY_SECRET_HEADER,
  integerSetting,
  login,
  numberVar,
  optionalPostgresUrlVar,
  postGraphQL,
  readVar,
  withClient,
} from "@hamafza/common";
import { startEmbeddedPostgres } from "../embeddedPostgres";
import { describeNationalSeed, nationalScale, seedNational } from "../national";
import { REPO_ROOT, SUPERGRAPH_FILE } from "../paths";
import { measureDashboard } from "./dashboard";
import { benchImport, importFile, warmUpImport } from "./importNgos";
import { startHive } from "./hive";
import { runLoad } from "./load";
import { cpuDelta, cpuSnapshot } from "./cpu";
import {
  BenchProcess,
  deployedEnv,
  freePort,
  launch,
  memoryMb,
  resetPeak,
  serviceScript,
  waitForHealth,
} from "./processes";
import { printTable, Row, writeResults } from "./report";
import { loadScenarios, pickTargets } from "./scenarios";
import { benchEvaluation } from "./evaluation";
import { createPgStatStatements, preloadPgStatStatements, statementCount } from "./sql";

/**
 * `npm run bench [-- --quick]`: figures, not pass/fail. PostgreSQL (embedded, restarted with
 * pg_stat_statements; or DATABASE_URL) with the national data set in its own database, the four subgraphs and
 * two of our gateways (in-flight dedup on / off) as separate processes, two Hive Gateways (dedup default / off)
 * on the same supergraph; then S6 (whole-country run), S1–S5 under autocannon at c=1 and c=32 against the four
 * gateways interleaved, S7 (CSV import). Prints a table and writes .bench/results-<time>.json.
 * `--quick`: small data (NATIONAL_SCALE 0.03 unless set), short runs; fails only on harness errors.
 */
const quick = process.argv.includes("--quick");
/** BENCH_PORT_BASE: fixed ports from there (gateways base, base+5; subgraphs +1…+4; Hive +6, +7; PostgreSQL +29); else free ports. */
const PORT_BASE = process.env.BENCH_PORT_BASE ? integerSetting("BENCH_PORT_BASE", 0, { min: 1024, max: 65000 }) : null;
const port = async (offset: number) => (PORT_BASE === null ? freePort() : PORT_BASE + offset);
const DURATION = readVar("BENCH_DURATION_SEC", numberVar(quick ? 1 : 10, { min: 0.1, max: 3600 }));
const WARMUP = readVar("BENCH_WARMUP_SEC", numberVar(quick ? 0.5 : 3, { min: 0, max: 3600 }));
const USERS = 32;
const CONCURRENCIES = [1, 32];
/** Quick mode: a fixed number of answers per run (the CI machine may be slow; a duration could end with none). */
const quickAmount = (connections: number) => (quick ? Math.max(6, connections * 2) : undefined);
const GATEWAYS = ["gateway", "gateway-nodedup", "hive", "hive-nodedup"];

async function main() {
  const scale = nationalScale(process.env.NATIONAL_SCALE ?? (quick ? "0.03" : "1"));
  const workDir = mkdtempSync(join(tmpdir(), "hamafza-bench-"));
  chmodSync(workDir, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its cluster folder
  const processes: BenchProcess[] = [];
  const clusterDir = join(workDir, "pg", "cluster");
  let stopPostgres: (() => Promise<void>) | null = null;
  const log = (line: string) => console.log(`[bench] ${line}`);
  try {
    let adminUrl = readVar("DATABASE_URL", optionalPostgresUrlVar());
    if (!adminUrl) {
      const pgPort = process.env.BENCH_PG_PORT
        ? integerSetting("BENCH_PG_PORT", 0, { min: 1, max: 65535 })
        : await port(29);
      const options = { baseDir: join(workDir, "pg"), port: pgPort, persistent: true };
      const first = await startEmbeddedPostgres(options);
      await preloadPgStatStatements(first.adminUrl);
      await first.stop();
      const pg = await startEmbeddedPostgres(options);
      adminUrl = pg.adminUrl;
      stopPostgres = pg.stop;
    }
    const database = `hamafza_bench_${Date.now()}`;
    const { prepared, summary } = await seedNational(adminUrl, database, scale);
    log(describeNationalSeed(summary));
    let countStatements = true;
    try {
      await createPgStatStatements(prepared.adminUrl);
      await statementCount(prepared.adminUrl, database);
    } catch (error) {
      countStatements = false;
      log(`pg_stat_statements unavailable (${(error as Error).message}); SQL statements per request not counted`);
    }
    await withClient(prepared.adminUrl, (c) =>
      c.query(`UPDATE evaluation.evaluation_cycle SET state = 'OPEN' WHERE year = 1404`),
    );

    // The system as separate processes, so each one's CPU and memory can be read from /proc.
    const secret = generateGatewaySecret();
    const keys = generateTokenKeyPair();
    const shared = { HAMAFZA_GATEWAY_SECRET: secret, HAMAFZA_JWT_PUBLIC_KEY: keys.publicKeyPem, HOST: "127.0.0.1" };
    const ports = {
      registry: await port(1),
      engagement: await port(2),
      evaluation: await port(3),
      identity: await port(4),
    };
    const gatewayPorts = {
      ours: await port(0),
      oursNoDedup: await port(5),
      hive: await port(6),
      hiveNoDedup: await port(7),
    };
    const subgraphUrls = Object.fromEntries(
      Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}/graphql`]),
    ) as Record<keyof typeof ports, string>;
    for (const [name, port] of Object.entries(ports) as [keyof typeof ports, number][]) {
      processes.push(
        launch(
          name,
          process.execPath,
          [serviceScript(REPO_ROOT, name)],
          {
            ...shared,
            ...deployedEnv(REPO_ROOT, name),
            ...(name === "identity" ? { HAMAFZA_JWT_PRIVATE_KEY: keys.privateKeyPem } : {}),
            ...(name === "evaluation"
              ? { REGISTRY_URL: subgraphUrls.registry, ENGAGEMENT_URL: subgraphUrls.engagement }
              : {}),
            DATABASE_URL: prepared.serviceUrls[name],
            PORT: String(port),
          },
          subgraphUrls[name],
        ),
      );
    }
    await Promise.all(processes.map((p) => waitForHealth(p.name, p.url.replace(/\/graphql$/, "/health"))));
    const gatewayEnv = {
      ...shared,
      ...deployedEnv(REPO_ROOT, "gateway"),
      SUPERGRAPH_PATH: SUPERGRAPH_FILE,
      REGISTRY_URL: subgraphUrls.registry,
      ENGAGEMENT_URL: subgraphUrls.engagement,
      EVALUATION_URL: subgraphUrls.evaluation,
      IDENTITY_URL: subgraphUrls.identity,
    };
    const ours = launch(
      "gateway",
      process.execPath,
      [serviceScript(REPO_ROOT, "gateway")],
      { ...gatewayEnv, PORT: String(gatewayPorts.ours) },
      `http://127.0.0.1:${gatewayPorts.ours}/graphql`,
    );
    // Quick mode: dedup on only (ours and Hive's default), to stay within CI's few minutes.
    const oursNoDedup = quick
      ? null
      : launch(
          "gateway-nodedup",
          process.execPath,
          [serviceScript(REPO_ROOT, "gateway")],
          { ...gatewayEnv, PORT: String(gatewayPorts.oursNoDedup), HAMAFZA_GATEWAY_DEDUP: "0" },
          `http://127.0.0.1:${gatewayPorts.oursNoDedup}/graphql`,
        );
    processes.push(ours, ...(oursNoDedup ? [oursNoDedup] : []));
    await Promise.all(
      [ours, oursNoDedup]
        .filter((p) => p !== null)
        .map((p) => waitForHealth(p.name, p.url.replace(/\/graphql$/, "/health"))),
    );
    const hive = await startHive(workDir, gatewayPorts.hive, subgraphUrls, secret, true);
    processes.push(hive);
    const hiveNoDedup = quick ? null : await startHive(workDir, gatewayPorts.hiveNoDedup, subgraphUrls, secret, false);
    if (hiveNoDedup) processes.push(hiveNoDedup);
    const baseUrl = ours.url.replace(/\/graphql$/, "");

    // Sign-in, then one account per virtual user (distinct tokens and sessions).
    const password = prepared.admin.generatedPassword!;
    const signIns: number[] = [];
    let adminToken = "";
    for (let i = 0; i < (quick ? 5 : 20); i++) {
      const started = performance.now();
      adminToken = await login(baseUrl, "admin", password);
      signIns.push(performance.now() - started);
    }
    signIns.sort((a, b) => a - b);
    log(
      `sign-in (argon2id verify, session, Ed25519 token): ${signIns.length} sign-ins, p50 ${signIns[Math.floor(signIns.length / 2)].toFixed(0)} ms, max ${signIns[signIns.length - 1].toFixed(0)} ms`,
    );
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const username = `bench.user${i + 1}`;
      const userPassword = `Bench-${secret.slice(i, i + 12)}-${i}`;
      const created = await postGraphQL(
        ours.url,
        `mutation($input: UserCreateInput!) { createUser(input: $input) { id } }`,
        { input: { username, displayName: `کاربر آزمون بار ${i + 1}`, role: "ADMIN", password: userPassword } },
        bearer(adminToken),
      );
      if (created.errors) throw new Error(`createUser: ${created.errors[0].message}`);
      tokens.push(await login(baseUrl, username, userPassword));
    }

    const all = () => processes.filter((p) => p.child.pid);
    const cpuNow = () => cpuSnapshot(processes, stopPostgres ? clusterDir : null);
    const measured = async <T>(work: () => Promise<T>) => {
      const statementsBefore = countStatements ? await statementCount(prepared.adminUrl, database) : 0;
      const cpuBefore = cpuNow();
      const value = await work();
      const cpu = cpuDelta(cpuBefore, cpuNow());
      const statements = countStatements ? (await statementCount(prepared.adminUrl, database)) - statementsBefore : NaN;
      return { value, statements, cpu };
    };

    // Peak resident memory per scenario: VmHWM is reset before each scenario and read after it; the process's
    // lifetime peak is the largest of those (and of the start).
    const lifetimePeak: Record<string, number> = {};
    const peakRssByScenario: Record<string, Record<string, number>> = {};
    const readPeaks = () => {
      const now: Record<string, number> = {};
      for (const p of all()) {
        const peak = memoryMb(p.child.pid!)?.peak ?? NaN;
        now[p.name] = Math.round(peak);
        lifetimePeak[p.name] = Math.max(lifetimePeak[p.name] ?? 0, peak);
      }
      return now;
    };
    const startPeaks = () => {
      readPeaks();
      for (const p of all()) resetPeak(p.child.pid!);
    };
    const endPeaks = (scenario: string) => (peakRssByScenario[scenario] = readPeaks());

    const dashboard = await measureDashboard(baseUrl, adminToken);
    log(
      dashboard
        ? `dashboard first load over the wire: ${dashboard.firstLoadKiB} KiB in ${dashboard.files.length} files (${dashboard.files.map((f) => `${f.path} ${(f.wireBytes / 1024).toFixed(0)} KiB ${f.encoding}`).join(", ")}); introspection after sign-in ${dashboard.introspectionKiB} KiB ${dashboard.introspectionEncoding}`
        : "dashboard not built (npm run build:dashboard): first-load bytes not measured",
    );

    const rows: Row[] = [];
    // S6 first: the scoreboard (S4) reads its results.
    startPeaks();
    const s6 = await measured(() => benchEvaluation(ours.url, prepared.adminUrl, adminToken));
    endPeaks("S6");
    rows.push({
      scenario: "S6",
      title: "whole-country 1404 evaluation run, live, through the gateway",
      target: "ours",
      concurrency: 1,
      ...s6.value.load,
      statementsPerRequest: s6.statements,
      cpuMsPerRequest: onPath(s6.cpu, ours.name),
      extra: s6.value.extra,
    });
    log(`S6: ${s6.value.load.p50.toFixed(0)} ms, ${JSON.stringify(s6.value.extra)}`);

    const targets: Record<string, BenchProcess> =
      oursNoDedup && hiveNoDedup
        ? { ours, "ours-nodedup": oursNoDedup, hive, "hive-nodedup": hiveNoDedup }
        : { ours, hive };
    const scenarios = loadScenarios(await pickTargets(prepared.adminUrl));
    for (const scenario of scenarios) {
      const check = await postGraphQL(
        ours.url,
        JSON.parse(scenario.body).query,
        JSON.parse(scenario.body).variables,
        bearer(tokens[0]),
      );
      if (check.errors) throw new Error(`${scenario.id} fails on our gateway: ${JSON.stringify(check.errors[0])}`);
      startPeaks();
      for (const [name, target] of Object.entries(targets)) {
        await runLoad({
          url: target.url,
          body: scenario.body,
          tokens,
          connections: 8,
          durationSec: WARMUP,
          amount: quickAmount(8),
        });
        void name;
      }
      for (const concurrency of CONCURRENCIES) {
        for (const [name, target] of Object.entries(targets)) {
          let run = await measured(() =>
            runLoad({
              url: target.url,
              body: scenario.body,
              tokens,
              connections: concurrency,
              durationSec: DURATION,
              amount: quickAmount(concurrency),
            }),
          );
          if (run.value.requests < concurrency) {
            // Slower than the run's duration (a loaded machine): measure a fixed number of answers instead.
            log(
              `${scenario.id} ${name} c=${concurrency}: ${run.value.requests} answers in ${DURATION} s; measuring ${concurrency * 2} answers instead`,
            );
            run = await measured(() =>
              runLoad({
                url: target.url,
                body: scenario.body,
                tokens,
                connections: concurrency,
                durationSec: DURATION,
                amount: concurrency * 2,
              }),
            );
          }
          const perRequest = (value: number) => (run.value.requests ? value / run.value.requests : NaN);
          rows.push({
            scenario: scenario.id,
            title: scenario.title,
            target: name,
            concurrency,
            ...run.value,
            statementsPerRequest: perRequest(run.statements),
            cpuMsPerRequest: Object.fromEntries(
              Object.entries(onPath(run.cpu, target.name)).map(([proc, ms]) => [proc, perRequest(ms)]),
            ),
          });
          if (run.value.errors)
            log(`${scenario.id} ${name} c=${concurrency}: ${run.value.errors} errors, first: ${run.value.firstError}`);
        }
      }
      endPeaks(scenario.id);
    }

    const importCsv = await importFile(prepared.adminUrl, quick ? 500 : 5000);
    const importWarmUpMs = await warmUpImport(ours.url, adminToken, importCsv);
    startPeaks();
    const s7 = await measured(() => benchImport(ours.url, adminToken, importCsv));
    endPeaks("S7");
    rows.push({
      scenario: "S7",
      title: `CSV import of ${s7.value.extra.importedCount} NGOs`,
      target: "ours",
      concurrency: 1,
      ...s7.value.load,
      statementsPerRequest: s7.statements,
      cpuMsPerRequest: onPath(s7.cpu, ours.name),
      extra: { ...s7.value.extra, warmUpDryRunMs: Math.round(importWarmUpMs) },
    });

    readPeaks();
    const memory = Object.fromEntries(
      all().map((p) => {
        const now = memoryMb(p.child.pid!);
        return [p.name, now && { rss: now.rss, peak: Math.max(now.peak, lifetimePeak[p.name] ?? 0) }];
      }),
    );
    printTable(rows, memory, peakRssByScenario);
    const file = writeResults(join(REPO_ROOT, ".bench"), {
      startedAt: new Date().toISOString(),
      quick,
      machine: machine(),
      data: summary,
      signInMs: signIns,
      dashboard,
      durationSec: DURATION,
      rows,
      peakRssMb: memory,
      peakRssMbByScenario: peakRssByScenario,
      headers: { gatewaySecret: GATEWAY_SECRET_HEADER },
    });
    log(`results written to ${file}`);
  } finally {
    for (const p of processes.reverse()) await p.stop();
    if (stopPostgres) await stopPostgres().catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** CPU of the processes on a request's path only: the gateway that served it, the subgraphs, PostgreSQL. */
function onPath(cpu: Record<string, number>, gateway: string): Record<string, number> {
  return Object.fromEntries(Object.entries(cpu).filter(([proc]) => proc === gateway || !GATEWAYS.includes(proc)));
}

function machine() {
  const os = require("node:os") as typeof import("node:os");
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg(),
    node: process.version,
  };
}

mkdirSync(join(REPO_ROOT, ".bench"), { recursive: true });
main().then(
  () => process.exit(0),
  (error) => {
    console.error("[bench] harness error:", error);
    process.exit(1);
  },
);
