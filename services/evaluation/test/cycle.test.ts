import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import {
  asRulesVersion,
  computeResults,
  createEvaluationDataSource,
  FactsSnapshot,
  SnapshotManagerFacts,
  startEvaluation,
  unpackSnapshot,
} from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { CURRENT_RESULT_IDS_SQL } from "@hamafza/evaluation/dist/resolvers/cycle";
import { packEvidence } from "@hamafza/evaluation/dist/evidencePacking";
import { DataSource } from "typeorm";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
type Who = "admin" | "evaluator" | "provEvaluator" | "analyst" | "county" | "managerA";
const as: Partial<Record<Who, Record<string, string>>> = {};
const gql = (who: Who, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, as[who]);

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const N1 = "10000000-0000-4000-8000-000000000001";

/** The facts the next run gets (tests change them between runs). */
let facts: FactsSnapshot;
let fetches = 0;

const meeting = (id: string, date: string, quarter: number) => ({
  meetingId: id,
  title: `نشست ${id}`,
  kind: "QUARTERLY_PROBLEM_CENTRED",
  date,
  quarter,
  ngoIds: [N1],
  countsForRegularity: true,
  problemFocused: true,
  exclusionReasons: [],
});
const managerFacts = (managerId: string, quarters: number): SnapshotManagerFacts => ({
  managerId,
  meetings: [
    meeting(`${managerId}-1`, "2025-04-01", 1),
    meeting(`${managerId}-2`, "2025-07-01", 2),
    meeting(`${managerId}-3`, "2025-10-01", 3),
    meeting(`${managerId}-4`, "2026-01-01", 4),
  ].slice(0, quarters),
  resolutions: [],
  workingGroups: [],
  requests: [],
});
const baseFacts = (): FactsSnapshot => ({
  year: 1404,
  asOf: "2026-03-25",
  managers: [
    {
      id: A,
      name: "علی رضایی",
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
      position: "فرماندار ابهر",
      positionKind: "COUNTY_GOVERNOR",
      agencyId: B,
      provinceId: "19",
      countyId: "1902",
      tenureStart: "2020-01-01",
      tenureEnd: null,
    },
    {
      id: C,
      name: "رضا کریمی",
      position: "فرماندار تبریز",
      positionKind: "COUNTY_GOVERNOR",
      agencyId: C,
      provinceId: "04",
      countyId: "0401",
      tenureStart: "2025-09-23",
      tenureEnd: null,
    },
  ],
  facts: [managerFacts(A, 4), managerFacts(B, 2), managerFacts(C, 0)],
  licenceStates: { [`${N1}|2025-04-01`]: "ACTIVE" },
  activeNgos: { byProvince: { "19": 10, "04": 10 }, byCounty: { "1901": 5, "1902": 5, "0401": 5 } },
});

const count = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

/** The materialised current results (`is_current`) against their definition recomputed over every run. */
async function expectCurrentMaterialised(): Promise<string[]> {
  const flagged = (await db.query(`SELECT id FROM evaluation_result WHERE is_current ORDER BY id`)).map(
    (r: { id: string }) => r.id,
  );
  const cycles = (await db.query(`SELECT id FROM evaluation_cycle`)).map((r: { id: string }) => r.id);
  const defined: string[] = [];
  for (const cycle of cycles)
    defined.push(...(await db.query(CURRENT_RESULT_IDS_SQL("$1"), [cycle])).map((r: { id: string }) => r.id));
  expect(flagged).toEqual(defined.sort());
  return flagged;
}
const audit = (action: string) =>
  withClient(
    database.adminUrl,
    async (client) =>
      (
        await client.query(
          `SELECT actor_username, entity_id, province_id, before, after FROM identity.audit_entry WHERE action = $1 AND outcome = 'SUCCESS' ORDER BY at`,
          [action],
        )
      ).rows,
  );

const CYCLE = `{ evaluationCycle(year: 1404) { state indicators { code weight target rule } currentRunId } }`;
const setState = (who: Who, state: string) =>
  gql(who, `mutation ($s: EvaluationCycleState!) { changeEvaluationCycleState(year: 1404, state: $s) { state } }`, {
    s: state,
  });
const run = async (who: Who = "evaluator") => {
  const result = await gql(
    who,
    `mutation { runEvaluation(year: 1404) { id managersScored managersWithoutTenure resultsHash provinceId } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.runEvaluation;
};

beforeAll(async () => {
  database = await prepareTestDatabase("evalcycle", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  facts = baseFacts();
  server = await startEvaluation({
    db,
    port: 0,
    security,
    factsSource: async (ctx) => {
      fetches++;
      // The facts source sees the caller's territory, as the subgraphs would.
      const province = ctx.user?.provinceId;
      const scoped = province ? { ...facts, managers: facts.managers.filter((m) => m.provinceId === province) } : facts;
      return JSON.parse(JSON.stringify(scoped));
    },
  });
  as.admin = await subgraphHeaders(security, { role: Role.ADMIN });
  as.evaluator = await subgraphHeaders(security, { role: Role.EVALUATOR, username: "nat.evaluator" });
  as.provEvaluator = await subgraphHeaders(security, {
    role: Role.EVALUATOR,
    provinceId: "19",
    username: "zanjan.evaluator",
  });
  as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
  as.county = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
  // An invited manager bound to manager A (issue 15).
  as.managerA = await subgraphHeaders(security, { role: Role.MANAGER, boundId: A } as never);
});

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

describe("evaluation cycle workflow", () => {
  it("ships the 1404 cycle as a DRAFT with the default rubric", async () => {
    const { data } = await gql("analyst", CYCLE);
    expect(data!.evaluationCycle.state).toBe("DRAFT");
    expect(data!.evaluationCycle.indicators).toEqual([
      { code: "REGULARITY", weight: 30, target: 4, rule: "LINEAR" },
      { code: "PROBLEM_FOCUS", weight: 15, target: 80, rule: "LINEAR" },
      { code: "NGO_REACH", weight: 15, target: 20, rule: "LINEAR" },
      { code: "FOLLOW_THROUGH", weight: 20, target: 90, rule: "LINEAR" },
      { code: "PARTICIPATION", weight: 10, target: 2, rule: "LINEAR" },
      { code: "RESPONSIVENESS", weight: 10, target: 90, rule: "LINEAR" },
    ]);
  });

  it("refuses a rubric whose weights do not sum to 100, leaving it unchanged", async () => {
    const before = await db.query(`SELECT indicators FROM evaluation_cycle WHERE year = 1404`);
    const result = await gql(
      "evaluator",
      `mutation { updateEvaluationRubric(year: 1404, indicators: [{ code: "REGULARITY", weight: 35 }]) { state } }`,
    );
    expect(result.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.fields[0].message).toContain("مجموع وزن شاخص‌ها باید ۱۰۰ باشد");
    expect(await db.query(`SELECT indicators FROM evaluation_cycle WHERE year = 1404`)).toEqual(before);
  });

  it("edits weights and targets in DRAFT (audited), not as a provincial evaluator or an analyst", async () => {
    const ok = await gql(
      "evaluator",
      `mutation { updateEvaluationRubric(year: 1404, indicators: [{ code: "REGULARITY", weight: 35 }, { code: "PROBLEM_FOCUS", weight: 10, target: 75 }]) { indicators { code weight target } } }`,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateEvaluationRubric.indicators.slice(0, 2)).toEqual([
      { code: "REGULARITY", weight: 35, target: 4 },
      { code: "PROBLEM_FOCUS", weight: 10, target: 75 },
    ]);
    expect((await audit("updateEvaluationRubric")).length).toBe(1);
    expect(
      (
        await gql(
          "provEvaluator",
          `mutation { updateEvaluationRubric(year: 1404, indicators: [{ code: "REGULARITY", weight: 30 }]) { state } }`,
        )
      ).errors![0].extensions!.code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await gql(
          "analyst",
          `mutation { updateEvaluationRubric(year: 1404, indicators: [{ code: "REGULARITY", weight: 30 }]) { state } }`,
        )
      ).errors![0].extensions!.code,
    ).toBe("FORBIDDEN");
    // back to the default
    expect(
      (
        await gql(
          "evaluator",
          `mutation { updateEvaluationRubric(year: 1404, indicators: [{ code: "REGULARITY", weight: 30 }, { code: "PROBLEM_FOCUS", weight: 15, target: 80 }]) { state } }`,
        )
      ).errors,
    ).toBeUndefined();
  });

  it("refuses invalid transitions and computing in DRAFT", async () => {
    const skip = await setState("evaluator", "FINAL");
    expect(skip.errors![0].extensions!.code).toBe("INVALID_TRANSITION");
    expect(skip.errors![0].message).toContain("پیش‌نویس");
    const early = await gql("evaluator", `mutation { runEvaluation(year: 1404) { id } }`);
    expect(early.errors![0].extensions!.code).toBe("INVALID_TRANSITION");
    expect(await count("evaluation_run")).toBe(0);
    expect((await setState("evaluator", "OPEN")).data!.changeEvaluationCycleState.state).toBe("OPEN");
    expect(
      (
        await gql(
          "evaluator",
          `mutation { updateEvaluationRubric(year: 1404, indicators: [{ code: "REGULARITY", target: 3 }]) { state } }`,
        )
      ).errors![0].extensions!.code,
    ).toBe("INVALID_TRANSITION");
    expect((await setState("evaluator", "UNDER_REVIEW")).errors![0].extensions!.code).toBe("INVALID_TRANSITION"); // no run yet
  });
});

let firstRun: { id: string; managersScored: number; resultsHash: string };

describe("computation runs", () => {
  it("computes every manager in scope, snapshots the facts, feeds managerScores", async () => {
    firstRun = await run();
    expect(firstRun.managersScored).toBe(3);
    const { data } = await gql(
      "evaluator",
      `{ evaluationResults(filter: { year: 1404 }) { totalCount items { managerId total grade provinceRank nationalRank tenureQuarters indicators { code raw score contribution evidence { id counted reasons } } } } }`,
    );
    const byId = Object.fromEntries(data!.evaluationResults.items.map((r: { managerId: string }) => [r.managerId, r]));
    // Rules version 2: no resolution due and no request, so FOLLOW_THROUGH (20) and RESPONSIVENESS (10) do not
    // apply and the other 70 points of weight are scaled to 100.
    // A: 4/4 quarters (30) + 100 % focused (15) + 1 of 5 NGOs = 20 % → 100 (15) = 60 of 70 → 85.71
    expect(byId[A]).toMatchObject({
      total: 85.71,
      grade: "GOOD",
      provinceRank: 1,
      nationalRank: 1,
      tenureQuarters: [1, 2, 3, 4],
    });
    // B: 2/4 (15) + 15 + 15 = 45 of 70 → 64.29
    expect(byId[B]).toMatchObject({ total: 64.29, grade: "ACCEPTABLE", provinceRank: 2, nationalRank: 2 });
    // C: tenure Q3–Q4, no meetings: 0 (PROBLEM_FOCUS does not apply either)
    expect(byId[C]).toMatchObject({ total: 0, provinceRank: 1, nationalRank: 3, tenureQuarters: [3, 4] });
    const [stored] = await db.query(`SELECT snapshot, snapshot_packed FROM evaluation_run WHERE id = $1`, [
      firstRun.id,
    ]);
    expect(stored.snapshot.formatVersion).toBe(3);
    const snapshot = await unpackSnapshot(stored.snapshot_packed, stored.snapshot.encoding);
    expect(snapshot.managers.map((m: { id: string }) => m.id)).toEqual([A, B, C]);
    // The evidence is stored packed (strings once per result) and shown exactly as scored.
    const [stored2] = await db.query(
      `SELECT rubric, rules_version, (SELECT count(*)::int FROM evaluation_result r, json_array_elements(r.indicators) i
          WHERE r.run_id = $1 AND r.evidence_strings IS NOT NULL AND i.value -> 'packedEvidence' IS NOT NULL AND i.value -> 'evidence' IS NULL) AS packed
         FROM evaluation_run WHERE id = $1`,
      [firstRun.id],
    );
    expect(stored2.packed).toBe(3 * stored2.rubric.length);
    const scored = computeResults(snapshot, stored2.rubric, asRulesVersion(stored2.rules_version));
    expect(scored.some((r) => r.indicators.some((i) => i.evidence.some((e) => e.reasons.length > 0)))).toBe(true);
    // Kept as written (`json` columns, one parameter per value): the packed text itself, not re-printed by `jsonb`.
    const texts: { manager_id: string; indicators: string; strings: string }[] = await db.query(
      `SELECT manager_id, indicators::text AS indicators, evidence_strings::text AS strings FROM evaluation_result WHERE run_id = $1`,
      [firstRun.id],
    );
    expect(texts).toHaveLength(3);
    for (const row of texts) {
      const packed = packEvidence(scored.find((r) => r.managerId === row.manager_id)!.indicators);
      expect(row).toEqual({
        manager_id: row.manager_id,
        indicators: JSON.stringify(packed.indicators),
        strings: JSON.stringify(packed.strings),
      });
    }
    const shown = await gql(
      "evaluator",
      `{ evaluationResults(filter: { year: 1404 }) { items { managerId indicators { code evidence { kind id label date counted reasons } } } } }`,
    );
    expect(
      [...shown.data!.evaluationResults.items].sort((x: { managerId: string }, y: { managerId: string }) =>
        x.managerId < y.managerId ? -1 : 1,
      ),
    ).toEqual(
      scored.map((r) => ({
        managerId: r.managerId,
        indicators: r.indicators.map((i) => ({ code: i.code, evidence: i.evidence })),
      })),
    );
    const scores = await gql(
      "evaluator",
      `{ managerScores(filter: { year: 1404 }) { items { managerId total publishedAt } } }`,
    );
    expect(scores.data!.managerScores.items).toEqual([
      { managerId: A, total: 85.71, publishedAt: null },
      { managerId: B, total: 64.29, publishedAt: null },
      { managerId: C, total: 0, publishedAt: null },
    ]);
    expect((await audit("runEvaluation"))[0]).toMatchObject({
      actor_username: "nat.evaluator",
      entity_id: firstRun.id,
    });
  });

  it("recomputes the run from its snapshot byte for byte, even after the facts changed", async () => {
    facts.facts[1] = managerFacts(B, 4);
    const result = await gql(
      "evaluator",
      `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical storedHash recomputedHash managers } }`,
      { id: firstRun.id },
    );
    expect(result.data!.recomputeEvaluationRun).toEqual({
      identical: true,
      storedHash: firstRun.resultsHash,
      recomputedHash: firstRun.resultsHash,
      managers: 3,
    });
    // A tampered stored result is detected.
    await db.query(`UPDATE evaluation_run SET results_hash = repeat('0', 64) WHERE id = $1`, [firstRun.id]);
    expect(
      (
        await gql("evaluator", `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`, {
          id: firstRun.id,
        })
      ).data!.recomputeEvaluationRun.identical,
    ).toBe(false);
    await db.query(`UPDATE evaluation_run SET results_hash = $2 WHERE id = $1`, [firstRun.id, firstRun.resultsHash]);
  });

  it("a provincial evaluator's run covers its province; the diff shows the change", async () => {
    const before = fetches;
    const second = await run("provEvaluator");
    expect(fetches).toBe(before + 1);
    expect(second).toMatchObject({ managersScored: 2, provinceId: "19" });
    const current = await gql(
      "evaluator",
      `{ evaluationResults(filter: { year: 1404 }) { items { managerId total runId } } }`,
    );
    expect(
      current
        .data!.evaluationResults.items.map((r: { managerId: string; total: number }) => [r.managerId, r.total])
        .sort(),
    ).toEqual([
      [A, 85.71],
      [B, 85.71],
      [C, 0],
    ]);
    // Materialised: A and B from the provincial run, C still from the national one.
    const flagged = await expectCurrentMaterialised();
    expect(flagged).toHaveLength(3);
    const currentRuns = await db.query(`SELECT manager_id, run_id FROM evaluation_result WHERE is_current`);
    expect(
      Object.fromEntries(currentRuns.map((r: { manager_id: string; run_id: string }) => [r.manager_id, r.run_id])),
    ).toEqual({ [A]: second.id, [B]: second.id, [C]: firstRun.id });
    const diff = await gql(
      "evaluator",
      `query ($a: ID!, $b: ID!) { evaluationRunDiff(fromRunId: $a, toRunId: $b) { managerId before after delta gradeBefore gradeAfter changedIndicators } }`,
      { a: firstRun.id, b: second.id },
    );
    expect(diff.data!.evaluationRunDiff[0]).toEqual({
      managerId: B,
      before: 64.29,
      after: 85.71,
      delta: 21.42,
      gradeBefore: "ACCEPTABLE",
      gradeAfter: "GOOD",
      changedIndicators: ["REGULARITY"],
    });
    expect(diff.data!.evaluationRunDiff.find((d: { managerId: string }) => d.managerId === C)).toMatchObject({
      before: 0,
      after: null,
      delta: null,
    });
    // The provincial evaluator does not see the national run.
    expect(
      (
        await gql("provEvaluator", `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`, {
          id: firstRun.id,
        })
      ).errors![0].extensions!.code,
    ).toBe("NOT_FOUND");
  });

  it("what-if scores the same snapshot under other weights without saving", async () => {
    const runs = await count("evaluation_run");
    const results = await count("evaluation_result");
    const result = await gql(
      "evaluator",
      `query ($id: ID!) { evaluationWhatIf(runId: $id, indicators: [{ code: "REGULARITY", weight: 60 }, { code: "FOLLOW_THROUGH", weight: 0 }, { code: "PARTICIPATION", weight: 0 }]) { managerId computedTotal total delta grade } }`,
      { id: firstRun.id },
    );
    expect(result.errors).toBeUndefined();
    // RESPONSIVENESS (10) does not apply: A: 60 + 15 + 15 = 90 of 90 → 100; B: 30 + 15 + 15 = 60 of 90 → 66.67
    expect(result.data!.evaluationWhatIf.slice(0, 2)).toEqual([
      { managerId: A, computedTotal: 85.71, total: 100, delta: 14.29, grade: "EXCELLENT" },
      { managerId: B, computedTotal: 64.29, total: 66.67, delta: 2.38, grade: "ACCEPTABLE" },
    ]);
    const bad = await gql(
      "evaluator",
      `query ($id: ID!) { evaluationWhatIf(runId: $id, indicators: [{ code: "REGULARITY", weight: 50 }]) { total } }`,
      { id: firstRun.id },
    );
    expect(bad.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect([await count("evaluation_run"), await count("evaluation_result")]).toEqual([runs, results]);
  });
});

describe("adjustments", () => {
  const adjust = (who: Who, resultId: string, points: number, justification: string) =>
    gql(
      who,
      `mutation ($id: ID!, $p: Float!, $j: String!) { adjustEvaluationScore(resultId: $id, points: $p, justification: $j) { id points adjustedBy justification } }`,
      { id: resultId, p: points, j: justification },
    );
  const resultOf = async (managerId: string) =>
    (
      await gql(
        "evaluator",
        `query ($m: ID!) { evaluationResults(filter: { year: 1404, managerId: $m }) { items { id total grade adjustedTotal adjustedGrade adjustment { points adjustedBy } } } }`,
        { m: managerId },
      )
    ).data!.evaluationResults.items[0];

  it("is bounded to ±10 points and needs a justification; refusals change nothing", async () => {
    const { id } = await resultOf(A);
    expect((await adjust("evaluator", id, 10.5, "برگزاری نشست در شرایط اضطراری سیل")).errors![0].extensions!.code).toBe(
      "BAD_USER_INPUT",
    );
    expect((await adjust("evaluator", id, 5, "  کوتاه ")).errors![0].extensions!.fields[0].field).toBe("justification");
    expect((await adjust("analyst", id, 5, "برگزاری نشست در شرایط اضطراری سیل")).errors![0].extensions!.code).toBe(
      "FORBIDDEN",
    );
    expect(await count("evaluation_adjustment")).toBe(0);
  });

  it("is recorded beside the computed score with who and when, and audited", async () => {
    const { id } = await resultOf(A);
    const result = await adjust("evaluator", id, -7.5, "نشست فصل چهارم بدون صورت‌جلسه رسمی ثبت شده است");
    expect(result.data!.adjustEvaluationScore).toMatchObject({ points: -7.5, adjustedBy: "nat.evaluator" });
    expect(await resultOf(A)).toMatchObject({
      total: 85.71,
      grade: "GOOD",
      adjustedTotal: 78.21,
      adjustedGrade: "GOOD",
      adjustment: { points: -7.5, adjustedBy: "nat.evaluator" },
    });
    const entries = await audit("adjustEvaluationScore");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      province_id: "19",
      after: expect.objectContaining({ points: -7.5, computedTotal: 85.71 }),
    });
  });

  it("an adjustment leaves the current results as they were (it sits beside the current result)", async () => {
    const flagged = await expectCurrentMaterialised();
    const { id } = await resultOf(A); // the adjusted result the scoreboard shows is the flagged one
    expect(flagged).toContain(id);
  });

  it("a provincial evaluator cannot adjust another province's result", async () => {
    const { id } = await resultOf(C);
    expect((await adjust("provEvaluator", id, 3, "توضیح کافی برای اصلاح امتیاز")).errors![0].extensions!.code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("review, final, publication", () => {
  it("unpublished results are hidden from non-evaluators; PUBLISHED shows them in scope", async () => {
    expect(
      (await gql("analyst", `{ evaluationResults(filter: { year: 1404 }) { totalCount } }`)).data!.evaluationResults
        .totalCount,
    ).toBe(0);
    // A manager sees nothing of theirs before review, their own current result while UNDER_REVIEW, nothing again
    // between FINAL and publication, and their own once published; never another manager's.
    const MINE = `{ evaluationResults(filter: { year: 1404 }) { totalCount items { id managerId } } managerScores(filter: { year: 1404 }) { items { managerId } } }`;
    const others = await db.query(
      `SELECT id FROM evaluation_result WHERE manager_id <> $1 AND is_current ORDER BY id`,
      [A],
    );
    expect(others.length).toBeGreaterThan(0);
    const mine = await gql("managerA", MINE);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.evaluationResults.totalCount).toBe(0);
    expect(mine.data!.managerScores.items).toEqual([]);
    expect((await setState("evaluator", "UNDER_REVIEW")).data!.changeEvaluationCycleState.state).toBe("UNDER_REVIEW");
    const underReview = await gql("managerA", MINE);
    const [current] = await db.query(`SELECT id FROM evaluation_result WHERE manager_id = $1 AND is_current`, [A]);
    expect(underReview.data!.evaluationResults.items).toEqual([{ id: current.id, managerId: A }]);
    expect(underReview.data!.managerScores.items).toEqual([{ managerId: A }]);
    for (const other of others)
      expect(
        (await gql("managerA", `query($id: ID!) { evaluationResult(id: $id) { id } }`, { id: other.id })).data!
          .evaluationResult,
      ).toBeNull();
    // Still hidden from everyone else who is not an evaluator.
    expect(
      (await gql("analyst", `{ evaluationResults(filter: { year: 1404 }) { totalCount } }`)).data!.evaluationResults
        .totalCount,
    ).toBe(0);
    // FINAL locks engagement over HTTP; this server has no engagement URL, so the transition fails and rolls back.
    const final = await setState("evaluator", "FINAL");
    expect(final.errors).toBeDefined();
    expect((await gql("evaluator", CYCLE)).data!.evaluationCycle.state).toBe("UNDER_REVIEW");
    await db.query(`UPDATE evaluation_cycle SET state = 'FINAL' WHERE year = 1404`); // (FINAL's lock is tested end to end)
    expect((await gql("managerA", MINE)).data!.evaluationResults.totalCount).toBe(0);
    expect((await gql("evaluator", `mutation { runEvaluation(year: 1404) { id } }`)).errors![0].extensions!.code).toBe(
      "INVALID_TRANSITION",
    );
    expect((await setState("evaluator", "PUBLISHED")).data!.changeEvaluationCycleState.state).toBe("PUBLISHED");
    await expectCurrentMaterialised();
    // Publication stamps exactly the current results.
    const published = await db.query(
      `SELECT is_current, count(*)::int AS n FROM evaluation_result WHERE published_at IS NOT NULL GROUP BY is_current`,
    );
    expect(published).toEqual([{ is_current: true, n: 3 }]);
    const county = await gql(
      "county",
      `{ evaluationResults(filter: { year: 1404 }) { items { managerId total } } managerScores(filter: { year: 1404 }) { items { managerId } } }`,
    );
    expect(county.data!.evaluationResults.items).toEqual([{ managerId: A, total: 85.71 }]);
    expect(county.data!.managerScores.items).toEqual([{ managerId: A }]);
    const publishedMine = await gql("managerA", MINE);
    expect(publishedMine.data!.evaluationResults.items.map((r: { managerId: string }) => r.managerId)).toEqual([A]);
    const grades = await gql("analyst", `{ evaluationGradeDistribution(filter: { year: 1404 }) { grade count } }`);
    expect(grades.data!.evaluationGradeDistribution).toEqual([
      { grade: "EXCELLENT", count: 0 },
      { grade: "GOOD", count: 2 },
      { grade: "ACCEPTABLE", count: 0 },
      { grade: "NEEDS_IMPROVEMENT", count: 1 },
    ]);
    expect((await setState("evaluator", "OPEN")).errors![0].extensions!.code).toBe("INVALID_TRANSITION");
  });
});
