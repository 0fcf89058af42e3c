import { MeetingKind } from "../src/entities/Meeting";
import { ResolutionStatus } from "../src/entities/Resolution";
import { EngagementRequestKind } from "../src/resolvers/analytics";
import {
  assembleFacts,
  FactRows,
  MeetingFactRow,
  RequestFactRow,
  ResolutionFactRow,
  WorkingGroupFactRow,
} from "../src/resolvers/factsRules";

/** Fact assembly as a pure rule: rows in, facts attributed to managers out (the SQL half is in facts.test.ts). */

const M1 = "00000000-0000-4000-8000-000000000001";
const M2 = "00000000-0000-4000-8000-000000000002";
const M3 = "00000000-0000-4000-8000-000000000003";
const AG = "20000000-0000-4000-8000-000000000001";
const OTHER_AG = "20000000-0000-4000-8000-000000000002";
const NGO = "10000000-0000-4000-8000-000000000001";

const meeting = (over: Partial<MeetingFactRow>): MeetingFactRow => ({
  id: "30000000-0000-4000-8000-000000000001",
  title: "نشست",
  kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
  chair_id: M1,
  held_at: new Date("2025-05-01T06:00:00Z"),
  province_id: "19",
  county_id: "1901",
  ngo_ids: NGO,
  agenda_items: "2",
  focused: "1",
  resolutions: "1",
  ...over,
});
const resolution = (over: Partial<ResolutionFactRow>): ResolutionFactRow => ({
  id: "40000000-0000-4000-8000-000000000001",
  meeting_id: "30000000-0000-4000-8000-000000000001",
  owner_manager_id: null,
  owner_agency_id: null,
  deadline: "2025-06-01",
  status: ResolutionStatus.OPEN,
  completed_on: null,
  ...over,
});
const group = (over: Partial<WorkingGroupFactRow>): WorkingGroupFactRow => ({
  id: "50000000-0000-4000-8000-000000000001",
  name: "کارگروه",
  chair_manager_id: null,
  chair_agency_id: null,
  dissolved_on: null,
  ngo_ids: [NGO],
  sessions: [],
  ...over,
});
const request = (over: Partial<RequestFactRow>): RequestFactRow => ({
  kind: EngagementRequestKind.PROPOSAL,
  id: "60000000-0000-4000-8000-000000000001",
  ngo_id: NGO,
  agency_id: AG,
  sent: "2025-04-01",
  answered: null,
  ...over,
});
const rows = (over: Partial<FactRows>): FactRows => ({
  all: false,
  ids: [M2, M1],
  agencyOf: new Map([
    [M1, AG],
    [M2, AG],
  ]),
  asOf: "2025-07-01",
  meetings: [],
  resolutions: [],
  groups: [],
  requests: [],
  ...over,
});

describe("assembleFacts", () => {
  it("gives one entry per manager asked for, sorted by id, even without facts", () => {
    const facts = assembleFacts(rows({ ids: [M3, M1], agencyOf: new Map([[M1, AG]]) }));
    expect(facts.map((f) => [f.managerId, f.agencyId])).toEqual([
      [M1, AG],
      [M3, null],
    ]);
    expect(facts[1]).toMatchObject({ meetings: [], resolutions: [], workingGroups: [], requests: [] });
  });

  it("without a manager list, adds every chair and owner found in the rows", () => {
    const facts = assembleFacts(
      rows({
        all: true,
        ids: [],
        agencyOf: new Map(),
        meetings: [meeting({ chair_id: M3 })],
        resolutions: [resolution({ owner_manager_id: M2 })],
        groups: [group({ chair_manager_id: M1 })],
      }),
    );
    expect(facts.map((f) => f.managerId)).toEqual([M1, M2, M3]);
  });

  it("attributes a meeting to its chair only, with the Tehran day and Jalali quarter", () => {
    // 2025-06-21T21:00Z is 2025-06-22 00:30 in Tehran: the first day of 1404's second quarter.
    const facts = assembleFacts(rows({ meetings: [meeting({ held_at: new Date("2025-06-21T21:00:00Z") })] }));
    const [m1, m2] = facts;
    expect(m2.meetings).toEqual([]);
    expect(m1.meetings).toHaveLength(1);
    expect(m1.meetings[0]).toMatchObject({ date: "2025-06-22", quarter: 2, ngoIds: [NGO], agendaItems: 2 });
  });

  it("reads the NGOs present from their comma-separated ids, and the quarter of each meeting's Tehran day", () => {
    const second = "10000000-0000-4000-8000-000000000002";
    const facts = assembleFacts(
      rows({
        meetings: [
          // 2025-06-21T20:00Z is still 2025-06-21 (23:30 in Tehran): the last day of 1404's first quarter.
          meeting({ id: "a", held_at: new Date("2025-06-21T20:00:00Z"), ngo_ids: `${NGO},${second}` }),
          meeting({ id: "b", held_at: new Date("2025-06-21T21:00:00Z"), ngo_ids: null }),
          meeting({ id: "c", held_at: new Date("2025-06-21T19:00:00Z"), ngo_ids: NGO }),
        ],
      }),
    );
    expect(facts[0].meetings.map((m) => [m.meetingId, m.date, m.quarter, m.ngoIds])).toEqual([
      ["a", "2025-06-21", 1, [NGO, second]],
      ["b", "2025-06-22", 2, []],
      ["c", "2025-06-21", 1, [NGO]],
    ]);
  });

  it("attributes an agency-owned resolution to each manager of the agency, and the owner once as MANAGER", () => {
    const facts = assembleFacts(
      rows({
        resolutions: [
          resolution({ owner_manager_id: M1, owner_agency_id: AG }),
          resolution({ id: "40000000-0000-4000-8000-000000000002", owner_agency_id: OTHER_AG }),
        ],
      }),
    );
    const [m1, m2] = facts;
    expect(m1.resolutions.map((r) => r.ownedBy)).toEqual(["MANAGER"]);
    expect(m2.resolutions.map((r) => r.ownedBy)).toEqual(["AGENCY"]);
    expect(m2.resolutions[0].resolutionId).toBe("40000000-0000-4000-8000-000000000001");
  });

  it("judges resolutions done by deadline and overdue on asOf", () => {
    const facts = assembleFacts(
      rows({
        resolutions: [
          resolution({ id: "a", owner_manager_id: M1, status: ResolutionStatus.DONE, completed_on: "2025-06-01" }),
          resolution({ id: "b", owner_manager_id: M1, status: ResolutionStatus.DONE, completed_on: "2025-06-02" }),
          resolution({ id: "c", owner_manager_id: M1, status: ResolutionStatus.IN_PROGRESS }),
          resolution({ id: "d", owner_manager_id: M1, deadline: "2025-07-01" }),
          resolution({ id: "e", owner_manager_id: M1, status: ResolutionStatus.CANCELLED }),
        ],
      }),
    );
    expect(facts[0].resolutions.map((r) => [r.resolutionId, r.doneByDeadline, r.overdue])).toEqual([
      ["a", true, false],
      ["b", false, false],
      ["c", false, true],
      ["d", false, false],
      ["e", false, false],
    ]);
  });

  it("attributes a working group once to its chair and to the chairing agency's managers", () => {
    const sessions = [
      { id: "s1", heldAt: "2025-04-10T06:00:00Z", ngos: 2 },
      { id: "s2", heldAt: "2025-10-10T06:00:00Z", ngos: 0 },
    ];
    const facts = assembleFacts(
      rows({
        groups: [group({ chair_manager_id: M1, chair_agency_id: AG, ngo_ids: [NGO, "0-b", "0-a"], sessions })],
      }),
    );
    const [m1, m2] = facts;
    expect(m1.workingGroups).toHaveLength(1);
    expect(m2.workingGroups).toHaveLength(1);
    expect(m1.workingGroups[0]).toMatchObject({
      ngoMemberIds: ["0-a", "0-b", NGO],
      sessionsHeld: 2,
      sessions: [
        { meetingId: "s1", quarter: 1, ngoCount: 2 },
        { meetingId: "s2", quarter: 3, ngoCount: 0 },
      ],
    });
  });

  it("attributes requests to every manager of the agency, with the days to the response", () => {
    const facts = assembleFacts(
      rows({
        requests: [
          request({ id: "r1", answered: "2025-05-01" }),
          request({ id: "r2", agency_id: OTHER_AG }),
          request({ id: "r3", kind: EngagementRequestKind.DEMAND, sent: "2025-06-20" }),
        ],
      }),
    );
    for (const f of facts) {
      expect(f.requests.map((r) => [r.id, r.kind, r.responseDays])).toEqual([
        ["r1", "PROPOSAL", 30],
        ["r3", "DEMAND", null],
      ]);
    }
  });
});
