import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEvaluationDataSource, FactsSnapshot, SnapshotManagerFacts, startEvaluation } from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

/**
 * Managers contest their evidence (issue 15): nothing visible before UNDER_REVIEW; a manager files an objection on
 * an indicator of their own current result; evaluators of the territory see the open ones and resolve them —
 * rejected with a reason, accepted with a recomputation (a run started, its results current) or an adjustment —
 * all in the result's history and the audit; rejected input changes nothing.
 */
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
type Who = "evaluator" | "otherProvinceEvaluator" | "analyst" | "managerA" | "managerB";
const as: Partial<Record<Who, Record<string, string>>> = {};
const gql = (who: Who, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, as[who]);

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const N1 = "10000000-0000-4000-8000-000000000001";
const DEMAND = "30000000-0000-4000-8000-000000000001";

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
const factsOf = (managerId: string): SnapshotManagerFacts => ({
  managerId,
  meetings: [meeting(`${managerId}-1`, "2025-04-01", 1), meeting(`${managerId}-2`, "2025-07-01", 2)],
  resolutions: [],
  workingGroups: [],
  requests: [],
});
const manager = (id: string, name: string, countyId: string) => ({
  id,
  name,
  position: "فرماندار",
  positionKind: "COUNTY_GOVERNOR",
  agencyId: id,
  provinceId: "19",
  countyId,
  tenureStart: "2020-01-01",
  tenureEnd: null,
});
let facts: FactsSnapshot;
const baseFacts = (): FactsSnapshot => ({
  year: 1404,
  asOf: "2026-03-25",
  managers: [manager(A, "علی رضایی", "1901"), manager(B, "مریم احمدی", "1902")],
  facts: [factsOf(A), factsOf(B)],
  licenceStates: { [`${N1}|2025-04-01`]: "ACTIVE", [`${N1}|2025-07-01`]: "ACTIVE" },
  activeNgos: { byProvince: { "19": 20 }, byCounty: { "1901": 10, "1902": 10 } },
  licensedNgos: { byProvince: { "19": 10 }, byCounty: { "1901": 5, "1902": 5 } },
});

const RESULT = `query($year: Int!) { evaluationResults(filter: { year: $year }) { totalCount items { id managerId total adjustedTotal
  indicators { code score applicable appliedWeight notApplicableReason evidence { kind id counted reasons } }
  objections { id indicatorCode status outcome resolutionNote recomputeRunId adjustmentId } } } }`;
const FILE = `mutation($resultId: ID!, $code: String!, $text: String!, $kind: EvaluationObjectionRecordKind, $record: ID) {
  fileEvaluationObjection(resultId: $resultId, indicatorCode: $code, text: $text, missingRecordKind: $kind, missingRecordId: $record) {
    id status indicatorCode missingRecordKind missingRecordId managerId filedBy } }`;
const RESOLVE = `mutation($id: ID!, $decision: EvaluationObjectionStatus!, $note: String!, $outcome: EvaluationObjectionOutcome, $points: Float) {
  resolveEvaluationObjection(id: $id, decision: $decision, note: $note, outcome: $outcome, points: $points) {
    id status outcome resolutionNote resolvedBy recomputeRunId adjustmentId } }`;
const LIST = `{ evaluationObjections(filter: { year: 1404 }) { totalCount items { id managerId status } } }`;
const setState = (state: string) =>
  gql(
    "evaluator",
    `mutation ($s: EvaluationCycleState!) { changeEvaluationCycleState(year: 1404, state: $s) { state } }`,
    {
      s: state,
    },
  );
const objectionRows = () => db.query(`SELECT id, status, outcome FROM evaluation_objection ORDER BY filed_at, id`);
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
async function mine(who: Who = "managerA") {
  const answer = await gql(who, RESULT, { year: 1404 });
  expect(answer.errors).toBeUndefined();
  return answer.data!.evaluationResults;
}
async function waitForRun(id: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const answer = await gql("evaluator", `query($id: ID!) { evaluationRun(id: $id) { status } }`, { id });
    const status = answer.data!.evaluationRun.status as string;
    if (status !== "RUNNING") return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("run did not finish");
}

beforeAll(async () => {
  database = await prepareTestDatabase("evalobjections", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  facts = baseFacts();
  server = await startEvaluation({ db, port: 0, security, factsSource: async () => JSON.parse(JSON.stringify(facts)) });
  as.evaluator = await subgraphHeaders(security, { role: Role.EVALUATOR, username: "nat.evaluator" });
  as.otherProvinceEvaluator = await subgraphHeaders(security, {
    role: Role.EVALUATOR,
    provinceId: "04",
    username: "tabriz.evaluator",
  });
  as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
  as.managerA = await subgraphHeaders(security, { role: Role.MANAGER, boundId: A, username: "manager.a" } as never);
  as.managerB = await subgraphHeaders(security, { role: Role.MANAGER, boundId: B, username: "manager.b" } as never);
  expect((await setState("OPEN")).errors).toBeUndefined();
  const run = await gql("evaluator", `mutation { runEvaluation(year: 1404) { id rulesVersion } }`);
  expect(run.errors).toBeUndefined();
  expect(run.data!.runEvaluation.rulesVersion).toBe(2);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

describe("objections to evaluation results", () => {
  let resultA: string;
  let reachObjection: string;
  let responsivenessObjection: string;

  it("shows a manager nothing before UNDER_REVIEW and refuses an objection then", async () => {
    expect((await mine()).totalCount).toBe(0);
    const [{ id }] = await db.query(`SELECT id FROM evaluation_result WHERE manager_id = $1 AND is_current`, [A]);
    resultA = id;
    const refused = await gql("managerA", FILE, { resultId: id, code: "RESPONSIVENESS", text: "درخواست بررسی دوباره" });
    expect(refused.errors![0].extensions!.code).toBe("NOT_FOUND");
    expect(await objectionRows()).toEqual([]);
  });

  it("under review, shows the manager their result with evidence and the not-applicable indicators", async () => {
    expect((await setState("UNDER_REVIEW")).errors).toBeUndefined();
    const page = await mine();
    expect(page.items.map((r: { id: string }) => r.id)).toEqual([resultA]);
    const byCode = Object.fromEntries(page.items[0].indicators.map((i: { code: string }) => [i.code, i])) as Record<
      string,
      { applicable: boolean; appliedWeight: number; notApplicableReason: string | null; evidence: unknown[] }
    >;
    // No proposal or demand, no resolution due: not applicable, weight spread over the other four (70 → 100).
    expect(byCode.RESPONSIVENESS).toMatchObject({ applicable: false, appliedWeight: 0 });
    expect(byCode.RESPONSIVENESS.notApplicableReason).toMatch(/موضوعیت ندارد/);
    expect(byCode.FOLLOW_THROUGH).toMatchObject({ applicable: false, appliedWeight: 0 });
    expect(byCode.REGULARITY).toMatchObject({ applicable: true, appliedWeight: 42.86 });
    expect(byCode.REGULARITY.evidence.length).toBeGreaterThan(0);
    // Manager B's result is not manager A's to see.
    expect((await mine("managerB")).items.map((r: { managerId: string }) => r.managerId)).toEqual([B]);
  });

  it("refuses bad input and another manager's result, changing nothing", async () => {
    const short = await gql("managerA", FILE, { resultId: resultA, code: "RESPONSIVENESS", text: "کوتاه" });
    expect(short.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(short.errors![0].extensions!.fields[0].field).toBe("text");
    const unknown = await gql("managerA", FILE, { resultId: resultA, code: "NOPE", text: "این شاخص را قبول ندارم" });
    expect(unknown.errors![0].extensions!.fields[0].field).toBe("indicatorCode");
    const halfRecord = await gql("managerA", FILE, {
      resultId: resultA,
      code: "RESPONSIVENESS",
      text: "مطالبه‌ای که پاسخ داده شد دیده نشده است",
      kind: "DEMAND",
    });
    expect(halfRecord.errors![0].extensions!.fields[0].field).toBe("missingRecordId");
    const asB = await gql("managerB", FILE, { resultId: resultA, code: "REGULARITY", text: "نتیجه دیگری را می‌خواهم" });
    expect(asB.errors![0].extensions!.code).toBe("NOT_FOUND");
    const asAnalyst = await gql("analyst", FILE, {
      resultId: resultA,
      code: "REGULARITY",
      text: "نتیجه دیگری را می‌خواهم",
    });
    expect(asAnalyst.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect(await objectionRows()).toEqual([]);
  });

  it("files objections (one open per indicator), audited, seen by the manager and the territory's evaluators only", async () => {
    const filed = await gql("managerA", FILE, {
      resultId: resultA,
      code: "RESPONSIVENESS",
      text: "مطالبه سمن در اردیبهشت ثبت و ظرف نه روز پاسخ داده شد، اما در شواهد نیامده است",
      kind: "DEMAND",
      record: DEMAND,
    });
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.fileEvaluationObjection).toMatchObject({
      status: "OPEN",
      indicatorCode: "RESPONSIVENESS",
      missingRecordKind: "DEMAND",
      missingRecordId: DEMAND,
      managerId: A,
      filedBy: "manager.a",
    });
    responsivenessObjection = filed.data!.fileEvaluationObjection.id;
    const again = await gql("managerA", FILE, {
      resultId: resultA,
      code: "RESPONSIVENESS",
      text: "دوباره همان اعتراض",
    });
    expect(again.errors![0].extensions!.code).toBe("CONFLICT");
    const reach = await gql("managerA", FILE, {
      resultId: resultA,
      code: "NGO_REACH",
      text: "سمن‌های شهرستان بیش از این در نشست‌ها حاضر بودند",
    });
    expect(reach.errors).toBeUndefined();
    reachObjection = reach.data!.fileEvaluationObjection.id;
    expect((await audit("fileEvaluationObjection")).map((e) => [e.actor_username, e.entity_id, e.province_id])).toEqual(
      [
        ["manager.a", responsivenessObjection, "19"],
        ["manager.a", reachObjection, "19"],
      ],
    );
    // Seen by manager A and the national evaluator; not by manager B, another province's evaluator or an analyst.
    expect((await gql("managerA", LIST)).data!.evaluationObjections.totalCount).toBe(2);
    expect((await gql("evaluator", LIST)).data!.evaluationObjections.totalCount).toBe(2);
    const open = await gql("evaluator", `{ evaluationObjections(filter: { status: OPEN }) { totalCount } }`);
    expect(open.data!.evaluationObjections.totalCount).toBe(2);
    expect((await gql("managerB", LIST)).data!.evaluationObjections).toEqual({ totalCount: 0, items: [] });
    const byIdB = await gql("managerB", `query($id: ID!) { evaluationObjection(id: $id) { id } }`, {
      id: reachObjection,
    });
    expect(byIdB.data!.evaluationObjection).toBeNull();
    expect((await gql("otherProvinceEvaluator", LIST)).data!.evaluationObjections.totalCount).toBe(0);
    expect((await gql("analyst", LIST)).errors![0].extensions!.code).toBe("FORBIDDEN");
    expect((await mine("managerB")).items[0].objections).toEqual([]);
  });

  it("rejects with a reason (once); a rejection needs the reason", async () => {
    const noReason = await gql("evaluator", RESOLVE, { id: reachObjection, decision: "REJECTED", note: "" });
    expect(noReason.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    const outOfProvince = await gql("otherProvinceEvaluator", RESOLVE, {
      id: reachObjection,
      decision: "REJECTED",
      note: "حضور سمن‌ها در صورت‌جلسه‌ها ثبت نشده است",
    });
    expect(outOfProvince.errors![0].extensions!.code).toBe("NOT_FOUND");
    expect((await objectionRows()).map((r: { status: string }) => r.status)).toEqual(["OPEN", "OPEN"]);
    const rejected = await gql("evaluator", RESOLVE, {
      id: reachObjection,
      decision: "REJECTED",
      note: "حضور سمن‌های دیگر در صورت‌جلسه‌ها ثبت نشده است",
    });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.resolveEvaluationObjection).toMatchObject({
      status: "REJECTED",
      outcome: null,
      resolvedBy: "nat.evaluator",
      resolutionNote: "حضور سمن‌های دیگر در صورت‌جلسه‌ها ثبت نشده است",
    });
    const twice = await gql("evaluator", RESOLVE, {
      id: reachObjection,
      decision: "ACCEPTED",
      outcome: "RECOMPUTE",
      note: "پس از بررسی دوباره پذیرفته شد",
    });
    expect(twice.errors![0].extensions!.code).toBe("INVALID_TRANSITION");
  });

  it("accepts with a recomputation: the corrected facts give the new current result, the history keeps both", async () => {
    const before = (await mine()).items[0];
    // The record was corrected upstream: the demand, answered within 30 days, is now among the facts.
    facts.facts[0].requests.push({
      kind: "DEMAND",
      id: DEMAND,
      ngoId: N1,
      submittedOn: "2025-05-01",
      respondedOn: "2025-05-10",
      responseDays: 9,
      answeredWithin30Days: true,
      stillWithin30Days: false,
    });
    const accepted = await gql("evaluator", RESOLVE, {
      id: responsivenessObjection,
      decision: "ACCEPTED",
      outcome: "RECOMPUTE",
      note: "پاسخ مطالبه در سامانه ثبت شد و امتیازها دوباره محاسبه شد",
    });
    expect(accepted.errors).toBeUndefined();
    const objection = accepted.data!.resolveEvaluationObjection;
    expect(objection).toMatchObject({ status: "ACCEPTED", outcome: "RECOMPUTE" });
    expect(await waitForRun(objection.recomputeRunId)).toBe("SUCCEEDED");
    const after = (await mine()).items[0];
    expect(after.id).not.toBe(before.id);
    const responsiveness = after.indicators.find((i: { code: string }) => i.code === "RESPONSIVENESS");
    expect(responsiveness).toMatchObject({ applicable: true, score: 100 });
    expect(responsiveness.evidence).toEqual([{ kind: "DEMAND", id: DEMAND, counted: true, reasons: [] }]);
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.objections.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([
      [responsivenessObjection, "ACCEPTED"],
      [reachObjection, "REJECTED"],
    ]);
    expect(after.objections[0].recomputeRunId).toBe(objection.recomputeRunId);
    const resolutions = await audit("resolveEvaluationObjection");
    expect(resolutions.map((e) => [e.actor_username, e.entity_id, e.before.status, e.after.status])).toEqual([
      ["nat.evaluator", reachObjection, "OPEN", "REJECTED"],
      ["nat.evaluator", responsivenessObjection, "OPEN", "ACCEPTED"],
    ]);
  }, 60_000);

  it("accepts with an adjustment on the current result, beside the computed total", async () => {
    const current = (await mine()).items[0];
    const filed = await gql("managerA", FILE, {
      resultId: current.id,
      code: "PARTICIPATION",
      text: "کارگروه مشترک با سمن‌ها در سامانه ثبت نشده ولی برگزار شده است",
    });
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileEvaluationObjection.id;
    const tooMuch = await gql("evaluator", RESOLVE, {
      id,
      decision: "ACCEPTED",
      outcome: "ADJUSTMENT",
      points: 15,
      note: "صورت‌جلسه‌های کارگروه ارائه شد",
    });
    expect(tooMuch.errors![0].extensions!.fields[0].field).toBe("points");
    const adjusted = await gql("evaluator", RESOLVE, {
      id,
      decision: "ACCEPTED",
      outcome: "ADJUSTMENT",
      points: 5,
      note: "صورت‌جلسه‌های کارگروه ارائه شد",
    });
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data!.resolveEvaluationObjection.adjustmentId).toBeTruthy();
    const after = (await mine()).items[0];
    expect(after.adjustedTotal).toBeCloseTo(current.total + 5, 2);
    expect(after.total).toBe(current.total);
  });

  it("hides the objections from the manager and refuses new ones once the cycle is back to OPEN", async () => {
    expect((await setState("OPEN")).errors).toBeUndefined();
    expect((await gql("managerA", LIST)).data!.evaluationObjections.totalCount).toBe(0);
    expect((await gql("evaluator", LIST)).data!.evaluationObjections.totalCount).toBe(3);
    const refused = await gql("managerA", FILE, {
      resultId: resultA,
      code: "REGULARITY",
      text: "نشست فصل سوم برگزار شد ولی دیده نشد",
    });
    expect(refused.errors![0].extensions!.code).toBe("NOT_FOUND");
    expect((await objectionRows()).length).toBe(3);
  });
});
