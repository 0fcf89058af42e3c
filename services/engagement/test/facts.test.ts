import { Role } from "@hamafza/common";
import {
  ADMIN,
  ANALYST,
  EngagementHarness,
  EVALUATOR,
  QAZVIN_OFFICER,
  startHarness,
  tehran,
  uuid,
  ZANJAN_OFFICER,
} from "./helpers";

/**
 * The evaluation facts (`engagementFacts`) and the analyst queries, checked against values computed by hand on
 * one fixture (below), including the Jalali period edges on Tehran's clock:
 *   Q1 1404 = 2025-03-21 … 2025-06-21, Q2 = 2025-06-22 … 2025-09-22, Q3 = 2025-09-23 … 2025-12-21, Q4 = 2025-12-22 … 2026-03-20.
 */
let h: EngagementHarness;

// Managers and their agencies (registry ids; engagement only stores them).
const M1 = uuid(11); // county governor of 1901, agency A1
const M2 = uuid(12); // deputy governor of 19, agency A2
const M3 = uuid(13); // county governor of 2601 (another province)
const M4 = uuid(14); // a manager with nothing recorded
const A1 = uuid(21);
const A2 = uuid(22);
const A9 = uuid(29);
// NGOs
const A = uuid(31);
const B = uuid(32);
const C = uuid(33);
const D = uuid(34);
const E = uuid(35);

const ids: Record<string, string> = {};
let harm: Record<string, string> = {};

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const result = await h.gql(query, variables);
  if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

async function meeting(
  key: string,
  input: Record<string, unknown>,
  held: string | null,
  extra: { cancel?: string } = {},
) {
  const data = await ok(`mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`, {
    input: {
      title: `نشست ${key}`,
      kind: "QUARTERLY_PROBLEM_CENTRED",
      provinceId: "19",
      countyId: "1901",
      chairId: M1,
      scheduledAt: held ?? tehran("2025-07-15T10:00:00"),
      ...input,
    },
  });
  ids[key] = data.createMeeting.id;
  if (held)
    await ok(
      `mutation($id: ID!, $at: DateTimeISO!) { updateMeeting(id: $id, input: { status: HELD, heldAt: $at }) { id } }`,
      { id: ids[key], at: held },
    );
  if (extra.cancel)
    await ok(
      `mutation($id: ID!, $r: String!) { updateMeeting(id: $id, input: { status: CANCELLED, cancellationReason: $r }) { id } }`,
      { id: ids[key], r: extra.cancel },
    );
}

const agenda = (meetingKey: string, topic: string, link: { harm?: string; demand?: string }) =>
  ok(`mutation($input: AgendaItemCreateInput!) { createAgendaItem(input: $input) { id } }`, {
    input: {
      meetingId: ids[meetingKey],
      topic,
      socialHarmId: link.harm ? harm[link.harm] : null,
      demandId: link.demand ? ids[link.demand] : null,
    },
  });

async function resolution(
  key: string,
  meetingKey: string,
  owners: { manager?: string; agency?: string },
  deadline: string,
  done?: string,
  status?: string,
) {
  const data = await ok(`mutation($input: ResolutionCreateInput!) { createResolution(input: $input) { id } }`, {
    input: {
      meetingId: ids[meetingKey],
      text: `مصوبه ${key} برای پیگیری`,
      ownerManagerId: owners.manager ?? null,
      ownerAgencyId: owners.agency ?? null,
      deadline,
    },
  });
  ids[key] = data.createResolution.id;
  if (done)
    await ok(
      `mutation($id: ID!, $d: Date!) { addResolutionUpdate(resolutionId: $id, input: { reportedOn: $d, note: "انجام شد", status: DONE }) { id } }`,
      { id: ids[key], d: done },
    );
  if (status)
    await ok(
      `mutation($id: ID!) { addResolutionUpdate(resolutionId: $id, input: { reportedOn: "2025-08-01", note: "آغاز اجرا", status: ${status} }) { id } }`,
      { id: ids[key] },
    );
}

async function proposal(
  key: string,
  ngo: string,
  agency: string,
  submitted: string,
  answer?: [string, "ACCEPTED" | "REJECTED"],
) {
  const data = await ok(`mutation($input: ProposalCreateInput!) { createProposal(input: $input) { id } }`, {
    input: {
      ngoId: ngo,
      provinceId: "19",
      countyId: "1901",
      agencyId: agency,
      topic: `طرح ${key}`,
      submittedOn: submitted,
    },
  });
  ids[key] = data.createProposal.id;
  if (answer) {
    await ok(
      `mutation($id: ID!, $d: Date!) { updateProposal(id: $id, input: { status: UNDER_REVIEW, statusOn: $d }) { id } }`,
      { id: ids[key], d: submitted },
    );
    await ok(
      `mutation($id: ID!, $d: Date!) { updateProposal(id: $id, input: { status: ${answer[1]}, statusOn: $d, response: "پاسخ دستگاه" }) { id } }`,
      { id: ids[key], d: answer[0] },
    );
  }
}

async function demand(
  key: string,
  ngo: string,
  agency: string,
  raised: string,
  answeredOn?: string,
  meetingKey?: string,
) {
  const data = await ok(`mutation($input: DemandCreateInput!) { createDemand(input: $input) { id } }`, {
    input: {
      ngoId: ngo,
      provinceId: "19",
      countyId: "1901",
      agencyId: agency,
      category: "FUNDING",
      title: `مطالبه ${key}`,
      raisedOn: raised,
      meetingId: meetingKey ? ids[meetingKey] : null,
    },
  });
  ids[key] = data.createDemand.id;
  if (answeredOn)
    await ok(
      `mutation($id: ID!, $d: Date!) { updateDemand(id: $id, input: { status: RESOLVED, respondedOn: $d, response: "رفع شد" }) { id } }`,
      { id: ids[key], d: answeredOn },
    );
}

async function group(
  key: string,
  name: string,
  chair: { manager?: string; agency?: string },
  members: [string, string, string?][],
  sessions: string[],
) {
  const data = await ok(`mutation($input: WorkingGroupCreateInput!) { createWorkingGroup(input: $input) { id } }`, {
    input: {
      name,
      dimension: "SOCIAL",
      provinceId: "19",
      countyId: "1901",
      chairManagerId: chair.manager ?? null,
      chairAgencyId: chair.agency ?? null,
    },
  });
  ids[key] = data.createWorkingGroup.id;
  for (const [ngoId, joinedOn, leftOn] of members) {
    await ok(`mutation($input: WorkingGroupMemberCreateInput!) { createWorkingGroupMember(input: $input) { id } }`, {
      input: { workingGroupId: ids[key], ngoId, joinedOn, leftOn: leftOn ?? null },
    });
  }
  for (const [i, at] of sessions.entries())
    await meeting(
      `${key}-s${i}`,
      { kind: "WORKING_GROUP_SESSION", workingGroupId: ids[key], chairId: null, attendees: [{ ngoId: A }] },
      at,
    );
}

beforeAll(async () => {
  h = await startHarness("engfacts");
  harm = Object.fromEntries(
    (await ok(`{ socialHarms(limit: 50) { items { id code } } }`)).socialHarms.items.map(
      (s: { id: string; code: string }) => [s.code, s.id],
    ),
  );

  await meeting("m1", { attendees: [{ ngoId: A }, { ngoId: B }] }, tehran("2025-06-21T23:30:00")); // 31 Khordad 23:30 → Q1
  await meeting("m2", { attendees: [{ ngoId: A }] }, tehran("2025-06-22T00:10:00")); // 1 Tir 00:10 → Q2
  await meeting("m3", {}, tehran("2025-10-15T10:00:00")); // Q3, no NGO
  await meeting("m4", { kind: "NGO_EXCHANGE", attendees: [{ ngoId: C }] }, tehran("2025-11-01T10:00:00")); // not problem-centred
  await meeting("m5", { attendees: [{ ngoId: A }] }, tehran("2025-03-20T23:00:00")); // 29 Esfand 1403 → year 1403
  await meeting("m6", { attendees: [{ ngoId: B }] }, tehran("2026-03-20T23:50:00")); // 29 Esfand 1404 → Q4
  await meeting("m7", { scheduledAt: tehran("2025-07-15T10:00:00") }, null); // planned, Q2
  await meeting("m8", { scheduledAt: tehran("2025-05-15T10:00:00") }, null, { cancel: "هم‌زمانی با سفر استانی" }); // cancelled, Q1
  await meeting(
    "m9",
    { countyId: null, chairId: M2, attendees: [{ ngoId: A }, { ngoId: C }] },
    tehran("2025-08-01T10:00:00"),
  ); // provincial, Q2
  await meeting(
    "m10",
    { provinceId: "26", countyId: "2601", chairId: M3, attendees: [{ ngoId: D }] },
    tehran("2025-05-01T10:00:00"),
  );

  await demand("D1", A, A1, "2025-07-01", "2025-07-31"); // 30 days
  await demand("D2", C, A1, "2025-12-01"); // unanswered
  await demand("D3", A, A1, "2025-03-15", "2025-03-18"); // 1403
  await demand("Dm6", B, A9, "2026-03-20", undefined, "m6");
  await agenda("m1", "اعتیاد در محله", { harm: "ADDICTION" });
  await agenda("m2", "برنامه جوانان", {});
  await agenda("m3", "اعتیاد در مدارس", { harm: "ADDICTION" });
  await agenda("m5", "طلاق", { harm: "DIVORCE" });
  await agenda("m6", "کمک مالی به سمن", { demand: "Dm6" });
  await agenda("m9", "طلاق در سال‌های نخست", { harm: "DIVORCE" });

  await resolution("R1", "m1", { manager: M1, agency: A1 }, "2025-07-21", "2025-07-20");
  await resolution("R2", "m3", { agency: A1 }, "2025-11-15", "2025-11-20");
  await resolution("R3", "m6", { manager: M1 }, "2026-04-15");
  await resolution("R4", "m9", { manager: M2 }, "2025-09-01");
  await resolution("R5", "m9", { manager: M1, agency: A2 }, "2026-03-20", undefined, "IN_PROGRESS");
  await resolution("R6", "m5", { agency: A1 }, "2025-03-20");

  await group(
    "W1",
    "کارگروه الف",
    { agency: A1 },
    [[A, "2025-04-01"]],
    [tehran("2025-03-10T10:00:00"), tehran("2025-05-05T10:00:00"), tehran("2025-08-10T10:00:00")],
  );
  await group(
    "W2",
    "کارگروه ب",
    { manager: M1, agency: A9 },
    [[B, "2024-01-01", "2025-03-01"]],
    [tehran("2025-05-06T10:00:00"), tehran("2025-06-06T10:00:00"), tehran("2025-07-06T10:00:00")],
  );
  await group("W3", "کارگروه پ", { agency: A2 }, [[C, "2025-04-01"]], [tehran("2025-09-01T10:00:00")]);

  await proposal("P1", A, A1, "2025-04-01", ["2025-04-30", "ACCEPTED"]); // 29 days
  await proposal("P2", B, A1, "2025-05-01", ["2025-06-01", "ACCEPTED"]); // 31 days
  await proposal("P3", C, A2, "2025-09-01", ["2025-09-05", "REJECTED"]); // 4 days
}, 120_000);
afterAll(() => h?.stop());

const FACTS = `query($year: Int!, $managers: [ID!], $agencies: [ManagerAgencyInput!]) {
  engagementFacts(year: $year, managerIds: $managers, managerAgencies: $agencies) {
    year asOf
    managers {
      managerId agencyId
      meetings { meetingId kind date quarter ngoIds agendaItems hasAgendaItemOnHarmOrDemand resolutions }
      resolutions { resolutionId ownedBy deadline status completedOn doneByDeadline overdue }
      workingGroups { workingGroupId ngoMemberIds sessionsHeld sessions { quarter ngoCount } }
      requests { kind id submittedOn respondedOn responseDays }
    }
  } }`;

describe("engagementFacts (evaluation service read)", () => {
  const AGENCIES = [
    { managerId: M1, agencyId: A1 },
    { managerId: M2, agencyId: A2 },
  ];

  it("gives per manager the hand-computed facts of 1404 with their evidence", async () => {
    const result = await h.gql(FACTS, { year: 1404, managers: [M1, M2, M4], agencies: AGENCIES }, EVALUATOR);
    expect(result.errors).toBeUndefined();
    const facts = result.data!.engagementFacts;
    expect(facts.year).toBe(1404);
    expect(facts.managers.map((m: { managerId: string }) => m.managerId)).toEqual([M1, M2, M4]);
    const [m1, m2, m4] = facts.managers;

    expect(m1.agencyId).toBe(A1);
    expect(m1.meetings).toEqual([
      {
        meetingId: ids.m1,
        kind: "QUARTERLY_PROBLEM_CENTRED",
        date: "2025-06-21",
        quarter: 1,
        ngoIds: [A, B],
        agendaItems: 1,
        hasAgendaItemOnHarmOrDemand: true,
        resolutions: 1,
      },
      {
        meetingId: ids.m2,
        kind: "QUARTERLY_PROBLEM_CENTRED",
        date: "2025-06-22",
        quarter: 2,
        ngoIds: [A],
        agendaItems: 1,
        hasAgendaItemOnHarmOrDemand: false,
        resolutions: 0,
      },
      {
        meetingId: ids.m3,
        kind: "QUARTERLY_PROBLEM_CENTRED",
        date: "2025-10-15",
        quarter: 3,
        ngoIds: [],
        agendaItems: 1,
        hasAgendaItemOnHarmOrDemand: true,
        resolutions: 1,
      },
      {
        meetingId: ids.m4,
        kind: "NGO_EXCHANGE",
        date: "2025-11-01",
        quarter: 3,
        ngoIds: [C],
        agendaItems: 0,
        hasAgendaItemOnHarmOrDemand: false,
        resolutions: 0,
      },
      {
        meetingId: ids.m6,
        kind: "QUARTERLY_PROBLEM_CENTRED",
        date: "2026-03-20",
        quarter: 4,
        ngoIds: [B],
        agendaItems: 1,
        hasAgendaItemOnHarmOrDemand: true,
        resolutions: 1,
      },
    ]);
    expect(m1.resolutions).toEqual([
      {
        resolutionId: ids.R1,
        ownedBy: "MANAGER",
        deadline: "2025-07-21",
        status: "DONE",
        completedOn: "2025-07-20",
        doneByDeadline: true,
        overdue: false,
      },
      {
        resolutionId: ids.R2,
        ownedBy: "AGENCY",
        deadline: "2025-11-15",
        status: "DONE",
        completedOn: "2025-11-20",
        doneByDeadline: false,
        overdue: false,
      },
      {
        resolutionId: ids.R5,
        ownedBy: "MANAGER",
        deadline: "2026-03-20",
        status: "IN_PROGRESS",
        completedOn: null,
        doneByDeadline: false,
        overdue: true,
      },
    ]);
    expect(m1.workingGroups).toEqual([
      {
        workingGroupId: ids.W1,
        ngoMemberIds: [A],
        sessionsHeld: 2,
        sessions: [
          { quarter: 1, ngoCount: 1 },
          { quarter: 2, ngoCount: 1 },
        ],
      },
      {
        workingGroupId: ids.W2,
        ngoMemberIds: [],
        sessionsHeld: 3,
        sessions: [
          { quarter: 1, ngoCount: 1 },
          { quarter: 1, ngoCount: 1 },
          { quarter: 2, ngoCount: 1 },
        ],
      },
    ]);
    expect(m1.requests).toEqual([
      {
        kind: "PROPOSAL",
        id: ids.P1,
        submittedOn: "2025-04-01",
        respondedOn: "2025-04-30",
        responseDays: 29,
      },
      {
        kind: "PROPOSAL",
        id: ids.P2,
        submittedOn: "2025-05-01",
        respondedOn: "2025-06-01",
        responseDays: 31,
      },
      {
        kind: "DEMAND",
        id: ids.D1,
        submittedOn: "2025-07-01",
        respondedOn: "2025-07-31",
        responseDays: 30,
      },
      {
        kind: "DEMAND",
        id: ids.D2,
        submittedOn: "2025-12-01",
        respondedOn: null,
        responseDays: null,
      },
    ]);

    expect(m2.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([ids.m9]);
    expect(
      m2.resolutions.map((r: { resolutionId: string; ownedBy: string; overdue: boolean }) => [
        r.resolutionId,
        r.ownedBy,
        r.overdue,
      ]),
    ).toEqual([
      [ids.R4, "MANAGER", true],
      [ids.R5, "AGENCY", true],
    ]);
    expect(m2.workingGroups).toEqual([
      {
        workingGroupId: ids.W3,
        ngoMemberIds: [C],
        sessionsHeld: 1,
        sessions: [{ quarter: 2, ngoCount: 1 }],
      },
    ]);
    expect(m2.requests.map((r: { id: string; responseDays: number }) => [r.id, r.responseDays])).toEqual([[ids.P3, 4]]);

    expect(m4).toEqual({
      managerId: M4,
      agencyId: null,
      meetings: [],
      resolutions: [],
      workingGroups: [],
      requests: [],
    });
  });

  it("gives the same facts as one JSON value (evaluationRows): the fields the evaluation reads, as the typed fields answer them", async () => {
    const EVALUATION_FIELDS = `
      managerId
      meetings { meetingId title kind date quarter ngoIds hasAgendaItemOnHarmOrDemand resolutions }
      resolutions { resolutionId meetingId deadline status completedOn ownedBy ownerManagerId ownerAgencyId }
      workingGroups { workingGroupId name ngoMemberIds sessionsHeld chairManagerId chairAgencyId }
      requests { kind id ngoId agencyId submittedOn respondedOn }`;
    const result = await h.gql(
      `query($year: Int!, $managers: [ID!], $agencies: [ManagerAgencyInput!]) {
        engagementFacts(year: $year, managerIds: $managers, managerAgencies: $agencies) {
          managers { ${EVALUATION_FIELDS} }
          evaluationRows
        } }`,
      { year: 1404, managers: [M1, M2, M4], agencies: AGENCIES },
      EVALUATOR,
    );
    expect(result.errors).toBeUndefined();
    const { managers, evaluationRows } = result.data!.engagementFacts;
    expect(managers.map((m: { managerId: string }) => m.managerId)).toEqual([M1, M2, M4]);
    expect(managers.some((m: { requests: unknown[] }) => m.requests.length > 0)).toBe(true);
    // Byte for byte: same keys in the same order, same values.
    expect(JSON.stringify(evaluationRows)).toBe(JSON.stringify(managers));
  });

  it("writes each shared fact once with shareAgencyFacts: naming them by position gives the plain rows back", async () => {
    // M4 in A1 beside M1: A1's resolutions, groups and requests are the facts of both.
    const result = await h.gql(
      `query($year: Int!, $managers: [ID!], $agencies: [ManagerAgencyInput!]) {
        engagementFacts(year: $year, managerIds: $managers, managerAgencies: $agencies) {
          plain: evaluationRows
          shared: evaluationRows(shareAgencyFacts: true)
        } }`,
      { year: 1404, managers: [M1, M2], agencies: [...AGENCIES, { managerId: M4, agencyId: A1 }] },
      EVALUATOR,
    );
    expect(result.errors).toBeUndefined();
    const { plain, shared } = result.data!.engagementFacts;
    type Row = Record<"resolutions" | "workingGroups" | "requests", unknown[]>;
    const kinds = ["resolutions", "workingGroups", "requests"] as const;
    const unshared = (shared.managers as (Row & { managerId: string; meetings: unknown[] })[]).map((row) => ({
      managerId: row.managerId,
      meetings: row.meetings,
      ...Object.fromEntries(kinds.map((kind) => [kind, row[kind].map((i) => shared.shared[kind][i as number])])),
    }));
    expect(JSON.stringify(unshared)).toBe(JSON.stringify(plain));
    // Written once each: no two shared entries alike, and fewer than the rows name.
    for (const kind of kinds) {
      const texts = (shared.shared[kind] as unknown[]).map((item) => JSON.stringify(item));
      expect(new Set(texts).size).toBe(texts.length);
    }
    const named = (plain as Row[]).reduce((n, row) => n + row.requests.length + row.resolutions.length, 0);
    expect(named).toBeGreaterThan(shared.shared.requests.length + shared.shared.resolutions.length);
    expect(JSON.stringify(shared).length).toBeLessThan(JSON.stringify(plain).length);
  });

  it("counts the previous year's edge meeting in 1403, not 1404", async () => {
    const result = await h.gql(FACTS, { year: 1403, managers: [M1] }, EVALUATOR);
    expect(result.data!.engagementFacts.managers[0]).toMatchObject({
      meetings: [
        expect.objectContaining({
          meetingId: ids.m5,
          kind: "QUARTERLY_PROBLEM_CENTRED",
          date: "2025-03-20",
          quarter: 4,
          ngoIds: [expect.any(String)],
        }),
      ],
    });
  });

  it("without managerIds, reports every manager with facts in the evaluator's territory", async () => {
    const national = await h.gql(FACTS, { year: 1404 }, EVALUATOR);
    expect(national.data!.engagementFacts.managers.map((m: { managerId: string }) => m.managerId)).toEqual([
      M1,
      M2,
      M3,
    ]);
    const zanjan = await h.gql(FACTS, { year: 1404 }, { role: Role.EVALUATOR, provinceId: "19" });
    expect(zanjan.data!.engagementFacts.managers.map((m: { managerId: string }) => m.managerId)).toEqual([M1, M2]);
    const m3Asked = await h.gql(FACTS, { year: 1404, managers: [M3] }, { role: Role.EVALUATOR, provinceId: "19" });
    expect(m3Asked.data!.engagementFacts.managers).toEqual([expect.objectContaining({ managerId: M3, meetings: [] })]);
  });

  it("is for evaluators and administrators only", async () => {
    for (const caller of [ZANJAN_OFFICER, ANALYST])
      expect((await h.gql(FACTS, { year: 1404 }, caller)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await h.gql(FACTS, { year: 1404 }, ADMIN)).errors).toBeUndefined();
    expect((await h.gql(FACTS, { year: 99 }, ADMIN)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reads the facts in four SQL statements however many managers are asked", async () => {
    const statements = async (managers: string[]) => {
      let count = 0;
      const logger = h.db.logger;
      (h.db as unknown as { logger: unknown }).logger = new Proxy(logger, {
        get: (target, key) => (key === "logQuery" ? () => count++ : Reflect.get(target, key)),
      });
      try {
        const result = await h.gql(
          FACTS,
          {
            year: 1404,
            managers,
            agencies: managers.map((managerId, i) => ({ managerId, agencyId: i === 0 ? A1 : uuid(5000 + i) })),
          },
          EVALUATOR,
        );
        expect(result.errors).toBeUndefined();
      } finally {
        (h.db as unknown as { logger: unknown }).logger = logger;
      }
      return count;
    };
    const few = await statements([M1, M2]);
    const many = await statements([M1, M2, ...Array.from({ length: 300 }, (_, i) => uuid(1000 + i))]);
    expect(few).toBe(4);
    expect(many).toBe(4);
  });
});

describe("analyst queries (SQL GROUP BY, in the caller's territory)", () => {
  it("counts meetings per county, Jalali quarter and kind", async () => {
    const result = await h.gql(
      `{ meetingStatistics(fromYear: 1404, kind: QUARTERLY_PROBLEM_CENTRED, provinceId: "19") { countyId year quarter kind total planned held cancelled heldWithNgos } }`,
      {},
      ANALYST,
    );
    const row = (
      countyId: string | null,
      quarter: number,
      total: number,
      planned: number,
      held: number,
      cancelled: number,
      heldWithNgos: number,
    ) => ({
      countyId,
      year: 1404,
      quarter,
      kind: "QUARTERLY_PROBLEM_CENTRED",
      total,
      planned,
      held,
      cancelled,
      heldWithNgos,
    });
    expect(result.data!.meetingStatistics).toEqual([
      row(null, 2, 1, 0, 1, 0, 1),
      row("1901", 1, 2, 0, 1, 1, 1),
      row("1901", 2, 2, 1, 1, 0, 1),
      row("1901", 3, 1, 0, 1, 0, 0),
      row("1901", 4, 1, 0, 1, 0, 1),
    ]);
    const byProvince = await h.gql(
      `{ meetingStatistics(fromYear: 1403, toYear: 1404, quarter: 2, groupBy: PROVINCE, kind: QUARTERLY_PROBLEM_CENTRED) { provinceId countyId year total planned held heldWithNgos } }`,
      {},
      ANALYST,
    );
    expect(byProvince.data!.meetingStatistics).toEqual([
      { provinceId: "19", countyId: null, year: 1404, total: 3, planned: 1, held: 2, heldWithNgos: 2 },
    ]);
    const zanjan = await h.gql(
      `{ meetingStatistics(fromYear: 1404, groupBy: PROVINCE) { provinceId } }`,
      {},
      ZANJAN_OFFICER,
    );
    expect(new Set(zanjan.data!.meetingStatistics.map((r: { provinceId: string }) => r.provinceId))).toEqual(
      new Set(["19"]),
    );
  });

  it("gives the monthly rhythm of a kind of meeting: twelve Jalali months, empty months included", async () => {
    const RHYTHM = `query($kind: MeetingKind, $p: ID, $c: ID) { meetingMonthlyRhythm(year: 1404, kind: $kind, provinceId: $p, countyId: $c) { year month total planned held cancelled heldWithNgos ngosPresent } }`;
    const series = async (variables: Record<string, unknown>, caller = ANALYST) => {
      const result = await h.gql(RHYTHM, variables, caller);
      expect(result.errors).toBeUndefined();
      return result.data!.meetingMonthlyRhythm as Record<string, number>[];
    };
    // [month, total, planned, held, cancelled, heldWithNgos, ngosPresent] of the months with meetings.
    const busy = (rows: Record<string, number>[]) =>
      rows
        .filter((r) => r.total > 0)
        .map((r) => [r.month, r.total, r.planned, r.held, r.cancelled, r.heldWithNgos, r.ngosPresent]);
    const exchange = await series({});
    expect(exchange.map((r) => r.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(exchange.every((r) => r.year === 1404)).toBe(true);
    expect(busy(exchange)).toEqual([[8, 1, 0, 1, 0, 1, 1]]); // m4, 10 Aban
    const problemCentred = await series({ kind: "QUARTERLY_PROBLEM_CENTRED", p: "19" });
    expect(busy(problemCentred)).toEqual([
      [2, 1, 0, 0, 1, 0, 0], // m8 cancelled
      [3, 1, 0, 1, 0, 1, 2], // m1 at 23:30 on 31 Khordad, Tehran clock: still Khordad
      [4, 2, 1, 1, 0, 1, 1], // m2 (1 Tir 00:10), m7 planned
      [5, 1, 0, 1, 0, 1, 2], // m9, provincial
      [7, 1, 0, 1, 0, 0, 0], // m3 without NGOs
      [12, 1, 0, 1, 0, 1, 1], // m6, 29 Esfand
    ]);
    expect(busy(await series({ kind: "QUARTERLY_PROBLEM_CENTRED" }, QAZVIN_OFFICER))).toEqual([[2, 1, 0, 1, 0, 1, 1]]);
    expect(busy(await series({ kind: "QUARTERLY_PROBLEM_CENTRED", c: "1902" }))).toEqual([]);
  });

  it("refuses a year out of range or a malformed territory in the monthly rhythm, in Persian", async () => {
    for (const [query, field] of [
      [`{ meetingMonthlyRhythm(year: 1300) { month } }`, "year"],
      [`{ meetingMonthlyRhythm(year: 1404, provinceId: "Zanjan") { month } }`, "provinceId"],
      [`{ meetingMonthlyRhythm(year: 1404, provinceId: "19", countyId: "2601") { month } }`, "countyId"],
    ]) {
      const result = await h.gql(query, {}, ANALYST);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(/[\u0600-\u06FF]/);
      expect(JSON.stringify(result.errors?.[0].extensions)).toContain(field);
    }
    const outside = await h.gql(`{ meetingMonthlyRhythm(year: 1404, provinceId: "26") { month } }`, {}, ZANJAN_OFFICER);
    expect(outside.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses malformed territory arguments of the overdue resolution queries, in Persian", async () => {
    for (const query of [
      `{ overdueResolutionCounts(provinceId: "199") { overdue } }`,
      `{ overdueResolutionCounts(provinceId: "19", countyId: "2601") { overdue } }`,
      `{ overdueResolutions(countyId: "19x1") { totalCount } }`,
    ]) {
      const result = await h.gql(query, {}, ANALYST);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(/[\u0600-\u06FF]/);
    }
    const outside = await h.gql(`{ overdueResolutions(provinceId: "26") { totalCount } }`, {}, ZANJAN_OFFICER);
    expect(outside.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("lists the counties without a problem-centred meeting with NGOs in a quarter", async () => {
    const without = async (quarter: number, caller = ANALYST) =>
      (
        await h.gql(
          `query($q: Int!) { countiesWithoutProblemCentredMeeting(year: 1404, quarter: $q, countyIds: ["1901", "1902", "2601"]) { id } }`,
          { q: quarter },
          caller,
        )
      ).data!.countiesWithoutProblemCentredMeeting.map((c: { id: string }) => c.id);
    expect(await without(1)).toEqual(["1902"]);
    expect(await without(2)).toEqual(["1902", "2601"]);
    expect(await without(3)).toEqual(["1901", "1902", "2601"]);
    expect(await without(3, ZANJAN_OFFICER)).toEqual(["1901", "1902"]);
  });

  it("computes resolution completion rates per owner", async () => {
    const byManager = await h.gql(
      `{ resolutionCompletionRates(groupBy: MANAGER, deadlineYear: 1404, provinceId: "19") { ownerManagerId total done doneOnTime doneLate overdue pending cancelled completionRate onTimeRate } }`,
      {},
      ANALYST,
    );
    expect(byManager.data!.resolutionCompletionRates).toEqual([
      {
        ownerManagerId: M1,
        total: 2,
        done: 1,
        doneOnTime: 1,
        doneLate: 0,
        overdue: 1,
        pending: 0,
        cancelled: 0,
        completionRate: 0.5,
        onTimeRate: 0.5,
      },
      {
        ownerManagerId: M2,
        total: 1,
        done: 0,
        doneOnTime: 0,
        doneLate: 0,
        overdue: 1,
        pending: 0,
        cancelled: 0,
        completionRate: 0,
        onTimeRate: 0,
      },
      {
        ownerManagerId: null,
        total: 1,
        done: 1,
        doneOnTime: 0,
        doneLate: 1,
        overdue: 0,
        pending: 0,
        cancelled: 0,
        completionRate: 1,
        onTimeRate: 0,
      },
    ]);
    const byAgency = await h.gql(
      `{ resolutionCompletionRates(deadlineYear: 1404) { ownerAgencyId total done completionRate onTimeRate } }`,
      {},
      ANALYST,
    );
    expect(byAgency.data!.resolutionCompletionRates).toEqual([
      { ownerAgencyId: A1, total: 2, done: 2, completionRate: 1, onTimeRate: 0.5 },
      { ownerAgencyId: A2, total: 1, done: 0, completionRate: 0, onTimeRate: 0 },
      { ownerAgencyId: null, total: 1, done: 0, completionRate: 0, onTimeRate: 0 },
    ]);
  });

  it("ranks the social harms most discussed at held meetings", async () => {
    const result = await h.gql(
      `{ socialHarmsMostDiscussed(year: 1404, provinceId: "19") { socialHarm { code } agendaItems meetings ngos } }`,
      {},
      ANALYST,
    );
    expect(result.data!.socialHarmsMostDiscussed).toEqual([
      { socialHarm: { code: "ADDICTION" }, agendaItems: 2, meetings: 2, ngos: 2 },
      { socialHarm: { code: "DIVORCE" }, agendaItems: 1, meetings: 1, ngos: 2 },
    ]);
  });

  it("finds the NGOs never engaged and the last engagement of each", async () => {
    const asked = [A, B, C, D, E];
    const admin = await h.gql(
      `query($ids: [ID!]!) { ngosWithoutEngagement(ngoIds: $ids, year: 1404) { id } }`,
      { ids: asked },
      ANALYST,
    );
    expect(admin.data!.ngosWithoutEngagement).toEqual([{ id: E }]);
    const zanjan = await h.gql(
      `query($ids: [ID!]!) { ngosWithoutEngagement(ngoIds: $ids) { id } }`,
      { ids: asked },
      ZANJAN_OFFICER,
    );
    expect(zanjan.data!.ngosWithoutEngagement).toEqual([{ id: D }, { id: E }]);
    const last = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id lastEngagementAt } } }`,
      { r: [A, C, E].map((id) => ({ __typename: "Ngo", id })) },
      ANALYST,
    );
    expect(last.data!._entities).toEqual([
      { id: A, lastEngagementAt: tehran("2025-09-01T10:00:00") }, // the session of W3 it attended
      { id: C, lastEngagementAt: tehran("2025-12-01T00:00:00") },
      { id: E, lastEngagementAt: null },
    ]);
  });

  it("measures agencies' response times to proposals and demands", async () => {
    const result = await h.gql(
      `{ responseTimes(year: 1404, provinceId: "19") { kind agencyId received answered answeredWithin30Days unanswered averageDays medianDays } }`,
      {},
      ANALYST,
    );
    expect(result.data!.responseTimes).toEqual(
      expect.arrayContaining([
        {
          kind: "PROPOSAL",
          agencyId: A1,
          received: 2,
          answered: 2,
          answeredWithin30Days: 1,
          unanswered: 0,
          averageDays: 30,
          medianDays: 30,
        },
        {
          kind: "PROPOSAL",
          agencyId: A2,
          received: 1,
          answered: 1,
          answeredWithin30Days: 1,
          unanswered: 0,
          averageDays: 4,
          medianDays: 4,
        },
        {
          kind: "DEMAND",
          agencyId: A1,
          received: 2,
          answered: 1,
          answeredWithin30Days: 1,
          unanswered: 1,
          averageDays: 30,
          medianDays: 30,
        },
      ]),
    );
    expect(result.data!.responseTimes).toHaveLength(4); // and the demand raised at m6, routed to A9
  });

  it("counts a county's meetings per quarter (County.meetingCounts)", async () => {
    const result = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on County { id meetingCounts(year: 1404) { quarter total planned held cancelled problemCentredWithNgos } } } }`,
      {
        r: [
          { __typename: "County", id: "1901" },
          { __typename: "County", id: "1902" },
        ],
      },
      ANALYST,
    );
    const [zanjan, abhar] = result.data!._entities;
    expect(zanjan.meetingCounts).toEqual([
      { quarter: 1, total: 5, planned: 0, held: 4, cancelled: 1, problemCentredWithNgos: 1 },
      { quarter: 2, total: 5, planned: 1, held: 4, cancelled: 0, problemCentredWithNgos: 1 },
      { quarter: 3, total: 2, planned: 0, held: 2, cancelled: 0, problemCentredWithNgos: 0 },
      { quarter: 4, total: 1, planned: 0, held: 1, cancelled: 0, problemCentredWithNgos: 1 },
    ]);
    expect(abhar.meetingCounts.every((q: { total: number }) => q.total === 0)).toBe(true);
  });
});
