import { generateServiceSecurity, postGraphQL, Role, RunningServer, toJalali, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, demoNgoId, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { TrainingNeedStatus, Urgency } from "../src/entities/TrainingNeed";
import { TrainingSessionStatus } from "../src/training/TrainingSession";
import {
  assertCanInvite,
  assertCanMarkMet,
  assertCanRecordAttendance,
  assertNeedEditable,
  checkedNeed,
  checkedSession,
  declarableYears,
  mergeNeedCounts,
  needAfterSession,
} from "../src/training/trainingRules";

/** The training loop (docs/training.md): declare → session → invite → attend → met → the NGO sees it. */

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};
const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    return ((error as { extensions: { fields?: { field: string }[] } }).extensions.fields ?? []).map((f) => f.field);
  }
  return [];
};

describe("training rules", () => {
  it("lets a representative declare needs for the current and the next Jalali year only", () => {
    const now = new Date("2025-07-01T08:00:00Z"); // 1404
    expect(declarableYears(now)).toEqual([1404, 1405]);
    expect(checkedNeed({ topic: " نگارش  طرح ", year: 1404 }, declarableYears(now))).toMatchObject({
      topic: "نگارش طرح",
      urgency: Urgency.MEDIUM,
      audience: null,
      year: 1404,
    });
    expect(fieldsOf(() => checkedNeed({ topic: "x", year: 1403 }, declarableYears(now))).sort()).toEqual([
      "topic",
      "year",
    ]);
    // Officials (no year window) may record any supported year.
    expect(checkedNeed({ topic: "حسابداری", year: 1400 }, null).year).toBe(1400);
  });

  it("changes a need only while DECLARED", () => {
    expect(codeOf(() => assertNeedEditable(TrainingNeedStatus.DECLARED))).toBeUndefined();
    expect(codeOf(() => assertNeedEditable(TrainingNeedStatus.PLANNED))).toBe("INVALID_TRANSITION");
    expect(codeOf(() => assertNeedEditable(TrainingNeedStatus.MET))).toBe("INVALID_TRANSITION");
  });

  it("checks a session: a venue or a house, capacity 1–500, a topic and a provider", () => {
    const startsAt = new Date("2025-08-01T06:00:00Z");
    expect(fieldsOf(() => checkedSession({ topic: "", provider: "", capacity: 0, startsAt })).sort()).toEqual([
      "capacity",
      "provider",
      "topic",
      "venue",
    ]);
    expect(
      checkedSession({ topic: "حسابداری", provider: "مدرس", capacity: 20, startsAt, ngoHouseId: "h" }),
    ).toMatchObject({ venue: null, ngoHouseId: "h" });
  });

  it("invites within the seats of a planned session; attendance after it starts; met after attendance", () => {
    expect(codeOf(() => assertCanInvite(TrainingSessionStatus.PLANNED, 3, 2, 5))).toBeUndefined();
    expect(codeOf(() => assertCanInvite(TrainingSessionStatus.PLANNED, 3, 3, 5))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => assertCanInvite(TrainingSessionStatus.HELD, 0, 1, 5))).toBe("INVALID_TRANSITION");
    const now = new Date("2025-08-01T10:00:00Z");
    expect(codeOf(() => assertCanRecordAttendance(TrainingSessionStatus.PLANNED, new Date("2025-08-02"), now))).toBe(
      "INVALID_TRANSITION",
    );
    expect(codeOf(() => assertCanRecordAttendance(TrainingSessionStatus.CANCELLED, new Date("2025-07-01"), now))).toBe(
      "INVALID_TRANSITION",
    );
    expect(
      codeOf(() => assertCanRecordAttendance(TrainingSessionStatus.HELD, new Date("2025-07-01"), now)),
    ).toBeUndefined();
    expect(codeOf(() => assertCanMarkMet(TrainingSessionStatus.PLANNED))).toBe("INVALID_TRANSITION");
    expect(needAfterSession(true)).toBe(TrainingNeedStatus.MET);
    expect(needAfterSession(false)).toBe(TrainingNeedStatus.DECLARED);
    expect(needAfterSession(null)).toBe(TrainingNeedStatus.DECLARED);
  });

  it("merges this year's counts with last year's, groups of either year listed", () => {
    expect(
      mergeNeedCounts(
        [
          { key: "a", declared: 2, planned: 1, met: 0 },
          { key: "b", declared: 5, planned: 0, met: 2 },
        ],
        [
          { key: "a", declared: 4 },
          { key: "c", declared: 1 },
        ],
      ),
    ).toEqual([
      { key: "b", declared: 5, planned: 0, met: 2, previousYearDeclared: 0 },
      { key: "a", declared: 2, planned: 1, met: 0, previousYearDeclared: 4 },
      { key: "c", declared: 0, planned: 0, met: 0, previousYearDeclared: 1 },
    ]);
  });
});

describe("the training loop on the demo registry", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  let db: DataSource;
  let server: RunningServer;
  const security = generateServiceSecurity();
  const as: Record<string, Record<string, string>> = {};
  const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(server.url, query, variables, as[who]);
  const admin = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);
  const NGO = demoNgoId("14905484270"); // Zanjan county 1901
  const OTHER = demoNgoId("14487385191");
  const year = toJalali(new Date()).year;
  let needId: string;
  let sessionId: string;

  beforeAll(async () => {
    database = await prepareTestDatabase("training", { demo: true });
    db = createRegistryDataSource(database.serviceUrls.registry);
    await db.initialize();
    server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked", reminders: false });
    as.zanjanCounty = await subgraphHeaders(security, {
      role: Role.COUNTY_OFFICER,
      provinceId: "19",
      countyId: "1901",
    });
    as.urmiaCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "04", countyId: "0401" });
    as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
    as.admin = await subgraphHeaders(security, { role: Role.ADMIN });
    as.ngo = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: NGO });
    as.otherNgo = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: OTHER });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it("gave every existing need a year and DECLARED", async () => {
    const rows = await admin<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM registry.training_need GROUP BY status`,
    );
    expect(rows).toEqual([{ status: "DECLARED", n: expect.any(Number) }]);
  });

  it("a representative declares a need of its own NGO (audited); a repeat, a past year and bad text are refused", async () => {
    const DECLARE = `mutation($input: TrainingNeedDeclareInput!) { declareTrainingNeed(input: $input) { id ngoId topic year status urgency } }`;
    const declared = await gql("ngo", DECLARE, {
      input: { topic: "مستندسازی تجربه‌ها", audience: "داوطلبان", urgency: "HIGH", year },
    });
    expect(declared.errors).toBeUndefined();
    expect(declared.data!.declareTrainingNeed).toMatchObject({ ngoId: NGO, year, status: "DECLARED", urgency: "HIGH" });
    needId = declared.data!.declareTrainingNeed.id;
    const before = await admin(`SELECT count(*)::int AS n FROM registry.training_need`);
    const repeat = await gql("ngo", DECLARE, { input: { topic: "مستندسازي تجربه ها", year } });
    expect(repeat.errors![0]!.extensions!.code).toBe("CONFLICT");
    const past = await gql("ngo", DECLARE, { input: { topic: "حسابداری سمن", year: year - 1 } });
    expect(past.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await admin(`SELECT count(*)::int AS n FROM registry.training_need`)).toEqual(before);
    const audit = await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1`, [needId]);
    expect(audit).toEqual([{ action: "declareTrainingNeed" }]);
    // Officials of the territory see it; another NGO's representative does not.
    const seen = await gql("zanjanCounty", `query($id: ID!) { trainingNeeds(filter: { ids: [$id] }) { totalCount } }`, {
      id: needId,
    });
    expect(seen.data!.trainingNeeds.totalCount).toBe(1);
    const hidden = await gql("otherNgo", `query($id: ID!) { trainingNeeds(filter: { ids: [$id] }) { totalCount } }`, {
      id: needId,
    });
    expect(hidden.data!.trainingNeeds.totalCount).toBe(0);
    const foreign = await gql("otherNgo", `mutation($id: ID!) { withdrawTrainingNeed(id: $id) { id } }`, {
      id: needId,
    });
    expect(foreign.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("officials plan a session, invite the NGO for its need (PLANNED), record attendance and mark it met; the NGO sees it", async () => {
    const created = await gql(
      "zanjanCounty",
      `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id status provinceId countyId } }`,
      {
        input: {
          topic: "مستندسازی تجربه‌ها",
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          venue: "سالن اجتماعات فرمانداری زنجان",
          capacity: 2,
          provider: "مرکز آموزش مدیریت دولتی",
          countyId: "1901",
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTrainingSession).toMatchObject({
      status: "PLANNED",
      provinceId: "19",
      countyId: "1901",
    });
    sessionId = created.data!.createTrainingSession.id;
    const INVITE = `mutation($id: ID!, $needIds: [ID!], $ngoIds: [ID!]) { inviteToTrainingSession(id: $id, needIds: $needIds, ngoIds: $ngoIds) { invitedCount invitations { ngoId needId attended } } }`;
    // Urmia's officer cannot reach Zanjan's session; nothing changes.
    const elsewhere = await gql("urmiaCounty", INVITE, { id: sessionId, needIds: [needId] });
    expect(elsewhere.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const invited = await gql("zanjanCounty", INVITE, { id: sessionId, needIds: [needId], ngoIds: [OTHER] });
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteToTrainingSession.invitedCount).toBe(2);
    // Beyond capacity, or the same NGO twice: refused.
    const full = await gql("zanjanCounty", INVITE, { id: sessionId, ngoIds: [demoNgoId("14551155970")] });
    expect(full.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const need = await gql(
      "ngo",
      `{ trainingNeeds(filter: { status: PLANNED }) { items { id status session { id topic } } } }`,
    );
    expect(need.data!.trainingNeeds.items).toEqual([
      { id: needId, status: "PLANNED", session: { id: sessionId, topic: "مستندسازی تجربه‌ها" } },
    ]);
    const locked = await gql("ngo", `mutation($id: ID!) { withdrawTrainingNeed(id: $id) { id } }`, { id: needId });
    expect(locked.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    const early = await gql("zanjanCounty", `mutation($id: ID!) { markTrainingNeedsMet(id: $id) { id } }`, {
      id: sessionId,
    });
    expect(early.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    const attended = await gql(
      "zanjanCounty",
      `mutation($id: ID!, $ngos: [ID!]!) { recordTrainingAttendance(id: $id, attendedNgoIds: $ngos) { status invitations { ngoId attended } } }`,
      { id: sessionId, ngos: [NGO] },
    );
    expect(attended.errors).toBeUndefined();
    expect(attended.data!.recordTrainingAttendance.status).toBe("HELD");
    expect(
      new Map(
        attended.data!.recordTrainingAttendance.invitations.map((i: { ngoId: string; attended: boolean }) => [
          i.ngoId,
          i.attended,
        ]),
      ),
    ).toEqual(
      new Map([
        [NGO, true],
        [OTHER, false],
      ]),
    );
    const met = await gql("zanjanCounty", `mutation($id: ID!) { markTrainingNeedsMet(id: $id) { id } }`, {
      id: sessionId,
    });
    expect(met.errors).toBeUndefined();
    // The NGO sees its need met, the session, and its own attendance only.
    const mine = await gql(
      "ngo",
      `query($id: ID!) { trainingNeeds(filter: { ids: [$id] }) { items { status session { id status invitedCount invitations { ngoId attended } } } } }`,
      { id: needId },
    );
    expect(mine.data!.trainingNeeds.items).toEqual([
      {
        status: "MET",
        session: { id: sessionId, status: "HELD", invitedCount: 2, invitations: [{ ngoId: NGO, attended: true }] },
      },
    ]);
    const other = await gql(
      "otherNgo",
      `query($id: ID!) { trainingSession(id: $id) { invitations { ngoId attended } } }`,
      {
        id: sessionId,
      },
    );
    expect(other.data!.trainingSession.invitations).toEqual([{ ngoId: OTHER, attended: false }]);
    const audit = await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`, [sessionId]);
    expect(audit.map((row) => row.action)).toEqual([
      "createTrainingSession",
      "inviteToTrainingSession",
      "recordTrainingAttendance",
      "markTrainingNeedsMet",
    ]);
  });

  it("plans a session at an NGO House of the territory; that house can then not be deleted", async () => {
    const [{ id: house }] = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo_house WHERE province_id = '19' AND (county_id IS NULL OR county_id = '1901') LIMIT 1`,
    );
    const created = await gql(
      "zanjanCounty",
      `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id venue ngoHouse { id } } }`,
      {
        input: {
          topic: "حسابداری سمن",
          startsAt: "2030-03-01T06:30:00Z",
          ngoHouseId: house,
          capacity: 5,
          provider: "انجمن حسابداران",
          countyId: "1901",
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTrainingSession).toMatchObject({ venue: null, ngoHouse: { id: house } });
    const foreignHouse = await gql(
      "urmiaCounty",
      `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
      {
        input: {
          topic: "حسابداری",
          startsAt: "2030-03-01T06:30:00Z",
          ngoHouseId: house,
          capacity: 5,
          provider: "مدرس",
          countyId: "0401",
        },
      },
    );
    expect(foreignHouse.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const removed = await gql("admin", `mutation($id: ID!) { deleteNgoHouse(id: $id) { id } }`, { id: house });
    expect(removed.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await admin(`SELECT count(*)::int AS n FROM registry.ngo_house WHERE id = $1`, [house])).toEqual([{ n: 1 }]);
  });

  it("counts needs declared, planned and met by province, topic and county, with last year's", async () => {
    const COUNTS = `query($year: Int!, $groupBy: TrainingNeedDimension!) { trainingNeedCounts(year: $year, groupBy: $groupBy) { key label declared planned met previousYearDeclared } }`;
    const byProvince = await gql("analyst", COUNTS, { year, groupBy: "PROVINCE" });
    expect(byProvince.errors).toBeUndefined();
    const zanjan = byProvince.data!.trainingNeedCounts.find((row: { key: string }) => row.key === "19");
    const expected = await admin<{ declared: number; met: number; previous: number }>(
      `SELECT count(*) FILTER (WHERE n.year = $1)::int AS declared,
              count(*) FILTER (WHERE n.year = $1 AND n.status = 'MET')::int AS met,
              count(*) FILTER (WHERE n.year = $1 - 1)::int AS previous
         FROM registry.training_need n JOIN registry.ngo g ON g.id = n.ngo_id WHERE g.province_id = '19'`,
      [year],
    );
    expect(zanjan).toEqual({
      key: "19",
      label: "زنجان",
      declared: expected[0]!.declared,
      planned: 0,
      met: 1,
      previousYearDeclared: expected[0]!.previous,
    });
    expect(expected[0]!.previous).toBeGreaterThan(0);
    const byTopic = await gql("zanjanCounty", COUNTS, { year, groupBy: "TOPIC" });
    const topic = byTopic.data!.trainingNeedCounts.find((row: { label: string }) => row.label === "مستندسازی تجربه‌ها");
    expect(topic).toMatchObject({ declared: 1, met: 1 });
    const byCounty = await gql("zanjanCounty", COUNTS, { year, groupBy: "COUNTY" });
    expect(byCounty.data!.trainingNeedCounts.map((row: { key: string }) => row.key)).toEqual(["1901"]);
  });

  it("keeps the officials' profile editing: a kept need keeps its status and year", async () => {
    const read = await gql(
      "zanjanCounty",
      `query($id: ID!) { ngo(id: $id) { trainingNeeds { id topic year status } } }`,
      {
        id: NGO,
      },
    );
    const needs = read.data!.ngo.trainingNeeds as { id: string; topic: string; year: number; status: string }[];
    const updated = await gql(
      "zanjanCounty",
      `mutation($id: ID!, $needs: [TrainingNeedInput!]) { updateNgo(id: $id, input: { trainingNeeds: $needs }) { trainingNeeds { id year status } } }`,
      { id: NGO, needs: [...needs.map((n) => ({ id: n.id, topic: n.topic })), { topic: "روابط عمومی" }] },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateNgo.trainingNeeds).toEqual([
      ...needs.map((n) => ({ id: n.id, year: n.year, status: n.status })),
      { id: expect.any(String), year, status: "DECLARED" },
    ]);
    expect(needs.find((n) => n.id === needId)!.status).toBe("MET");
  });
});
