import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import {
  bearer,
  generateGatewaySecret,
  generateTokenKeyPair,
  GATEWAY_SECRET_HEADER,
  integerSetting,
  login,
  postGraphQL,
  withClient,
} from "@hamafza/common";
import { startEmbeddedPostgres } from "../embeddedPostgres";
import { describeNationalSeed, nationalScale, seedNational } from "../national";
import { prepareDatabase } from "../prepare";
import { REPO_ROOT, SUPERGRAPH_FILE } from "../paths";
import { runLoad } from "./load";
import { cpuDelta, cpuSnapshot } from "./cpu";
import { BenchProcess, deployedEnv, launch, memoryMb, resetPeak, serviceScript, waitForHealth } from "./processes";
import { loadScenarios, pickTargets } from "./scenarios";
import {
  createPgStatStatements,
  preloadPgStatStatements,
  statementCount,
  statementsOfRun,
  statementTotals,
  trackPlanning,
} from "./sql";

/**
 * `node infra/dist/bench/hotPath.js`: CPU per request of the hot path, S1 and S2 (and a one-service query direct to
 * the registry beside the same query through the gateway, for the hop's cost), at c=1 and c=32 through our
 * gateway only, each process separately (the gateway, the four subgraphs, PostgreSQL) — the bench's figures for
 * those rows without Hive, S3–S7 or a fresh seed per run. The embedded PostgreSQL and the seeded data are kept
 * in `HOT_PATH_DIR` (default `.bench/hot-path`) between runs, so before/after runs of a change read the same data.
 * `HOT_PATH_PROFILE=<dir>` starts every Node process with `--cpu-prof` into that folder.
 * `HOT_PATH_REQUESTS` (default 300) answers per run at c=1, 3× that at c=32 (S5, ~100× an S1's work: a tenth);
 * `HOT_PATH_ONLY=S1,S2,R1,E1` a subset, and S3, S4, S5 only when named there (S4 makes the 1404 run first if the
 * data has no current results); `HOT_PATH_C=32` one concurrency only.
 * `HOT_PATH_ONLY=S3 direct`: S3's three subgraph fetches (E3 to engagement; R3 licence and R3 ngo to the registry, built
 * from E3's answer) sent straight to their subgraph, at each concurrency — one process's cost per fetch.
 * `HOT_PATH_ONLY=floor`: `{ __typename }` through the gateway and straight to the registry and engagement at c=1 —
 * each layer's cost per request before any resolver or statement.
 * Each run also prints its costliest statements from pg_stat_statements (calls per request, mean execution and
 * planning ms, rows, shared blocks), planning tracked (`track_planning`).
 * Each row has every process's peak resident memory during that run (`peakRssMb`, VmHWM reset before the run).
 * Each service runs with its Kubernetes manifest's `NODE_OPTIONS` (heap cap); `HOT_PATH_GATEWAY_NODE_ARGS` (e.g.
 * `--max-old-space-size=512`) adds Node options to the gateway's for a trial (a later flag wins);
 * `HOT_PATH_SERVICE_NODE_ARGS` the same for the four subgraphs.
 */
const DIR = process.env.HOT_PATH_DIR ?? join(REPO_ROOT, ".bench", "hot-path");
const PORT_BASE = integerSetting("HOT_PATH_PORT_BASE", 47600, { min: 1024, max: 65000 });
const REQUESTS = integerSetting("HOT_PATH_REQUESTS", 300, { min: 10, max: 100_000 });
const DATABASE = "hamafza_hot_path";
const USERS = 32;

interface State {
  adminUrl: string;
  serviceUrls: Record<string, string>;
  adminPassword: string;
  users: { username: string; password: string }[];
  seed: string;
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  const stateFile = join(DIR, "state.json");
  const pgOptions = { baseDir: join(DIR, "pg"), port: PORT_BASE + 29, persistent: true };
  const fresh = !existsSync(stateFile);
  if (fresh) {
    const first = await startEmbeddedPostgres(pgOptions);
    await preloadPgStatStatements(first.adminUrl);
    await first.stop();
  }
  const pg = await startEmbeddedPostgres(pgOptions);
  const processes: BenchProcess[] = [];
  try {
    let state: State;
    if (fresh) {
      const { prepared, summary } = await seedNational(pg.adminUrl, DATABASE, nationalScale());
      await createPgStatStatements(prepared.adminUrl);
      state = {
        adminUrl: prepared.adminUrl,
        serviceUrls: prepared.serviceUrls,
        adminPassword: prepared.admin.generatedPassword!,
        users: [],
        seed: describeNationalSeed(summary),
      };
    } else {
      state = JSON.parse(readFileSync(stateFile, "utf8")) as State;
      // Role passwords are set again on every preparation; the data stays.
      const prepared = await prepareDatabase(pg.adminUrl, DATABASE, { demo: false });
      state.serviceUrls = prepared.serviceUrls;
    }
    console.log(`[hot-path] ${state.seed}`);
    await trackPlanning(pg.adminUrl);
    const profileDir = process.env.HOT_PATH_PROFILE;
    const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const serviceNodeArgs = process.env.HOT_PATH_SERVICE_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    const secret = generateGatewaySecret();
    const keys = generateTokenKeyPair();
    const shared = { HAMAFZA_GATEWAY_SECRET: secret, HAMAFZA_JWT_PUBLIC_KEY: keys.publicKeyPem, HOST: "127.0.0.1" };
    const names = ["registry", "engagement", "evaluation", "identity"] as const;
    const urls = Object.fromEntries(
      names.map((name, i) => [name, `http://127.0.0.1:${PORT_BASE + 1 + i}/graphql`]),
    ) as Record<(typeof names)[number], string>;
    for (const name of names) {
      processes.push(
        launch(
          name,
          process.execPath,
          [...nodeArgs, ...serviceNodeArgs, serviceScript(REPO_ROOT, name)],
          {
            ...shared,
            ...deployedEnv(REPO_ROOT, name),
            ...(name === "identity" ? { HAMAFZA_JWT_PRIVATE_KEY: keys.privateKeyPem } : {}),
            ...(name === "evaluation" ? { REGISTRY_URL: urls.registry, ENGAGEMENT_URL: urls.engagement } : {}),
            DATABASE_URL: state.serviceUrls[name],
            PORT: String(new URL(urls[name]).port),
          },
          urls[name],
        ),
      );
    }
    await Promise.all(processes.map((p) => waitForHealth(p.name, p.url.replace(/\/graphql$/, "/health"))));
    const gatewayNodeArgs = process.env.HOT_PATH_GATEWAY_NODE_ARGS?.split(" ").filter(Boolean);
    const gateway = launch(
      "gateway",
      process.execPath,
      [...nodeArgs, ...(gatewayNodeArgs ?? []), serviceScript(REPO_ROOT, "gateway")],
      {
        ...shared,
        ...deployedEnv(REPO_ROOT, "gateway"),
        SUPERGRAPH_PATH: SUPERGRAPH_FILE,
        REGISTRY_URL: urls.registry,
        ENGAGEMENT_URL: urls.engagement,
        EVALUATION_URL: urls.evaluation,
        IDENTITY_URL: urls.identity,
        HAMAFZA_GATEWAY_DEDUP: process.env.HAMAFZA_GATEWAY_DEDUP ?? "1",
        PORT: String(PORT_BASE),
      },
      `http://127.0.0.1:${PORT_BASE}/graphql`,
    );
    processes.push(gateway);
    await waitForHealth("gateway", `http://127.0.0.1:${PORT_BASE}/health`);
    const baseUrl = `http://127.0.0.1:${PORT_BASE}`;

    const adminToken = await login(baseUrl, "admin", state.adminPassword);
    if (state.users.length === 0) {
      for (let i = 0; i < USERS; i++) {
        const user = { username: `hot.user${i + 1}`, password: `Hot-${secret.slice(i, i + 12)}-${i}` };
        const created = await postGraphQL(
          gateway.url,
          `mutation($input: UserCreateInput!) { createUser(input: $input) { id } }`,
          {
            input: {
              username: user.username,
              displayName: `کاربر آزمون ${i + 1}`,
              role: "ADMIN",
              password: user.password,
            },
          },
          bearer(adminToken),
        );
        if (created.errors) throw new Error(`createUser: ${created.errors[0].message}`);
        state.users.push(user);
      }
    }
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
    const tokens: string[] = [];
    for (const user of state.users) tokens.push(await login(baseUrl, user.username, user.password));

    const targets = await pickTargets(state.adminUrl);
    const scenarios = loadScenarios(targets);
    const direct = {
      id: "R1",
      title: "registry only (NGO page of 25 with county, licence state)",
      body: JSON.stringify({
        query: `query R1($p: ID!) { ngos(limit: 25, filter: { provinceId: $p, licenceState: ACTIVE }) { totalCount items { id name status county { name } licenceState } } }`,
        variables: { p: targets.provinceId },
      }),
    };
    const database = new URL(state.adminUrl).pathname.slice(1);
    const clusterDir = join(pgOptions.baseDir, "cluster");
    const rows: Record<string, unknown>[] = [];
    const run = async (id: string, url: string, body: string, connections: number, headers = {}) => {
      const amount = Math.ceil((connections === 1 ? REQUESTS : REQUESTS * 3) / (id === "S5" ? 10 : 1));
      await runLoad({ url, body, tokens, connections: 8, durationSec: 0, amount: id === "S5" ? 16 : 64, headers });
      for (const p of processes) resetPeak(p.child.pid!);
      const statementsBefore = await statementCount(state.adminUrl, database);
      const totalsBefore = await statementTotals(state.adminUrl, database);
      const before = cpuSnapshot(processes, clusterDir);
      const load = await runLoad({ url, body, tokens, connections, durationSec: 0, amount, headers });
      const cpu = cpuDelta(before, cpuSnapshot(processes, clusterDir));
      const statements = (await statementCount(state.adminUrl, database)) - statementsBefore;
      const sql = statementsOfRun(totalsBefore, await statementTotals(state.adminUrl, database), load.requests);
      const perRequest = Object.fromEntries(
        Object.entries(cpu).map(([name, ms]) => [name, Number((ms / load.requests).toFixed(2))]),
      );
      const total = Object.values(perRequest).reduce((a, b) => a + b, 0);
      const peakRssMb = Object.fromEntries(
        processes.map((p) => [p.name, Math.round(memoryMb(p.child.pid!)?.peak ?? NaN)]),
      );
      const row = {
        id,
        c: connections,
        requests: load.requests,
        errors: load.errors,
        reqPerSec: Number(load.reqPerSec.toFixed(1)),
        p50: load.p50,
        p95: load.p95,
        statementsPerRequest: Number((statements / load.requests).toFixed(2)),
        cpuMsPerRequest: { ...perRequest, total: Number(total.toFixed(2)) },
        peakRssMb,
        loadavg: loadavg().map((l) => Number(l.toFixed(2))),
      };
      if (load.errors) console.log(`[hot-path] ${id} c=${connections}: ${load.errors} errors: ${load.firstError}`);
      console.log(`[hot-path] ${JSON.stringify(row)}`);
      for (const statement of sql) console.log(`[hot-path]   ${JSON.stringify(statement)}`);
      rows.push({ ...row, sql });
    };
    const directHeaders = { [GATEWAY_SECRET_HEADER]: secret };
    // E1: what the gateway asks the engagement service for S1 (the meeting counts of the page's 25 NGOs), sent directly.
    const page = await postGraphQL<{ ngos: { items: { id: string }[] } }>(
      gateway.url,
      JSON.parse(direct.body).query,
      JSON.parse(direct.body).variables,
      bearer(tokens[0]),
    );
    const e1 = JSON.stringify({
      query: `query E1($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { meetingsAttended { totalCount } } } }`,
      variables: { r: page.data!.ngos.items.map((ngo) => ({ __typename: "Ngo", id: ngo.id })) },
    });
    const only = process.env.HOT_PATH_ONLY?.split(",");
    const wanted = (id: string) => (only ? only.includes(id) : ["S1", "S2", "R1", "E1"].includes(id));
    if (wanted("S4")) await ensureScoreboard(state.adminUrl, gateway.url, adminToken);
    const concurrencies = process.env.HOT_PATH_C ? [Number(process.env.HOT_PATH_C)] : [1, 32];
    for (const c of concurrencies)
      for (const scenario of scenarios) if (wanted(scenario.id)) await run(scenario.id, gateway.url, scenario.body, c);
    if (wanted("R1")) {
      await run("R1 gateway", gateway.url, direct.body, 1);
      await run("R1 direct", urls.registry, direct.body, 1, directHeaders);
    }
    if (wanted("E1")) await run("E1 direct", urls.engagement, e1, 1, directHeaders);
    if (wanted("floor")) {
      // What any request costs at each layer before it does anything: `{ __typename }`, answered by the gateway
      // alone (its plan fetches nothing) and by each subgraph straight — HTTP, the token and session checks, Apollo
      // Server's pipeline, the request log and metrics; no resolver, no statement.
      const floor = JSON.stringify({ query: "{ __typename }" });
      await run("floor gateway", gateway.url, floor, 1);
      await run("floor registry direct", urls.registry, floor, 1, directHeaders);
      await run("floor engagement direct", urls.engagement, floor, 1, directHeaders);
    }
    if (wanted("S3 direct")) {
      // S3's three subgraph fetches as the gateway's query plan makes them (engagement's page, then in parallel the
      // registry's licence states of the attendance rows and the attendees' NGOs), each sent straight to its
      // subgraph: one process's CPU per fetch without the gateway's. Keep in step with S3 in scenarios.ts.
      const e3 = {
        query: `query S3__engagement__0($c: ID!) { meetings(limit: 25, filter: { countyId: $c, jalaliYear: 1404, jalaliQuarter: 2 }) { totalCount items { title meetingDate attendance { __typename id ngo { __typename id } ngoId meetingDate } resolutions { text status deadline } } } }`,
        variables: { c: targets.countyId },
      };
      const meetings = await postGraphQL<{
        meetings: {
          items: { attendance: { id: string; ngo: { id: string }; ngoId: string; meetingDate: string }[] }[];
        };
      }>(urls.engagement, e3.query, e3.variables, { ...bearer(tokens[0]), ...directHeaders });
      if (!meetings.data) throw new Error(`S3 direct: ${meetings.errors?.[0]?.message}`);
      const attendance = meetings.data.meetings.items.flatMap((meeting) => meeting.attendance);
      const r3Licence = {
        query: `query S3__registry__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on MeetingAttendance { licenceStateOnMeetingDate licenceFlagged } } }`,
        variables: {
          representations: attendance.map((a) => ({
            __typename: "MeetingAttendance",
            id: a.id,
            ngoId: a.ngoId,
            meetingDate: a.meetingDate,
          })),
        },
      };
      const r3Ngo = {
        query: `query S3__registry__2($representations: [_Any!]!) { _entities(representations: $representations) { ... on Ngo { name } } }`,
        variables: { representations: attendance.map((a) => ({ __typename: "Ngo", id: a.ngo.id })) },
      };
      for (const c of concurrencies) {
        await run("E3 direct", urls.engagement, JSON.stringify(e3), c, directHeaders);
        await run("R3 licence direct", urls.registry, JSON.stringify(r3Licence), c, directHeaders);
        await run("R3 ngo direct", urls.registry, JSON.stringify(r3Ngo), c, directHeaders);
      }
    }
    writeFileSync(join(DIR, `results-${Date.now()}.json`), JSON.stringify(rows, null, 2));
  } finally {
    for (const p of processes.reverse()) await p.stop();
    await pg.stop().catch(() => undefined);
  }
}

/**
 * S4 reads the scoreboard of 1404: on data without current results (a fresh seed), the whole-country run is made
 * once through the gateway (as the bench's S6 does) and kept in HOT_PATH_DIR for later runs.
 */
async function ensureScoreboard(adminUrl: string, gatewayUrl: string, adminToken: string): Promise<void> {
  const [{ current }] = await withClient(
    adminUrl,
    async (c) =>
      (
        await c.query<{ current: number }>(
          `SELECT count(*)::int AS current FROM evaluation.evaluation_result WHERE year = 1404 AND is_current`,
        )
      ).rows,
  );
  if (current > 0) return;
  await withClient(adminUrl, (c) => c.query(`UPDATE evaluation.evaluation_cycle SET state = 'OPEN' WHERE year = 1404`));
  const started = performance.now();
  const run = await postGraphQL(
    gatewayUrl,
    `mutation { runEvaluation(year: 1404) { managersScored } }`,
    {},
    bearer(adminToken),
  );
  if (run.errors) throw new Error(`runEvaluation: ${run.errors[0].message}`);
  console.log(
    `[hot-path] S4's results: the 1404 run scored ${run.data!.runEvaluation.managersScored} managers in ${Math.round(performance.now() - started)} ms`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("[hot-path] error:", error);
    process.exit(1);
  },
);
