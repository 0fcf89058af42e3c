import {
  AppError,
  ErrorCode,
  generateServiceSecurity,
  postGraphQL,
  Role,
  RunningServer,
  withClient,
} from "@hamafza/common";
import { subgraphHeaders, untilValue } from "@hamafza/common/testing";
import { createEvaluationDataSource, FactsSnapshot, startEvaluation } from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

/**
 * Runs as background jobs: `startEvaluationRun` answers at once with a RUNNING run whose phase and progress move
 * as the facts source reports them; one running run per cycle and scope; a failure ends FAILED with a Persian
 * message and changes no results; a second evaluation process on the same database does not disturb running runs
 * (they are jobs of the queue; the kill -9 case is infra/test/evaluationQueue.test.ts).
 */
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
let asEvaluator: Record<string, string>;
let asZanjan: Record<string, string>;
const gql = (query: string, variables: Record<string, unknown> = {}, headers = asEvaluator) =>
  postGraphQL(server.url, query, variables, headers);

const A = "00000000-0000-4000-8000-0000000000a1";
const B = "00000000-0000-4000-8000-0000000000b1";
const facts = (): FactsSnapshot => ({
  year: 1404,
  asOf: "2026-03-25",
  managers: [
    {
      id: A,
      name: "علی رضايي",
      position: "فرماندار زنجان",
      positionKind: "COUNTY_GOVERNOR",
      agencyId: A,
      provinceId: "19",
      countyId: "1901",
      tenureStart: "2020-01-01",
      tenureEnd: null,
    },
    {
      id: B,
      name: "مریم احمدی",
      position: "فرماندار تبریز",
      positionKind: "COUNTY_GOVERNOR",
      agencyId: B,
      provinceId: "04",
      countyId: "0401",
      tenureStart: "2020-01-01",
      tenureEnd: null,
    },
  ],
  facts: [],
  licenceStates: {},
  activeNgos: { byProvince: {}, byCounty: {} },
});

/** The facts source's steps; while `paused`, each step waits until the test lets one through (`step`). */
type Step = { phase: "FETCHING_MANAGERS" | "FETCHING_FACTS" | "FETCHING_LICENCES"; fraction: number };
let paused = false;
let credits = 0;
const waiters: (() => void)[] = [];
const pauseHere = (): Promise<void> | void => {
  if (!paused) return;
  if (credits > 0) return void credits--;
  return new Promise<void>((resolve) => waiters.push(resolve));
};
const step = () => {
  const waiter = waiters.shift();
  if (waiter) waiter();
  else credits++;
};
const resume = () => {
  paused = false;
  credits = 0;
  waiters.splice(0).forEach((waiter) => waiter());
};
let failWith: Error | null = null;
const STEPS: Step[] = [
  { phase: "FETCHING_MANAGERS", fraction: 0 },
  { phase: "FETCHING_FACTS", fraction: 0.5 },
  { phase: "FETCHING_LICENCES", fraction: 1 },
];
const RUN_FIELDS = `id status phase progress failureMessage resultsHash factsAsOf managersScored durationMs finishedAt computedAt`;
const runById = async (id: string) =>
  (await gql(`query ($id: ID!) { evaluationRun(id: $id) { ${RUN_FIELDS} } }`, { id })).data!.evaluationRun;
const count = async (sql: string) => Number((await db.query(sql))[0].n);

/** Fast polling: a run's phases pass quickly. */
const until = <T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string) =>
  untilValue(probe, ok, what, { ms: 5000, everyMs: 25 });

beforeAll(async () => {
  database = await prepareTestDatabase("evalprogress", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  await db.query(`UPDATE evaluation_cycle SET state = 'OPEN' WHERE year = 1404`);
  server = await startEvaluation({
    db,
    port: 0,
    security,
    factsSource: async (ctx, _year, progress) => {
      for (const { phase, fraction } of STEPS) {
        await progress(phase as never, fraction);
        await pauseHere();
      }
      if (failWith) throw failWith;
      const province = ctx.user?.provinceId;
      const all = facts();
      return province ? { ...all, managers: all.managers.filter((m) => m.provinceId === province) } : all;
    },
  });
  asEvaluator = await subgraphHeaders(security, { role: Role.EVALUATOR, username: "nat.evaluator" });
  asZanjan = await subgraphHeaders(security, { role: Role.EVALUATOR, provinceId: "19", username: "zanjan.evaluator" });
});

afterAll(async () => {
  resume();
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

describe("evaluation runs in the background", () => {
  let firstRunId: string;

  it("answers at once with a RUNNING run whose phase and progress move forward, then SUCCEEDED with results", async () => {
    paused = true;
    const started = await gql(`mutation { startEvaluationRun(year: 1404) { ${RUN_FIELDS} } }`);
    expect(started.errors).toBeUndefined();
    const run = started.data!.startEvaluationRun;
    expect(run).toMatchObject({
      status: "RUNNING",
      phase: "QUEUED",
      progress: 0,
      resultsHash: null,
      managersScored: 0,
      finishedAt: null,
      durationMs: null,
    });
    const fetching = await until(
      () => runById(run.id),
      (r) => r.phase === "FETCHING_MANAGERS",
      "FETCHING_MANAGERS",
    );
    expect(fetching).toMatchObject({ status: "RUNNING", progress: 0 });
    // Another run of the same cycle and scope is refused while this one runs; a provincial one is another scope.
    const second = await gql(`mutation { startEvaluationRun(year: 1404) { id } }`);
    expect(second.errors?.[0].extensions?.code).toBe(ErrorCode.CONFLICT);
    expect(second.errors?.[0].message).toMatch(/در حال اجراست/);
    expect(await count(`SELECT count(*) AS n FROM evaluation_run`)).toBe(1);
    resume();
    const done = await until(
      () => runById(run.id),
      (r) => r.status !== "RUNNING",
      "the run to finish",
    );
    expect(done).toMatchObject({
      status: "SUCCEEDED",
      phase: "DONE",
      progress: 100,
      managersScored: 2,
      factsAsOf: "2026-03-25",
      failureMessage: null,
    });
    expect(done.resultsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(done.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(done.computedAt).getTime());
    expect(await count(`SELECT count(*) AS n FROM evaluation_result WHERE run_id = '${run.id}'`)).toBe(2);
    expect((await db.query(`SELECT current_run_id AS id FROM evaluation_cycle WHERE year = 1404`))[0].id).toBe(run.id);
    firstRunId = run.id;
  });

  it("reports intermediate progress on the row while fetching (never backwards)", async () => {
    const seen: number[] = [];
    paused = true;
    const { data } = await gql(`mutation { startEvaluationRun(year: 1404) { id } }`);
    const id = data!.startEvaluationRun.id;
    for (const { phase } of STEPS) {
      const row = await until(
        () => runById(id),
        (r) => r.phase === phase,
        phase,
      );
      seen.push(row.progress);
      step();
    }
    resume();
    const done = await until(
      () => runById(id),
      (r) => r.status !== "RUNNING",
      "the run to finish",
    );
    seen.push(done.progress);
    expect(seen).toEqual([0, 32, 70, 100]);
  });

  it("ends FAILED with the Persian message of the failure, leaving results and scores as they were", async () => {
    const before = {
      results: await count(`SELECT count(*) AS n FROM evaluation_result`),
      scores: await db.query(`SELECT manager_id, total, computed_at FROM manager_score ORDER BY manager_id`),
    };
    const cycleBefore = (await db.query(`SELECT current_run_id AS id FROM evaluation_cycle WHERE year = 1404`))[0].id;
    failWith = new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      "دریافت داده‌ها از سرویس‌های ثبت یا تعامل ممکن نشد؛ کمی بعد دوباره تلاش کنید.",
    );
    const { data } = await gql(`mutation { startEvaluationRun(year: 1404) { id } }`);
    const failed = await until(
      () => runById(data!.startEvaluationRun.id),
      (r) => r.status !== "RUNNING",
      "the run to fail",
    );
    expect(failed).toMatchObject({ status: "FAILED", phase: "DONE", resultsHash: null, managersScored: 0 });
    expect(failed.failureMessage).toBe(failWith.message);
    expect(failed.durationMs).toBeGreaterThanOrEqual(0);
    // The synchronous mutation reports the same failure as an error.
    const sync = await gql(`mutation { runEvaluation(year: 1404) { id } }`);
    expect(sync.errors?.[0].message).toBe(failWith.message);
    expect(sync.errors?.[0].extensions?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    failWith = new Error("socket hang up (internal detail)");
    const internal = await gql(`mutation { startEvaluationRun(year: 1404) { id } }`);
    const hidden = await until(
      () => runById(internal.data!.startEvaluationRun.id),
      (r) => r.status !== "RUNNING",
      "the run to fail",
    );
    expect(hidden.failureMessage).toMatch(/خطای داخلی/);
    expect(hidden.failureMessage).not.toMatch(/socket/);
    failWith = null;
    expect(await count(`SELECT count(*) AS n FROM evaluation_result`)).toBe(before.results);
    expect(await db.query(`SELECT manager_id, total, computed_at FROM manager_score ORDER BY manager_id`)).toEqual(
      before.scores,
    );
    expect((await db.query(`SELECT current_run_id AS id FROM evaluation_cycle WHERE year = 1404`))[0].id).toBe(
      cycleBefore,
    );
    const audited = await withClient(
      database.adminUrl,
      async (client) =>
        (await client.query(`SELECT after FROM identity.audit_entry WHERE action = 'failEvaluationRun' ORDER BY at`))
          .rows,
    );
    expect(audited.map((row) => row.after.status)).toEqual(["FAILED", "FAILED", "FAILED"]);
    // A failed run has no results to recompute, compare or re-weigh.
    for (const query of [
      `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`,
      `query ($id: ID!) { evaluationWhatIf(runId: $id, indicators: []) { total } }`,
      `query ($id: ID!) { evaluationRunDiff(fromRunId: $id, toRunId: $id) { delta } }`,
    ]) {
      const refused = await gql(query, { id: failed.id });
      expect(refused.errors?.[0].extensions?.code).toBe(ErrorCode.INVALID_TRANSITION);
    }
  });

  it("lists running, failed and succeeded runs newest first, and finds results by ids and by a normalised name", async () => {
    const runs = (await gql(`{ evaluationRuns(year: 1404) { id status } }`)).data!.evaluationRuns;
    expect(runs.map((r: { status: string }) => r.status)).toEqual([
      "FAILED",
      "FAILED",
      "FAILED",
      "SUCCEEDED",
      "SUCCEEDED",
    ]);
    expect(runs[runs.length - 1].id).toBe(firstRunId);
    const found = await gql(
      `{ evaluationResults(filter: { year: 1404, q: "رضایی" }) { totalCount items { id managerId managerName } } }`,
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.evaluationResults.items.map((r: { managerId: string }) => r.managerId)).toEqual([A]);
    const byIds = await gql(
      `query ($ids: [ID!]) { evaluationResults(filter: { ids: $ids }) { totalCount items { id } } }`,
      { ids: [found.data!.evaluationResults.items[0].id, "not-a-uuid"] },
    );
    expect(byIds.data!.evaluationResults.items).toEqual([{ id: found.data!.evaluationResults.items[0].id }]);
    const neither = await gql(`{ evaluationResults(filter: { provinceId: "19" }) { totalCount } }`);
    expect(neither.errors?.[0].extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    const cycles = await gql(`{ evaluationCycles(limit: 1) { totalCount items { year } } }`);
    expect(cycles.data!.evaluationCycles).toEqual({ totalCount: 1, items: [{ year: 1404 }] });
  });

  it("runs of a province are another scope; a second evaluation process on the database leaves running runs to the queue", async () => {
    paused = true;
    const national = (await gql(`mutation { startEvaluationRun(year: 1404) { id } }`)).data!.startEvaluationRun.id;
    const zanjan = await gql(`mutation { startEvaluationRun(year: 1404) { id provinceId status } }`, {}, asZanjan);
    expect(zanjan.data!.startEvaluationRun).toMatchObject({ provinceId: "19", status: "RUNNING" });
    const ids = [national, zanjan.data!.startEvaluationRun.id];
    // Another process of the service starts on the same database: no start-up sweep fails the runs in progress.
    const otherDb = createEvaluationDataSource(database.serviceUrls.evaluation);
    await otherDb.initialize();
    const other = await startEvaluation({ db: otherDb, port: 0, security, factsSource: async () => facts() });
    try {
      const rows = await db.query(`SELECT status FROM evaluation_run WHERE id = ANY($1) ORDER BY id`, [ids]);
      expect(rows.map((r: { status: string }) => r.status)).toEqual(["RUNNING", "RUNNING"]);
      resume();
      for (const id of ids)
        await until(
          () => runById(id),
          (r) => r.status !== "RUNNING",
          "the run to finish",
        );
      const done = await db.query(`SELECT status FROM evaluation_run WHERE id = ANY($1) ORDER BY id`, [ids]);
      expect(done.map((r: { status: string }) => r.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
      // Each computed once: one completion in the audit log per run.
      const audited = await withClient(
        database.adminUrl,
        async (client) =>
          (
            await client.query(
              `SELECT entity_id, count(*)::int AS n FROM identity.audit_entry WHERE action = 'runEvaluation' AND entity_id = ANY($1) GROUP BY 1`,
              [ids],
            )
          ).rows,
      );
      expect(audited.map((row) => row.n)).toEqual([1, 1]);
    } finally {
      await other.stop();
      await otherDb.destroy();
    }
  });

  it("a run left RUNNING without a job (a restored backup) is failed when the next run starts, instead of blocking it", async () => {
    const [{ id: orphan }] = await db.query(
      `INSERT INTO evaluation_run (cycle_id, year, province_id, rubric, status, phase, progress, computed_by, managers_scored, managers_without_tenure, rules_version)
       SELECT id, year, NULL, indicators, 'RUNNING', 'FETCHING_FACTS', 10, 'restored', 0, 0, 2 FROM evaluation_cycle WHERE year = 1404
       RETURNING id`,
    );
    const started = await gql(`mutation { startEvaluationRun(year: 1404) { id status } }`);
    expect(started.errors).toBeUndefined();
    const [row] = await db.query(`SELECT status, failure_message AS message FROM evaluation_run WHERE id = $1`, [
      orphan,
    ]);
    expect(row.status).toBe("FAILED");
    expect(row.message).toMatch(/نیمه‌کاره ماند/);
    const done = await until(
      () => runById(started.data!.startEvaluationRun.id),
      (r) => r.status !== "RUNNING",
      "the new run to finish",
    );
    expect(done.status).toBe("SUCCEEDED");
  });
});
