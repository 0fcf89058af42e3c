import {
  bearer,
  jalaliQuarterOf,
  jalaliYearBounds,
  login,
  postGraphQL,
  Role,
  stableId,
  STAFF_ROLES,
  withClient,
} from "@hamafza/common";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { demoManagerId, demoNgoId } from "@hamafza/registry";

/**
 * The engagement service in the composed system, on the demo data: its lists per role and territory, the fields it
 * adds to the registry's Ngo, Manager, County and Agency, the registry's licence flag on attendance (@requires),
 * the evaluation facts for every demo manager, and writes with their audit entries — all through the gateway.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens = {} as Record<Role, string>;
const ALL = [...STAFF_ROLES];

const gql = (role: Role, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, bearer(tokens[role]));
const rows = (sql: string, params: unknown[] = []) =>
  withClient(prepared.adminUrl, async (client) => (await client.query(sql, params)).rows);

beforeAll(async () => {
  prepared = await prepareTestDatabase("enggateway", { demo: true });
  stack = await startInProcessStack(prepared, { sessionCacheMs: 0 });
  for (const user of demoUsers.filter((u) => STAFF_ROLES.includes(u.role)))
    tokens[user.role as Role] = await login(stack.baseUrl, user.username, DEMO_PASSWORD);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const scopeOf = (role: Role) => demoUsers.find((u) => u.role === role)!;
function visible(role: Role, row: { provinceId: string | null; countyId: string | null }): boolean {
  const scope = scopeOf(role);
  if (role === Role.ADMIN) return true;
  if (scope.countyId)
    return row.countyId === scope.countyId || (row.countyId === null && row.provinceId === scope.provinceId);
  if (scope.provinceId) return row.provinceId === scope.provinceId;
  return true;
}

describe("demo engagement data", () => {
  it("has agenda on social harms, resolutions done on time, late and overdue, working groups with projects, proposals and demands with responses", async () => {
    const result = await gql(
      Role.ADMIN,
      `{
      socialHarms { totalCount }
      workingGroups(limit: 50) { totalCount items { name parentBody sessionsHeld members { kind } projects { status } } }
      overdue: resolutions(filter: { overdue: true }) { totalCount }
      done: resolutions(filter: { status: DONE }, limit: 200) { items { doneOnTime } }
      unfinishedProjects { totalCount }
      answered: proposals(filter: { answered: true }) { totalCount }
      answeredDemands: demands(filter: { answered: true }) { totalCount }
      harms: socialHarmsMostDiscussed(year: 1404, limit: 3) { socialHarm { name } meetings }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.socialHarms.totalCount).toBe(20);
    expect(data.workingGroups.totalCount).toBeGreaterThanOrEqual(6);
    const qazvin = data.workingGroups.items.filter((g: { parentBody: string }) => g.parentBody?.includes("قزوین"));
    expect(qazvin.map((g: { name: string }) => g.name).sort()).toEqual(
      ["کمیته تخصصی اجتماعی", "کمیته تخصصی اقتصادی", "کمیته تخصصی زیست‌محیطی", "کمیته تخصصی کالبدی"].sort(),
    );
    expect(
      qazvin.every((g: { projects: unknown[]; members: unknown[] }) => g.projects.length > 0 && g.members.length > 0),
    ).toBe(true);
    expect(data.overdue.totalCount).toBeGreaterThan(0);
    const onTime = data.done.items.map((r: { doneOnTime: boolean }) => r.doneOnTime);
    expect(onTime).toContain(true);
    expect(onTime).toContain(false);
    expect(data.unfinishedProjects.totalCount).toBeGreaterThan(0);
    expect(data.answered.totalCount).toBeGreaterThan(0);
    expect(data.answeredDemands.totalCount).toBeGreaterThan(0);
    expect(data.harms.length).toBe(3);
  });
});

describe("territory through the gateway", () => {
  const LISTS = [
    ["resolutions", "engagement.resolution"],
    ["workingGroups", "engagement.working_group"],
    ["projects", "engagement.project"],
    ["proposals", "engagement.proposal"],
    ["demands", "engagement.demand"],
  ] as const;

  it.each(ALL)(
    "%s sees exactly the resolutions, working groups, projects, proposals and demands of its territory",
    async (role) => {
      const result = await gql(
        role,
        `{ ${LISTS.map(([list]) => `${list}(limit: 200) { totalCount items { id provinceId countyId } }`).join(" ")} }`,
      );
      expect(result.errors).toBeUndefined();
      for (const [list, table] of LISTS) {
        const all = await rows(`SELECT id, province_id AS "provinceId", county_id AS "countyId" FROM ${table}`);
        const expected = all
          .filter((row) => visible(role, row as never))
          .map((row) => row.id)
          .sort();
        expect(result.data![list].items.map((i: { id: string }) => i.id).sort()).toEqual(expected);
        expect(result.data![list].totalCount).toBe(expected.length);
        if (role === Role.COUNTY_OFFICER) expect(expected.length).toBeLessThan(all.length);
      }
    },
  );

  it.each(ALL)(
    "%s sees agenda items only of visible meetings, and nested engagement fields only in its territory",
    async (role) => {
      const result = await gql(
        role,
        `{
      agendaItems(limit: 200) { totalCount items { meeting { provinceId countyId } } }
      ngos(limit: 200) { items { proposals { provinceId countyId } demands { provinceId countyId } workingGroups { provinceId countyId } } }
    }`,
      );
      expect(result.errors).toBeUndefined();
      const all = await rows(
        `SELECT m.province_id AS "provinceId", m.county_id AS "countyId" FROM engagement.agenda_item i JOIN engagement.meeting m ON m.id = i.meeting_id`,
      );
      expect(result.data!.agendaItems.totalCount).toBe(all.filter((row) => visible(role, row as never)).length);
      const nested = result.data!.ngos.items.flatMap(
        (n: Record<string, { provinceId: string; countyId: string | null }[]>) => [
          ...n.proposals,
          ...n.demands,
          ...n.workingGroups,
        ],
      );
      expect(nested.filter((row: { provinceId: string; countyId: string | null }) => !visible(role, row))).toEqual([]);
    },
  );
});

describe("fields engagement adds to registry entities (DataLoader-batched, through the gateway)", () => {
  it("adds working groups, proposals, demands and the last engagement to an NGO", async () => {
    const id = demoNgoId("14905484270"); // انجمن حمایت از کودکان کار زنجان
    const result = await gql(
      Role.ADMIN,
      `query($id: ID!) { ngo(id: $id) { name workingGroups { name } proposals { topic status } demands { title } meetings { id } lastEngagementAt } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const ngo = result.data!.ngo;
    expect(ngo.name).toContain("کودکان کار");
    expect(ngo.workingGroups.map((g: { name: string }) => g.name)).toContain("کارگروه پیشگیری از آسیب‌های اجتماعی");
    expect(ngo.proposals.map((p: { topic: string }) => p.topic)).toContain("طرح توانمندسازی خانواده‌های کودکان کار");
    const [last] = await rows(
      `SELECT max(x.at) AS at FROM (
         SELECT m.held_at AS at FROM engagement.meeting_attendance a JOIN engagement.meeting m ON m.id = a.meeting_id WHERE m.status = 'HELD' AND a.ngo_id = $1
         UNION ALL SELECT (submitted_on::timestamp AT TIME ZONE 'Asia/Tehran') FROM engagement.proposal WHERE ngo_id = $1
         UNION ALL SELECT (raised_on::timestamp AT TIME ZONE 'Asia/Tehran') FROM engagement.demand WHERE ngo_id = $1) x`,
      [id],
    );
    expect(ngo.lastEngagementAt).toBe(new Date(last.at).toISOString());
  });

  it("adds the meetings chaired and the resolutions owned (and overdue) to a manager", async () => {
    const id = demoManagerId("1901");
    const result = await gql(
      Role.ADMIN,
      `query($id: ID!) { manager(id: $id) { position meetingsChaired(year: 1404) { id jalaliYear } resolutionsOwned { id } overdueResolutions { id followUpStatus } } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const manager = result.data!.manager;
    const { start, end } = jalaliYearBounds(1404);
    const chaired = await rows(
      `SELECT id FROM engagement.meeting WHERE chair_id = $1 AND coalesce(held_at, scheduled_at) >= $2 AND coalesce(held_at, scheduled_at) < $3`,
      [id, start, end],
    );
    expect(manager.meetingsChaired.map((m: { id: string }) => m.id).sort()).toEqual(chaired.map((m) => m.id).sort());
    const owned = await rows(
      `SELECT id, status, deadline < (now() AT TIME ZONE 'Asia/Tehran')::date AS past FROM engagement.resolution WHERE owner_manager_id = $1`,
      [id],
    );
    expect(manager.resolutionsOwned.map((r: { id: string }) => r.id).sort()).toEqual(owned.map((r) => r.id).sort());
    const overdue = owned
      .filter((r) => ["OPEN", "IN_PROGRESS"].includes(r.status) && r.past)
      .map((r) => r.id)
      .sort();
    expect(manager.overdueResolutions.map((r: { id: string }) => r.id).sort()).toEqual(overdue);
    expect(manager.overdueResolutions.every((r: { followUpStatus: string }) => r.followUpStatus === "OVERDUE")).toBe(
      true,
    );
  });

  it("adds meeting counts per Jalali quarter to the counties of a province", async () => {
    const result = await gql(
      Role.ANALYST,
      `{ counties(filter: { provinceId: "19" }, limit: 50) { items { id name meetingCounts(year: 1404) { quarter total held problemCentredWithNgos } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const meetings = await rows(
      `SELECT m.county_id, coalesce(m.held_at, m.scheduled_at) AS at, m.status, m.kind, EXISTS (SELECT 1 FROM engagement.meeting_attendance a WHERE a.meeting_id = m.id) AS with_ngos
         FROM engagement.meeting m WHERE m.province_id = '19' AND m.county_id IS NOT NULL`,
    );
    for (const county of result.data!.counties.items) {
      const expected = [1, 2, 3, 4].map((quarter) => {
        const mine = meetings.filter(
          (m) =>
            m.county_id === county.id &&
            jalaliQuarterOf(m.at).year === 1404 &&
            jalaliQuarterOf(m.at).quarter === quarter,
        );
        return {
          quarter,
          total: mine.length,
          held: mine.filter((m) => m.status === "HELD").length,
          problemCentredWithNgos: mine.filter(
            (m) => m.status === "HELD" && m.kind === "QUARTERLY_PROBLEM_CENTRED" && m.with_ngos,
          ).length,
        };
      });
      expect(county.meetingCounts).toEqual(expected);
    }
    expect(
      result
        .data!.counties.items.find((c: { id: string }) => c.id === "1901")
        .meetingCounts.some((q: { total: number }) => q.total > 0),
    ).toBe(true);
  });

  it("adds owned resolutions and the proposals and demands inbox to an agency", async () => {
    const welfare = stableId("agency", "DIRECTORATE_GENERAL:19:WELFARE");
    const result = await gql(
      Role.PROVINCE_OFFICER,
      `query($id: ID!) { agency(id: $id) { name resolutionsOwned { id } proposalsReceived { topic respondedOn } demandsReceived { id } workingGroupsChaired { id } } }`,
      { id: welfare },
    );
    expect(result.errors).toBeUndefined();
    const agency = result.data!.agency;
    expect(agency.name).toContain("بهزیستی");
    const owned = await rows(`SELECT id FROM engagement.resolution WHERE owner_agency_id = $1`, [welfare]);
    expect(agency.resolutionsOwned.map((r: { id: string }) => r.id).sort()).toEqual(owned.map((r) => r.id).sort());
    const proposals = await rows(`SELECT topic FROM engagement.proposal WHERE agency_id = $1`, [welfare]);
    expect(agency.proposalsReceived.map((p: { topic: string }) => p.topic).sort()).toEqual(
      proposals.map((p) => p.topic).sort(),
    );
    const demands = await rows(`SELECT id FROM engagement.demand WHERE agency_id = $1`, [welfare]);
    expect(agency.demandsReceived).toHaveLength(demands.length);
    expect(demands.length).toBeGreaterThan(0);
  });
});

describe("licence state of attending NGOs (registry, with @requires)", () => {
  it("flags an NGO attending on a day its licence is suspended, and not one with a valid licence", async () => {
    const licences = await gql(
      Role.ADMIN,
      `{ suspended: licences(filter: { states: [SUSPENDED], currentOnly: true }, limit: 1) { items { ngoId } } active: licences(filter: { states: [ACTIVE], currentOnly: true, provinceId: "19" }, limit: 1) { items { ngoId } } }`,
    );
    expect(licences.errors).toBeUndefined();
    const suspended = licences.data!.suspended.items[0].ngoId;
    const active = licences.data!.active.items[0].ngoId;
    const heldAt = new Date(Date.now() - 86_400_000).toISOString();
    const created = await gql(
      Role.ADMIN,
      `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`,
      {
        input: {
          title: "نشست آزمون پروانه حاضران",
          kind: "OTHER",
          provinceId: "19",
          scheduledAt: heldAt,
          attendees: [{ ngoId: suspended }, { ngoId: active }],
        },
      },
    );
    const id = created.data!.createMeeting.id;
    await gql(
      Role.ADMIN,
      `mutation($id: ID!, $at: DateTimeISO!) { updateMeeting(id: $id, input: { status: HELD, heldAt: $at }) { id } }`,
      { id, at: heldAt },
    );
    const view = await gql(
      Role.ADMIN,
      `query($id: ID!) { meeting(id: $id) { attendance { ngoId meetingDate licenceStateOnMeetingDate licenceFlagged ngo { name } } } }`,
      { id },
    );
    expect(view.errors).toBeUndefined();
    const byNgo = Object.fromEntries(view.data!.meeting.attendance.map((a: { ngoId: string }) => [a.ngoId, a]));
    expect(byNgo[suspended]).toMatchObject({ licenceStateOnMeetingDate: "SUSPENDED", licenceFlagged: true });
    expect(byNgo[active]).toMatchObject({ licenceStateOnMeetingDate: "ACTIVE", licenceFlagged: false });
  });

  it("agrees with the registry's licence history for every attendance row of the demo meetings of Zanjan county", async () => {
    const view = await gql(
      Role.COUNTY_OFFICER,
      `{ meetings(filter: { countyId: "1901", status: HELD }, limit: 50) { items { attendance { ngoId meetingDate licenceStateOnMeetingDate licenceFlagged } } } }`,
    );
    expect(view.errors).toBeUndefined();
    const attendance = view.data!.meetings.items.flatMap((m: { attendance: unknown[] }) => m.attendance) as {
      ngoId: string;
      meetingDate: string;
      licenceStateOnMeetingDate: string;
      licenceFlagged: boolean;
    }[];
    expect(attendance.length).toBeGreaterThan(0);
    for (const date of new Set(attendance.map((a) => a.meetingDate))) {
      const rowsOfDay = attendance.filter((a) => a.meetingDate === date);
      const states = await gql(
        Role.COUNTY_OFFICER,
        `query($ids: [ID!]!, $date: Date!) { licenceStatesOn(ngoIds: $ids, date: $date) { ngoId state } }`,
        { ids: rowsOfDay.map((a) => a.ngoId), date },
      );
      const expected = new Map(
        states.data!.licenceStatesOn.map((s: { ngoId: string; state: string }) => [s.ngoId, s.state]),
      );
      for (const row of rowsOfDay) {
        expect(row.licenceStateOnMeetingDate).toBe(expected.get(row.ngoId));
        expect(row.licenceFlagged).toBe(
          ["EXPIRED", "SUSPENDED", "REVOKED", "NONE"].includes(row.licenceStateOnMeetingDate),
        );
      }
    }
  });
});

describe("evaluation facts for the demo managers", () => {
  it("match the held problem-centred meetings with NGOs in the database, for every manager, in one request", async () => {
    const managers = await gql(Role.EVALUATOR, `{ managers(limit: 200) { items { id agencyId } } }`);
    const list = managers.data!.managers.items as { id: string; agencyId: string }[];
    const facts = await gql(
      Role.EVALUATOR,
      `query($a: [ManagerAgencyInput!]) { engagementFacts(year: 1404, managerAgencies: $a) { managers { managerId meetings { kind quarter ngoIds } requests { id } } } }`,
      {
        a: list.map((m) => ({ managerId: m.id, agencyId: m.agencyId })),
      },
    );
    expect(facts.errors).toBeUndefined();
    const held = await rows(
      `SELECT m.chair_id, m.held_at FROM engagement.meeting m
        WHERE m.status = 'HELD' AND m.kind = 'QUARTERLY_PROBLEM_CENTRED' AND EXISTS (SELECT 1 FROM engagement.meeting_attendance a WHERE a.meeting_id = m.id)`,
    );
    const byManager = new Map(facts.data!.engagementFacts.managers.map((m: { managerId: string }) => [m.managerId, m]));
    let withQuarters = 0;
    for (const manager of list) {
      const quarters = [
        ...new Set(
          held
            .filter((m) => m.chair_id === manager.id && jalaliQuarterOf(m.held_at).year === 1404)
            .map((m) => jalaliQuarterOf(m.held_at).quarter),
        ),
      ].sort();
      // The quarters with a held problem-centred meeting with NGOs, from the raw facts.
      const facts = byManager.get(manager.id) as { meetings: { kind: string; quarter: number; ngoIds: string[] }[] };
      const reported = [
        ...new Set(
          facts.meetings
            .filter((m) => m.kind === "QUARTERLY_PROBLEM_CENTRED" && m.ngoIds.length > 0)
            .map((m) => m.quarter),
        ),
      ].sort();
      expect(reported).toEqual(quarters);
      if (quarters.length) withQuarters++;
    }
    expect(withQuarters).toBeGreaterThan(10);
    const welfareManager = list.find((m) => m.agencyId === stableId("agency", "DIRECTORATE_GENERAL:19:WELFARE"));
    if (welfareManager)
      expect((byManager.get(welfareManager.id) as { requests: unknown[] }).requests.length).toBeGreaterThan(0);
    const denied = await gql(Role.ANALYST, `{ engagementFacts(year: 1404) { year } }`);
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("writes through the gateway", () => {
  it("lets the county officer record a resolution on its county's meeting, audited with the meeting's territory", async () => {
    const [meeting] = await rows(
      `SELECT id FROM engagement.meeting WHERE county_id = '1901' AND status = 'HELD' ORDER BY held_at DESC LIMIT 1`,
    );
    const [other] = await rows(`SELECT id FROM engagement.meeting WHERE county_id = '1902' LIMIT 1`);
    const create = (meetingId: string) =>
      gql(
        Role.COUNTY_OFFICER,
        `mutation($m: ID!) { createResolution(input: { meetingId: $m, text: "پیگیری تأمین فضای اداری برای سمن‌ها", ownerManagerId: "${demoManagerId("1901")}" }) { id countyId } }`,
        { m: meetingId },
      );
    expect((await create(other.id)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const created = await create(meeting.id);
    expect(created.errors).toBeUndefined();
    const log = await gql(
      Role.ADMIN,
      `query($id: String!) { auditEntries(filter: { entityId: $id }) { items { action service actorUsername provinceId countyId } } }`,
      { id: created.data!.createResolution.id },
    );
    expect(log.data!.auditEntries.items).toEqual([
      {
        action: "createResolution",
        service: "engagement",
        actorUsername: "demo.county",
        provinceId: "19",
        countyId: "1901",
      },
    ]);
  });
});
