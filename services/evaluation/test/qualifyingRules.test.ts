import { toPersianDigits } from "@hamafza/common";
import fc from "fast-check";
import {
  daysBetween,
  judgeManagerFacts,
  judgeMeeting,
  judgeRequest,
  judgeResolution,
  quartersWithEngagement,
  workingGroupQualifies,
} from "../src/qualifying";
import { DEFAULT_RUBRIC, QUALIFYING_RULES } from "../src/rubric";
import { QualifyingRules, RawMeetingFact, RawRequestFact } from "../src/scoringTypes";

/**
 * The rubric's qualifying rules, owned by the evaluation service: the raw facts are those the engagement service
 * reports for its hand-computed fixture (services/engagement/test/facts.test.ts), judged here.
 */

const raw = (id: string, over: Partial<RawMeetingFact>): RawMeetingFact => ({
  meetingId: id,
  title: `نشست ${id}`,
  kind: "QUARTERLY_PROBLEM_CENTRED",
  date: "2025-06-21",
  quarter: 1,
  ngoIds: ["A"],
  hasAgendaItemOnHarmOrDemand: true,
  resolutions: 1,
  ...over,
});
// The meetings manager M1 chaired in 1404 in the engagement fixture.
const M1_MEETINGS = [
  raw("m1", { ngoIds: ["A", "B"] }),
  raw("m2", { date: "2025-06-22", quarter: 2, hasAgendaItemOnHarmOrDemand: false, resolutions: 0 }),
  raw("m3", { date: "2025-10-15", quarter: 3, ngoIds: [] }),
  raw("m4", {
    kind: "NGO_EXCHANGE",
    date: "2025-11-01",
    quarter: 3,
    ngoIds: ["C"],
    hasAgendaItemOnHarmOrDemand: false,
    resolutions: 0,
  }),
  raw("m6", { date: "2026-03-20", quarter: 4, ngoIds: ["B"] }),
];

describe("meetings (REGULARITY, PROBLEM_FOCUS)", () => {
  it("judge the fixture's meetings as the rubric defines", () => {
    expect(M1_MEETINGS.map((m) => [m.meetingId, judgeMeeting(m)])).toEqual([
      ["m1", { countsForRegularity: true, problemFocused: true, exclusionReasons: [] }],
      [
        "m2",
        {
          countsForRegularity: true,
          problemFocused: false,
          exclusionReasons: ["دستور جلسه‌ای مرتبط با آسیب اجتماعی یا مطالبه سمن نداشت", "مصوبه‌ای نداشت"],
        },
      ],
      ["m3", { countsForRegularity: false, problemFocused: false, exclusionReasons: ["هیچ سمنی در نشست حضور نداشت"] }],
      [
        "m4",
        {
          countsForRegularity: false,
          problemFocused: false,
          exclusionReasons: [
            "نشست فصلی مسئله‌محور نیست",
            "دستور جلسه‌ای مرتبط با آسیب اجتماعی یا مطالبه سمن نداشت",
            "مصوبه‌ای نداشت",
          ],
        },
      ],
      ["m6", { countsForRegularity: true, problemFocused: true, exclusionReasons: [] }],
    ]);
  });

  it("give the quarters with engagement (M1: 1, 2 and 4; M2: 2; the 1403 edge meeting: 4)", () => {
    expect(quartersWithEngagement(M1_MEETINGS)).toEqual([1, 2, 4]);
    expect(quartersWithEngagement([raw("m9", { date: "2025-08-01", quarter: 2 })])).toEqual([2]);
    expect(quartersWithEngagement([raw("m5", { date: "2025-03-20", quarter: 4 })])).toEqual([4]);
    expect(quartersWithEngagement([])).toEqual([]);
  });

  it("property: problem-focused implies counted; a meeting counts fully exactly when it has no exclusion reason", () => {
    const meeting = fc.record({
      kind: fc.constantFrom("QUARTERLY_PROBLEM_CENTRED", "NGO_EXCHANGE", "WORKING_GROUP_SESSION", "COUNCIL", "OTHER"),
      ngoIds: fc.array(fc.uuid(), { maxLength: 3 }),
      hasAgendaItemOnHarmOrDemand: fc.boolean(),
      resolutions: fc.nat(5),
    });
    fc.assert(
      fc.property(meeting, (over) => {
        const judged = judgeMeeting(raw("x", over));
        if (judged.problemFocused) expect(judged.countsForRegularity).toBe(true);
        expect(judged.problemFocused).toBe(judged.exclusionReasons.length === 0);
        expect(judged.countsForRegularity).toBe(over.kind === "QUARTERLY_PROBLEM_CENTRED" && over.ngoIds.length > 0);
      }),
    );
  });
});

describe("resolutions (FOLLOW_THROUGH)", () => {
  const asOf = "2026-04-01";
  const r = (deadline: string, status: string, completedOn: string | null) =>
    judgeResolution({ resolutionId: "r", meetingId: "m", deadline, status, completedOn }, asOf);

  it("done by the deadline, late, or overdue on asOf", () => {
    expect(r("2025-07-21", "DONE", "2025-07-20")).toEqual({ doneByDeadline: true, overdue: false }); // R1
    expect(r("2025-07-21", "DONE", "2025-07-21")).toEqual({ doneByDeadline: true, overdue: false });
    expect(r("2025-11-15", "DONE", "2025-11-20")).toEqual({ doneByDeadline: false, overdue: false }); // R2
    expect(r("2026-03-20", "IN_PROGRESS", null)).toEqual({ doneByDeadline: false, overdue: true }); // R5
    expect(r("2026-03-20", "OPEN", null)).toEqual({ doneByDeadline: false, overdue: true });
    expect(r("2026-04-01", "OPEN", null)).toEqual({ doneByDeadline: false, overdue: false });
    expect(r("2026-03-20", "CANCELLED", null)).toEqual({ doneByDeadline: false, overdue: false });
  });
});

describe("working groups (PARTICIPATION)", () => {
  const g = (ngoMemberIds: string[], sessionsHeld: number) => ({
    workingGroupId: "g",
    name: "کارگروه",
    ngoMemberIds,
    sessionsHeld,
  });

  it("qualify with NGO members and at least the rubric's sessions (W1 yes; W2 without NGOs, W3 with one session no)", () => {
    expect(workingGroupQualifies(g(["A"], 2), QUALIFYING_RULES)).toBe(true);
    expect(workingGroupQualifies(g([], 3), QUALIFYING_RULES)).toBe(false);
    expect(workingGroupQualifies(g(["C"], 1), QUALIFYING_RULES)).toBe(false);
  });

  it("follow the threshold they are given", () => {
    const strict: QualifyingRules = { ...QUALIFYING_RULES, minWorkingGroupSessions: 4 };
    expect(workingGroupQualifies(g(["A"], 3), strict)).toBe(false);
    expect(workingGroupQualifies(g(["A"], 4), strict)).toBe(true);
  });
});

describe("requests (RESPONSIVENESS)", () => {
  const q = (submittedOn: string, respondedOn: string | null): RawRequestFact => ({
    kind: "PROPOSAL",
    id: "p",
    ngoId: "n",
    submittedOn,
    respondedOn,
  });

  it("answered within 30 days counts; 31 days does not; unanswered is pending only while younger than 30 days", () => {
    const asOf = "2026-04-01";
    expect(judgeRequest(q("2025-04-01", "2025-04-30"), asOf, QUALIFYING_RULES)).toEqual({
      responseDays: 29,
      answeredWithin30Days: true,
      stillWithin30Days: false,
    }); // P1
    expect(judgeRequest(q("2025-05-01", "2025-06-01"), asOf, QUALIFYING_RULES)).toMatchObject({
      responseDays: 31,
      answeredWithin30Days: false,
    }); // P2
    expect(judgeRequest(q("2025-07-01", "2025-07-31"), asOf, QUALIFYING_RULES)).toMatchObject({
      responseDays: 30,
      answeredWithin30Days: true,
    }); // D1
    expect(judgeRequest(q("2025-12-01", null), asOf, QUALIFYING_RULES)).toEqual({
      responseDays: null,
      answeredWithin30Days: false,
      stillWithin30Days: false,
    }); // D2
    expect(judgeRequest(q("2026-03-03", null), asOf, QUALIFYING_RULES).stillWithin30Days).toBe(true);
    expect(judgeRequest(q("2026-03-02", null), asOf, QUALIFYING_RULES).stillWithin30Days).toBe(false);
  });

  it("property: with any threshold, a request is answered in time, pending, or late — never two of them", () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2025, 2, 21 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(fc.nat(60)), day, fc.integer({ min: 1, max: 90 }), (sent, after, asOf, days) => {
        const answered =
          after === null
            ? null
            : new Date(Date.parse(`${sent}T00:00:00Z`) + after * 86_400_000).toISOString().slice(0, 10);
        const rules = { ...QUALIFYING_RULES, responseDays: days };
        const j = judgeRequest(q(sent, answered), asOf, rules);
        expect(j.responseDays).toBe(answered === null ? null : after);
        expect(j.answeredWithin30Days && j.stillWithin30Days).toBe(false);
        expect(j.answeredWithin30Days).toBe(after !== null && after <= days);
        expect(j.stillWithin30Days).toBe(after === null && daysBetween(sent, asOf) < days);
      }),
    );
  });
});

describe("the rubric states its thresholds once", () => {
  it("the definitions shown to users name the thresholds the rules apply", () => {
    const definition = (code: string) => DEFAULT_RUBRIC.find((i) => i.code === code)!.definition;
    expect(definition("RESPONSIVENESS")).toContain(`ظرف ${toPersianDigits(QUALIFYING_RULES.responseDays)} روز`);
    expect(definition("PARTICIPATION")).toContain("دست‌کم دو بار");
    expect(QUALIFYING_RULES).toEqual({ minWorkingGroupSessions: 2, responseDays: 30 });
  });

  it("judgeManagerFacts judges every kind of raw fact of a manager", () => {
    const judged = judgeManagerFacts(
      {
        managerId: "M1",
        meetings: [M1_MEETINGS[1]],
        resolutions: [
          { resolutionId: "R5", meetingId: "m6", deadline: "2026-03-20", status: "OPEN", completedOn: null },
        ],
        workingGroups: [{ workingGroupId: "W1", name: "کارگروه", ngoMemberIds: ["A"], sessionsHeld: 2 }],
        requests: [{ kind: "PROPOSAL", id: "p", ngoId: "n", submittedOn: "2025-04-01", respondedOn: "2025-04-30" }],
      },
      "2026-04-01",
      QUALIFYING_RULES,
    );
    expect(judged).toEqual({
      managerId: "M1",
      meetings: [
        {
          meetingId: "m2",
          title: "نشست m2",
          kind: "QUARTERLY_PROBLEM_CENTRED",
          date: "2025-06-22",
          quarter: 2,
          ngoIds: ["A"],
          countsForRegularity: true,
          problemFocused: false,
          exclusionReasons: ["دستور جلسه‌ای مرتبط با آسیب اجتماعی یا مطالبه سمن نداشت", "مصوبه‌ای نداشت"],
        },
      ],
      resolutions: [
        {
          resolutionId: "R5",
          meetingId: "m6",
          deadline: "2026-03-20",
          status: "OPEN",
          completedOn: null,
          doneByDeadline: false,
          overdue: true,
        },
      ],
      workingGroups: [{ workingGroupId: "W1", name: "کارگروه", ngoMemberIds: ["A"], sessionsHeld: 2, qualifies: true }],
      requests: [
        {
          kind: "PROPOSAL",
          id: "p",
          ngoId: "n",
          submittedOn: "2025-04-01",
          respondedOn: "2025-04-30",
          responseDays: 29,
          answeredWithin30Days: true,
          stillWithin30Days: false,
        },
      ],
    });
  });
});
