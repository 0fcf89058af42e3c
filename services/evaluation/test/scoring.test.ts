import {
  canonicalResults,
  computeResults,
  DEFAULT_RUBRIC,
  FactsSnapshot,
  planResults,
  resultsHash,
  rubricProblems,
  scoredResults,
  scoreManager,
  SnapshotManager,
  SnapshotManagerFacts,
  SnapshotMeeting,
  tenureQuarters,
} from "@hamafza/evaluation";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { syntheticFacts } from "../src/seed/syntheticFacts";

// Jalali 1404: Q1 2025-03-21, Q2 2025-06-22, Q3 2025-09-23, Q4 2025-12-22, 1405 starts 2026-03-21.
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const D = "00000000-0000-4000-8000-00000000000d";
const N1 = "10000000-0000-4000-8000-000000000001";
const N2 = "10000000-0000-4000-8000-000000000002";
const N3 = "10000000-0000-4000-8000-000000000003";

const manager = (id: string, over: Partial<SnapshotManager> = {}): SnapshotManager => ({
  id,
  name: `مدیر ${id.slice(-1)}`,
  position: "فرماندار",
  positionKind: "COUNTY_GOVERNOR",
  agencyId: "20000000-0000-4000-8000-000000000001",
  provinceId: "19",
  countyId: "1901",
  tenureStart: "2020-01-01",
  tenureEnd: null,
  ...over,
});

const meeting = (id: string, date: string, quarter: number, over: Partial<SnapshotMeeting> = {}): SnapshotMeeting => ({
  meetingId: id,
  title: `نشست ${id}`,
  kind: "QUARTERLY_PROBLEM_CENTRED",
  date,
  quarter,
  ngoIds: [N1],
  countsForRegularity: true,
  problemFocused: true,
  exclusionReasons: [],
  ...over,
});

const emptyFacts = (managerId: string): SnapshotManagerFacts => ({
  managerId,
  meetings: [],
  resolutions: [],
  workingGroups: [],
  requests: [],
});

const snapshot = (
  managers: SnapshotManager[],
  facts: SnapshotManagerFacts[],
  over: Partial<FactsSnapshot> = {},
): FactsSnapshot => ({
  year: 1404,
  asOf: "2026-03-25",
  managers,
  facts,
  licenceStates: {},
  activeNgos: { byProvince: { "19": 40 }, byCounty: { "1901": 10 } },
  ...over,
});

const indicator = (result: ReturnType<typeof scoreManager>, code: string) =>
  result!.indicators.find((i) => i.code === code)!;

describe("tenure quarters", () => {
  it("counts the quarters a tenure overlaps, on the period edges", () => {
    expect(tenureQuarters(1404, "2020-01-01", null)).toEqual([1, 2, 3, 4]);
    expect(tenureQuarters(1404, "2025-06-22", null)).toEqual([2, 3, 4]); // first day of Q2
    expect(tenureQuarters(1404, "2025-06-21", "2025-06-21")).toEqual([1]); // last day of Q1 only
    expect(tenureQuarters(1404, "2020-01-01", "2025-03-20")).toEqual([]); // ended the day before 1404
    expect(tenureQuarters(1404, "2026-03-21", null)).toEqual([]); // starts in 1405
    expect(tenureQuarters(1404, "2025-12-22", "2026-03-20")).toEqual([4]);
  });
});

describe("indicators on hand-computed fixtures", () => {
  it("REGULARITY: quarters with a counted meeting, the meeting on a quarter's first day counts in that quarter", () => {
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      meetings: [
        meeting("m1", "2025-03-21", 1),
        meeting("m2", "2025-04-10", 1), // same quarter: counted once
        meeting("m3", "2025-09-23", 3),
        meeting("m4", "2025-12-30", 4, {
          ngoIds: [],
          countsForRegularity: false,
          problemFocused: false,
          exclusionReasons: ["هیچ سمنی در نشست حضور نداشت"],
        }),
      ],
    };
    const result = scoreManager(manager(A), facts, DEFAULT_RUBRIC, snapshot([manager(A)], [facts]), 1);
    const regularity = indicator(result, "REGULARITY");
    expect(regularity.raw).toBe(2);
    expect(regularity.proratedTarget).toBe(4);
    expect(regularity.score).toBe(50);
    expect(regularity.contribution).toBe(15); // 50 × 30 / 100
    const m4 = regularity.evidence.find((e) => e.id === "m4")!;
    expect(m4).toMatchObject({ counted: false, reasons: ["هیچ سمنی در نشست حضور نداشت"] });
    expect(regularity.evidence.filter((e) => e.kind === "QUARTER").map((e) => e.id)).toEqual(["2", "4"]);
  });

  it("partial tenure: targets prorated by quarters, meetings outside the tenure excluded", () => {
    const m = manager(A, { tenureStart: "2025-09-23" }); // Q3 and Q4
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      meetings: [meeting("before", "2025-05-01", 1), meeting("q3", "2025-10-01", 3), meeting("q4", "2026-01-10", 4)],
      workingGroups: [
        { workingGroupId: "g1", name: "کارگروه آب", ngoMemberIds: [N1], sessionsHeld: 2, qualifies: true },
      ],
    };
    const result = scoreManager(m, facts, DEFAULT_RUBRIC, snapshot([m], [facts]), 1)!;
    expect(result.tenureQuarters).toEqual([3, 4]);
    const regularity = indicator(result, "REGULARITY");
    expect(regularity).toMatchObject({ raw: 2, proratedTarget: 2, score: 100 });
    expect(regularity.evidence.find((e) => e.id === "before")).toMatchObject({
      counted: false,
      reasons: ["خارج از دوره تصدی مدیر در این سال"],
    });
    expect(indicator(result, "PARTICIPATION")).toMatchObject({ raw: 1, proratedTarget: 1, score: 100 });
  });

  it("no tenure in the year: no score", () => {
    const m = manager(A, { tenureEnd: "2025-03-20" });
    expect(scoreManager(m, emptyFacts(A), DEFAULT_RUBRIC, snapshot([m], []), 1)).toBeNull();
    expect(computeResults(snapshot([m, manager(B)], []), DEFAULT_RUBRIC, 1).map((r) => r.managerId)).toEqual([B]);
  });

  it("PROBLEM_FOCUS: share of counted meetings that are problem-focused", () => {
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      meetings: [
        meeting("a", "2025-04-01", 1),
        meeting("b", "2025-07-01", 2, { problemFocused: false, exclusionReasons: ["مصوبه‌ای نداشت"] }),
        meeting("c", "2025-10-01", 3),
        meeting("d", "2026-01-01", 4, { problemFocused: false }),
      ],
    };
    const pf = indicator(
      scoreManager(manager(A), facts, DEFAULT_RUBRIC, snapshot([manager(A)], [facts]), 1),
      "PROBLEM_FOCUS",
    );
    expect(pf).toMatchObject({ raw: 50, numerator: 2, denominator: 4, score: 62.5, contribution: 9.38 }); // 50/80 = 62.5 %; 62.5 × 15 % = 9.375
  });

  it("NGO_REACH: distinct NGOs with a valid licence on the meeting day; expired licences excluded", () => {
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      meetings: [
        meeting("a", "2025-04-01", 1, { ngoIds: [N1, N2] }),
        meeting("b", "2025-07-01", 2, { ngoIds: [N1, N3] }),
      ],
    };
    const snap = snapshot([manager(A)], [facts], {
      licenceStates: {
        [`${N1}|2025-04-01`]: "ACTIVE",
        [`${N2}|2025-04-01`]: "EXPIRED",
        [`${N1}|2025-07-01`]: "EXPIRING",
        [`${N3}|2025-07-01`]: "SUSPENDED",
      },
    });
    const reach = indicator(scoreManager(manager(A), facts, DEFAULT_RUBRIC, snap, 1), "NGO_REACH");
    expect(reach).toMatchObject({ raw: 10, numerator: 1, denominator: 10, score: 50 }); // 1 of 10 active NGOs = 10 %; 10/20 → 50
    expect(reach.evidence.find((e) => e.id === N2)).toMatchObject({
      counted: false,
      reasons: ["مجوز سمن در تاریخ نشست منقضی شده بود"],
    });
  });

  it("FOLLOW_THROUGH: done by deadline over due resolutions; not-yet-due ones left out", () => {
    const r = (
      id: string,
      deadline: string,
      status: string,
      completedOn: string | null,
      doneByDeadline: boolean,
      overdue: boolean,
    ) => ({ resolutionId: id, meetingId: "m", deadline, status, completedOn, doneByDeadline, overdue });
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      resolutions: [
        r("r1", "2025-05-01", "DONE", "2025-04-30", true, false),
        r("r2", "2025-06-01", "DONE", "2025-06-05", false, false),
        r("r3", "2025-08-01", "OPEN", null, false, true),
        r("r4", "2026-03-20", "OPEN", null, false, false),
      ],
    };
    const ft = indicator(
      scoreManager(manager(A), facts, DEFAULT_RUBRIC, snapshot([manager(A)], [facts], { asOf: "2026-03-01" }), 1),
      "FOLLOW_THROUGH",
    );
    expect(ft).toMatchObject({ numerator: 1, denominator: 3, raw: 33.33, score: 37.03 }); // 33.33 / 90
    expect(ft.evidence.find((e) => e.id === "r2")!.reasons).toEqual(["پس از مهلت انجام شد"]);
    expect(ft.evidence.find((e) => e.id === "r4")!.counted).toBe(false);
  });

  it("PARTICIPATION and RESPONSIVENESS", () => {
    const q = (id: string, answeredWithin30Days: boolean, stillWithin30Days: boolean, responseDays: number | null) => ({
      kind: "PROPOSAL",
      id,
      ngoId: N1,
      submittedOn: "2025-05-01",
      respondedOn: responseDays === null ? null : "2025-06-01",
      responseDays,
      answeredWithin30Days,
      stillWithin30Days,
    });
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      workingGroups: [
        { workingGroupId: "g1", name: "الف", ngoMemberIds: [N1], sessionsHeld: 3, qualifies: true },
        { workingGroupId: "g2", name: "ب", ngoMemberIds: [], sessionsHeld: 4, qualifies: false },
        { workingGroupId: "g3", name: "ج", ngoMemberIds: [N2], sessionsHeld: 1, qualifies: false },
      ],
      requests: [
        q("p1", true, false, 10),
        q("p2", false, false, 45),
        q("p3", false, true, null),
        q("p4", true, false, 30),
      ],
    };
    const result = scoreManager(manager(A), facts, DEFAULT_RUBRIC, snapshot([manager(A)], [facts]), 1);
    expect(indicator(result, "PARTICIPATION")).toMatchObject({ raw: 1, score: 50 });
    expect(indicator(result, "PARTICIPATION").evidence.find((e) => e.id === "g2")!.reasons).toEqual(["عضو سمن نداشت"]);
    expect(indicator(result, "RESPONSIVENESS")).toMatchObject({
      numerator: 2,
      denominator: 3,
      raw: 66.67,
      score: 74.08,
    });
  });

  it("BANDED rule scores by achievement band", () => {
    const rubric = DEFAULT_RUBRIC.map((i) =>
      i.code === "REGULARITY"
        ? {
            ...i,
            rule: "BANDED" as const,
            bands: [
              { minAchievement: 25, score: 40 },
              { minAchievement: 75, score: 80 },
              { minAchievement: 100, score: 100 },
            ],
          }
        : i,
    );
    const facts: SnapshotManagerFacts = {
      ...emptyFacts(A),
      meetings: [meeting("a", "2025-04-01", 1), meeting("b", "2025-07-01", 2)],
    };
    expect(
      indicator(scoreManager(manager(A), facts, rubric, snapshot([manager(A)], [facts]), 1), "REGULARITY").score,
    ).toBe(40); // 50 % → band 25
  });
});

describe("rubric, totals, ranks, reproducibility", () => {
  it("refuses weights not summing to 100", () => {
    expect(rubricProblems(DEFAULT_RUBRIC)).toEqual([]);
    const bad = DEFAULT_RUBRIC.map((i) => (i.code === "REGULARITY" ? { ...i, weight: 35 } : i));
    expect(rubricProblems(bad)).toEqual([
      { field: "indicators", message: "مجموع وزن شاخص‌ها باید ۱۰۰ باشد (اکنون 105)." },
    ]);
  });

  it("ranks ties together, within province and nationally per position kind", () => {
    const full = (id: string): SnapshotManagerFacts => ({
      ...emptyFacts(id),
      meetings: [meeting(`${id}1`, "2025-04-01", 1), meeting(`${id}2`, "2025-07-01", 2)],
    });
    const managers = [
      manager(A),
      manager(B),
      manager(C, { provinceId: "04", countyId: "0401" }),
      manager(D, { positionKind: "DIRECTOR_GENERAL", countyId: null }),
    ];
    const facts = [full(A), full(B), { ...emptyFacts(C), meetings: [meeting("c1", "2025-04-01", 1)] }, full(D)];
    const results = computeResults(
      snapshot(managers, facts, { activeNgos: { byProvince: { "19": 100 }, byCounty: { "1901": 100, "0401": 100 } } }),
      DEFAULT_RUBRIC,
      1,
    );
    const byId = Object.fromEntries(results.map((r) => [r.managerId, r]));
    expect(byId[A].total).toBe(byId[B].total);
    expect(byId[A].total).toBe(byId[D].total);
    expect([byId[A].provinceRank, byId[B].provinceRank, byId[D].provinceRank]).toEqual([1, 1, 1]);
    expect([byId[A].nationalRank, byId[B].nationalRank, byId[C].nationalRank, byId[D].nationalRank]).toEqual([
      1, 1, 3, 1,
    ]);
    expect(byId[C].provinceRank).toBe(1);
    expect(byId[A].total).toBe(30); // regularity 2/4 → 50 × 30 % = 15; problem focus 100 % of 80 → capped 100 × 15 % = 15; no licensed NGO, nothing else
    expect(byId[C].total).toBe(22.5); // 1/4 → 7.5 + 15
  });

  it("is byte-equal when recomputed from the JSON snapshot", () => {
    const facts = [{ ...emptyFacts(A), meetings: [meeting("a", "2025-04-01", 1, { ngoIds: [N1, N2] })] }];
    const snap = snapshot([manager(A), manager(B)], facts, { licenceStates: { [`${N1}|2025-04-01`]: "ACTIVE" } });
    const first = canonicalResults(computeResults(snap, DEFAULT_RUBRIC, 1));
    const again = canonicalResults(
      computeResults(JSON.parse(JSON.stringify(snap)), JSON.parse(JSON.stringify(DEFAULT_RUBRIC)), 1),
    );
    expect(again.text).toBe(first.text);
    expect(again.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("resultsHash (what runs store, fed result by result) is the hash of the canonical text", () => {
    const results = computeResults(syntheticFacts(120), DEFAULT_RUBRIC, 2);
    expect(results.length).toBeGreaterThan(1);
    expect(resultsHash(results)).toBe(canonicalResults(results).hash);
    expect(resultsHash(results.slice(0, 1))).toBe(canonicalResults(results.slice(0, 1)).hash);
    expect(resultsHash([])).toBe(canonicalResults([]).hash);
  });

  it("scoredResults (ranks planned without evidence, results one at a time) gives computeResults' very bytes", () => {
    const format1 = JSON.parse(readFileSync(join(__dirname, "fixtures", "format1Run.json"), "utf8")) as {
      snapshot: FactsSnapshot;
    };
    const ties = snapshot(
      [
        manager(A),
        manager(B),
        manager(C, { provinceId: "04", countyId: "0401" }),
        manager(D, { tenureEnd: "2024-01-01" }),
      ],
      [
        { ...emptyFacts(A), meetings: [meeting("a", "2025-04-01", 1)] },
        { ...emptyFacts(B), meetings: [meeting("b", "2025-04-01", 1)] },
      ],
    );
    const cases: [FactsSnapshot, 1 | 2][] = [
      [JSON.parse(JSON.stringify(syntheticFacts(300))) as FactsSnapshot, 2],
      [JSON.parse(JSON.stringify(syntheticFacts(300))) as FactsSnapshot, 1],
      [format1.snapshot, 1],
      [ties, 1],
      [ties, 2],
    ];
    for (const [facts, version] of cases) {
      const expected = canonicalResults(computeResults(facts, DEFAULT_RUBRIC, version));
      const plan = planResults(facts, DEFAULT_RUBRIC, version);
      expect(plan.managers.length).toBe(JSON.parse(expected.text).length);
      expect(JSON.stringify([...scoredResults(facts, DEFAULT_RUBRIC, version, plan)])).toBe(expected.text);
      expect(resultsHash(scoredResults(facts, DEFAULT_RUBRIC, version))).toBe(expected.hash);
    }
    // The ties: A and B share rank 1 in province 19 and nationally, C is first of its province, D has no tenure.
    expect(
      planResults(ties, DEFAULT_RUBRIC, 2).managers.map((m) => [m.manager.id, m.provinceRank, m.nationalRank]),
    ).toEqual([
      [A, 1, 1],
      [B, 1, 1],
      [C, 1, 3],
    ]);
  });
});
