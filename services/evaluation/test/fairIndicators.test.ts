import {
  canonicalResults,
  computeResults,
  CURRENT_RULES_VERSION,
  DEFAULT_RUBRIC,
  FactsSnapshot,
  redistributeWeights,
  scoreManager,
  SnapshotManager,
  SnapshotManagerFacts,
  SnapshotMeeting,
} from "@hamafza/evaluation";

/**
 * Rules version 2 (issue 15): an indicator without occasion is not applicable and its weight is spread over the
 * applicable ones; NGO_REACH counts the same NGOs (active with a valid licence) on both sides. Version 1 unchanged.
 */
const A = "00000000-0000-4000-8000-00000000000a";
const N1 = "10000000-0000-4000-8000-000000000001";
const N2 = "10000000-0000-4000-8000-000000000002";

const manager: SnapshotManager = {
  id: A,
  name: "مدیر الف",
  position: "فرماندار",
  positionKind: "COUNTY_GOVERNOR",
  agencyId: "20000000-0000-4000-8000-000000000001",
  provinceId: "19",
  countyId: "1901",
  tenureStart: "2020-01-01",
  tenureEnd: null,
};
const meeting = (id: string, date: string, quarter: number, ngoIds: string[]): SnapshotMeeting => ({
  meetingId: id,
  title: `نشست ${id}`,
  kind: "QUARTERLY_PROBLEM_CENTRED",
  date,
  quarter,
  ngoIds,
  countsForRegularity: true,
  problemFocused: true,
  exclusionReasons: [],
});
/** Four quarterly meetings (REGULARITY 4/4, PROBLEM_FOCUS 100 %), N1 licensed, N2 expired; no resolution, group or request. */
const facts: SnapshotManagerFacts = {
  managerId: A,
  meetings: [
    meeting("m1", "2025-04-01", 1, [N1, N2]),
    meeting("m2", "2025-07-01", 2, [N1]),
    meeting("m3", "2025-10-01", 3, [N1]),
    meeting("m4", "2026-01-01", 4, [N1]),
  ],
  resolutions: [],
  workingGroups: [],
  requests: [],
};
const snapshot = (over: Partial<FactsSnapshot> = {}): FactsSnapshot => ({
  year: 1404,
  asOf: "2026-03-25",
  managers: [manager],
  facts: [facts],
  licenceStates: Object.fromEntries(
    facts.meetings.flatMap((m) => [
      [`${N1}|${m.date}`, "ACTIVE"],
      [`${N2}|${m.date}`, "EXPIRED"],
    ]),
  ),
  // 10 ACTIVE NGOs in the county, of which 5 hold a valid licence.
  activeNgos: { byProvince: { "19": 40 }, byCounty: { "1901": 10 } },
  licensedNgos: { byProvince: { "19": 20 }, byCounty: { "1901": 5 } },
  ...over,
});
const byCode = (result: ReturnType<typeof scoreManager>) =>
  Object.fromEntries(result!.indicators.map((i) => [i.code, i]));

describe("redistributeWeights", () => {
  it("spreads the weight of not-applicable indicators proportionally, keeping the sum", () => {
    // Applicable 30 + 15 + 20 + 10 = 75 of 100: each × 100/75.
    const spread = redistributeWeights([30, 15, 15, 20, 10, 10], [true, true, false, true, true, false]);
    [40, 20, 0, 80 / 3, 40 / 3, 0].forEach((w, i) => expect(spread[i]).toBeCloseTo(w, 10));
    const applied = redistributeWeights([30, 15, 15, 20, 10, 10], [true, false, true, true, true, true]);
    expect(applied.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 10);
    expect(redistributeWeights([50, 50], [true, true])).toEqual([50, 50]);
    expect(redistributeWeights([50, 50], [false, false])).toEqual([0, 0]);
  });
});

describe("rules version 2", () => {
  it("is what new runs use", () => expect(CURRENT_RULES_VERSION).toBe(2));

  it("an indicator with no occasion (0 of 0) is not applicable, with a reason, and its weight goes to the others", () => {
    const result = scoreManager(manager, facts, DEFAULT_RUBRIC, snapshot(), 2)!;
    const i = byCode(result);
    for (const code of ["FOLLOW_THROUGH", "RESPONSIVENESS"]) {
      expect(i[code]).toMatchObject({ applicable: false, appliedWeight: 0, score: 0, contribution: 0, denominator: 0 });
      expect(i[code].notApplicableReason).toMatch(/موضوعیت ندارد/);
    }
    // Applicable: REGULARITY 30, PROBLEM_FOCUS 15, NGO_REACH 15, PARTICIPATION 10 = 70 of 100 → × 100/70.
    expect(i.REGULARITY).toMatchObject({
      applicable: true,
      appliedWeight: 42.86,
      score: 100,
      notApplicableReason: null,
    });
    expect(i.PROBLEM_FOCUS).toMatchObject({ applicable: true, appliedWeight: 21.43, score: 100 });
    expect(i.PARTICIPATION).toMatchObject({ applicable: true, appliedWeight: 14.29, score: 0 });
    // NGO_REACH: 1 licensed NGO reached of 5 licensed → 20 % = target → 100.
    expect(i.NGO_REACH).toMatchObject({ applicable: true, numerator: 1, denominator: 5, raw: 20, score: 100 });
    // (100 × 30 + 100 × 15 + 100 × 15 + 0 × 10) / 70 = 85.71
    expect(result.total).toBe(85.71);
    expect(result.grade).toBe("GOOD");
  });

  it("version 1 scores the same facts with a silent 0 and the unlicensed NGOs in the denominator", () => {
    const result = scoreManager(manager, facts, DEFAULT_RUBRIC, snapshot(), 1)!;
    const i = byCode(result);
    expect(i.FOLLOW_THROUGH).toMatchObject({ score: 0, weight: 20, denominator: 0 });
    expect(i.FOLLOW_THROUGH).not.toHaveProperty("applicable");
    expect(i.NGO_REACH).toMatchObject({ numerator: 1, denominator: 10, raw: 10, score: 50 });
    // 30 + 15 + 7.5 + 0 + 0 + 0
    expect(result.total).toBe(52.5);
  });

  it("NGO_REACH: both sides count licensed NGOs; no licensed NGO in the territory makes it not applicable", () => {
    const none = snapshot({ licensedNgos: { byProvince: {}, byCounty: { "1901": 0 } } });
    const reach = byCode(scoreManager(manager, facts, DEFAULT_RUBRIC, none, 2)).NGO_REACH;
    expect(reach).toMatchObject({ applicable: false, appliedWeight: 0, denominator: 0, score: 0 });
    // The expired NGO's attendance stays in the evidence, not counted, on either version.
    expect(reach.evidence.filter((e) => e.id === N2)).toEqual([
      expect.objectContaining({ counted: false, reasons: ["مجوز سمن در تاریخ نشست منقضی شده بود"] }),
    ]);
    // A provincial manager: the province's licensed count.
    const provincial = { ...manager, countyId: null };
    const p = byCode(scoreManager(provincial, facts, DEFAULT_RUBRIC, snapshot({ managers: [provincial] }), 2));
    expect(p.NGO_REACH).toMatchObject({ numerator: 1, denominator: 20, raw: 5 });
  });

  it("with every share indicator applicable, totals equal version 1's (only the keys differ)", () => {
    const full: SnapshotManagerFacts = {
      ...facts,
      resolutions: [
        {
          resolutionId: "r1",
          meetingId: "m1",
          deadline: "2025-08-01",
          status: "DONE",
          completedOn: "2025-07-01",
          doneByDeadline: true,
          overdue: false,
        },
      ],
      requests: [
        {
          kind: "DEMAND",
          id: "d1",
          ngoId: N1,
          submittedOn: "2025-05-01",
          respondedOn: "2025-05-10",
          responseDays: 9,
          answeredWithin30Days: true,
          stillWithin30Days: false,
        },
      ],
    };
    const same = snapshot({ facts: [full], licensedNgos: snapshot().activeNgos });
    const v1 = computeResults(same, DEFAULT_RUBRIC, 1);
    const v2 = computeResults(same, DEFAULT_RUBRIC, 2);
    expect(v2[0].total).toBe(v1[0].total);
    expect(v2[0].indicators.every((i) => i.applicable && i.appliedWeight === i.weight)).toBe(true);
    expect(canonicalResults(v2).hash).not.toBe(canonicalResults(v1).hash);
  });
});
