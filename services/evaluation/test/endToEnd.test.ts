import { bearer, login, postGraphQL, withClient } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { FactsSnapshotV2 } from "../src/scoringTypes";
import { unpackSnapshot } from "../src/snapshotPacking";

/**
 * The whole path through the gateway: the demo evaluator runs the 1404 computation (the evaluation service reads
 * the facts from the registry and engagement subgraphs with the evaluator's token), recomputes it from the
 * snapshot, finalises the cycle — and the engagement service then refuses changes to 1404 records with LOCKED.
 */
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let asEvaluator: Record<string, string>;
let asAdmin: Record<string, string>;
let asCounty: Record<string, string>;
const gql = (headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, headers);

beforeAll(async () => {
  database = await prepareTestDatabase("evale2e", { demo: true });
  stack = await startInProcessStack(database);
  asEvaluator = bearer(await login(stack.baseUrl, "demo.evaluator", DEMO_PASSWORD));
  asAdmin = bearer(await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD));
  asCounty = bearer(await login(stack.baseUrl, "demo.county", DEMO_PASSWORD));
}, 90_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

describe("evaluation end to end", () => {
  let runId: string;
  let meetingId: string;

  it("runs the 1404 computation over the demo data with facts from the subgraphs", async () => {
    expect((await gql(asEvaluator, `{ evaluationCycle(year: 1404) { state } }`)).data!.evaluationCycle.state).toBe(
      "OPEN",
    );
    const started = Date.now();
    const result = await gql(
      asEvaluator,
      `mutation { runEvaluation(year: 1404) { id managersScored managersWithoutTenure resultsHash durationMs } }`,
    );
    expect(result.errors).toBeUndefined();
    const run = result.data!.runEvaluation;
    console.log(`evaluation run over the demo data: ${run.managersScored} managers in ${Date.now() - started} ms`);
    expect(run.managersScored).toBeGreaterThan(0);
    runId = run.id;
    const board = await gql(
      asEvaluator,
      `{ evaluationResults(filter: { year: 1404 }, limit: 200) { totalCount items { managerId provinceId countyId total grade provinceRank nationalRank manager { name } indicators { code raw score evidence { kind id counted reasons } } } } }`,
    );
    expect(board.errors).toBeUndefined();
    expect(board.data!.evaluationResults.totalCount).toBe(run.managersScored);
    const items = board.data!.evaluationResults.items;
    expect(items[0].manager.name).toBeTruthy(); // resolved by the registry through the gateway
    expect(items[0].nationalRank).toBe(1);
    const counted = items
      .flatMap((r: any) => r.indicators.find((i: any) => i.code === "REGULARITY").evidence)
      .find((e: any) => e.kind === "MEETING" && e.counted);
    expect(counted).toBeDefined();
    meetingId = counted.id;
    const scores = await gql(asEvaluator, `{ managerScores(filter: { year: 1404 }, limit: 200) { totalCount } }`);
    expect(scores.data!.managerScores.totalCount).toBeGreaterThanOrEqual(run.managersScored);
    const viaManager = await gql(asEvaluator, `query ($id: ID!) { manager(id: $id) { score(year: 1404) { total } } }`, {
      id: items[0].managerId,
    });
    expect(viaManager.data!.manager.score.total).toBe(items[0].total);
    // Summaries on the registry's Province / County, computed by the evaluation service.
    const summary = await gql(
      asEvaluator,
      `{ province(id: "19") { evaluationSummary(year: 1404) { managersScored averageTotal grades { grade count } indicatorAverages { code averageScore } } } county(id: "1901") { evaluationSummary(year: 1404) { managersScored } } }`,
    );
    expect(summary.errors).toBeUndefined();
    const inZanjan = items.filter((r: any) => r.provinceId === "19");
    const province = summary.data!.province.evaluationSummary;
    expect(province.managersScored).toBe(inZanjan.length);
    expect(province.grades.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(inZanjan.length);
    expect(province.indicatorAverages.map((a: { code: string }) => a.code)).toEqual([
      "FOLLOW_THROUGH",
      "NGO_REACH",
      "PARTICIPATION",
      "PROBLEM_FOCUS",
      "REGULARITY",
      "RESPONSIVENESS",
    ]);
    expect(summary.data!.county.evaluationSummary.managersScored).toBe(
      items.filter((r: any) => r.countyId === "1901").length,
    );
    const grades = await gql(asEvaluator, `{ evaluationGradeDistribution(filter: { year: 1404 }) { grade count } }`);
    console.log(
      `demo 1404 grades: ${JSON.stringify(grades.data!.evaluationGradeDistribution)}; averages in Zanjan: ${JSON.stringify(province.indicatorAverages)}`,
    );
  }, 60_000);

  it("recomputes the run from its snapshot byte for byte", async () => {
    const result = await gql(
      asEvaluator,
      `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical storedHash recomputedHash } }`,
      { id: runId },
    );
    expect(result.data!.recomputeEvaluationRun.identical).toBe(true);
  });

  it("stored the licence states licenceStatesOn gives, in the order the run asked them (licenceStatesOnDays, issue 13)", async () => {
    const packed = await withClient(database.adminUrl, async (client) => {
      const { rows } = await client.query(
        `SELECT snapshot_packed, snapshot->>'encoding' AS encoding FROM evaluation.evaluation_run WHERE id = $1`,
        [runId],
      );
      return rows[0] as { snapshot_packed: Buffer; encoding: string };
    });
    const snapshot = (await unpackSnapshot(packed.snapshot_packed, packed.encoding)) as FactsSnapshotV2;
    // The asks as the run makes them: every attending NGO on every meeting day, days in order, NGO ids in order.
    const byDate = new Map<string, Set<string>>();
    for (const own of snapshot.facts)
      for (const m of own.meetings)
        for (const id of m.ngoIds) byDate.set(m.date, (byDate.get(m.date) ?? new Set()).add(id));
    const asks = [...byDate]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, ids]) => ({ date, ngoIds: [...ids].sort() }));
    expect(asks.length).toBeGreaterThan(1);
    // What the run filled before: licenceStatesOn per day, as GraphQL objects (the gateway allows 15 aliases).
    const before: Record<string, string> = {};
    for (let start = 0; start < asks.length; start += 15) {
      const some = asks.slice(start, start + 15);
      const old = await gql(
        asEvaluator,
        `query { ${some.map((a, i) => `d${i}: licenceStatesOn(ngoIds: ${JSON.stringify(a.ngoIds)}, date: "${a.date}") { ngoId state }`).join(" ")} }`,
      );
      expect(old.errors).toBeUndefined();
      some.forEach((a, i) => {
        for (const row of old.data![`d${i}`] as { ngoId: string; state: string }[])
          before[`${row.ngoId}|${a.date}`] = row.state;
      });
    }
    expect(new Set(Object.values(before)).size).toBeGreaterThan(1);
    // The very map (keys, values and order: the snapshot's bytes) the run stored with licenceStatesOnDays.
    expect(JSON.stringify(snapshot.licenceStates)).toBe(JSON.stringify(before));
    const now = await gql(asEvaluator, `query ($asks: [LicenceStatesAsk!]!) { licenceStatesOnDays(asks: $asks) }`, {
      asks,
    });
    expect(now.errors).toBeUndefined();
    expect(now.data!.licenceStatesOnDays).toEqual(
      asks.map((a) => a.ngoIds.map((id) => before[`${id}|${a.date}`] ?? null)),
    );
  });

  it("FINAL locks the year's engagement records: the engagement service refuses a change with LOCKED", async () => {
    const before = await gql(
      asAdmin,
      `mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "عنوان بازبینی‌شده نشست" }) { id } }`,
      { id: meetingId },
    );
    expect(before.errors).toBeUndefined();
    expect(
      (await gql(asEvaluator, `mutation { changeEvaluationCycleState(year: 1404, state: UNDER_REVIEW) { state } }`))
        .errors,
    ).toBeUndefined();
    const final = await gql(asEvaluator, `mutation { changeEvaluationCycleState(year: 1404, state: FINAL) { state } }`);
    expect(final.errors).toBeUndefined();
    expect(
      (await gql(asEvaluator, `{ engagementPeriodLocks(year: 1404) { year provinceId lockedBy } }`)).data!
        .engagementPeriodLocks,
    ).toEqual([{ year: 1404, provinceId: null, lockedBy: "demo.evaluator" }]);
    const after = await gql(
      asAdmin,
      `mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "عنوان دیگر نشست" }) { id } }`,
      { id: meetingId },
    );
    expect(after.errors![0].extensions!.code).toBe("LOCKED");
  });

  it("PUBLISHED shows the results to a county officer, only in the county's territory", async () => {
    expect(
      (await gql(asCounty, `{ evaluationResults(filter: { year: 1404 }) { totalCount } }`)).data!.evaluationResults
        .totalCount,
    ).toBe(0);
    expect(
      (await gql(asEvaluator, `mutation { changeEvaluationCycleState(year: 1404, state: PUBLISHED) { state } }`))
        .errors,
    ).toBeUndefined();
    const seen = await gql(
      asCounty,
      `{ evaluationResults(filter: { year: 1404 }, limit: 200) { items { provinceId countyId } } }`,
    );
    expect(seen.data!.evaluationResults.items.length).toBeGreaterThan(0);
    for (const r of seen.data!.evaluationResults.items)
      expect(r.countyId === "1901" || (r.countyId === null && r.provinceId === "19")).toBe(true);
  });
});
