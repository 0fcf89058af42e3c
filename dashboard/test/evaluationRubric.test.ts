import { describe, expect, it } from "@jest/globals";
import {
  adjustmentProblem,
  canCompute,
  gradeOf,
  gradeShares,
  nextCycleStates,
  rubricChanges,
  rubricProblem,
  splitEvidence,
  weightSum,
  type Indicator,
} from "../src/evaluation/rubric";

const indicator = (code: string, weight: number, target = 4): Indicator => ({
  code,
  title: code,
  definition: "",
  weight,
  target,
  unit: "",
  rule: "LINEAR",
  bands: [],
});

const DEFAULT_1404 = [
  indicator("REGULARITY", 30, 4),
  indicator("PROBLEM_FOCUS", 15, 80),
  indicator("NGO_REACH", 15, 20),
  indicator("FOLLOW_THROUGH", 20, 90),
  indicator("PARTICIPATION", 10, 2),
  indicator("RESPONSIVENESS", 10, 90),
];

describe("rubric weights", () => {
  it("sums the weights, also typed as text, without float noise", () => {
    expect(weightSum(DEFAULT_1404)).toBe(100);
    expect(weightSum([{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.34 }])).toBe(100);
    expect(weightSum([{ weight: "40" }, { weight: "" }, { weight: undefined }, { weight: 10.5 }])).toBe(50.5);
  });

  it("accepts the default 1404 rubric and refuses one not summing to 100", () => {
    expect(rubricProblem(DEFAULT_1404)).toBeUndefined();
    const heavier = DEFAULT_1404.map((item) => (item.code === "REGULARITY" ? { ...item, weight: 35 } : item));
    expect(rubricProblem(heavier)).toBe("جمع وزن‌ها باید ۱۰۰ باشد (اکنون ۱۰۵).");
  });

  it("refuses negative weights and non-positive targets", () => {
    expect(rubricProblem([indicator("A", -10), indicator("B", 110)])).toMatch(/A/);
    expect(rubricProblem([indicator("A", 100, 0)])).toMatch(/هدف/);
  });

  it("sends only the changed indicators, by code", () => {
    const edited = DEFAULT_1404.map((item) =>
      item.code === "REGULARITY"
        ? { ...item, weight: 25 }
        : item.code === "NGO_REACH"
          ? { ...item, weight: 20, target: 25 }
          : item,
    );
    expect(rubricChanges(DEFAULT_1404, edited)).toEqual([
      { code: "REGULARITY", weight: 25 },
      { code: "NGO_REACH", weight: 20, target: 25 },
    ]);
    expect(rubricChanges(DEFAULT_1404, [{ code: "UNKNOWN", weight: 1 }])).toEqual([]);
  });
});

describe("grades, states, evidence and adjustments", () => {
  it("bands the totals like the service", () => {
    expect([95, 90, 89.99, 75, 60, 59.9, 0].map(gradeOf)).toEqual([
      "EXCELLENT",
      "EXCELLENT",
      "GOOD",
      "GOOD",
      "ACCEPTABLE",
      "NEEDS_IMPROVEMENT",
      "NEEDS_IMPROVEMENT",
    ]);
  });

  it("offers the allowed transitions only", () => {
    expect(nextCycleStates("DRAFT")).toEqual(["OPEN"]);
    expect(nextCycleStates("OPEN")).toEqual(["UNDER_REVIEW", "DRAFT"]);
    expect(nextCycleStates("UNDER_REVIEW")).toEqual(["FINAL", "OPEN"]);
    expect(nextCycleStates("FINAL")).toEqual(["PUBLISHED"]);
    expect(nextCycleStates("PUBLISHED")).toEqual([]);
    expect(canCompute("OPEN")).toBe(true);
    expect(canCompute("FINAL")).toBe(false);
  });

  it("splits counted and excluded evidence", () => {
    const evidence = [
      { kind: "MEETING", id: "1", label: "a", counted: true, reasons: [] },
      { kind: "MEETING", id: "2", label: "b", counted: false, reasons: ["هیچ سمنی حاضر نبود"] },
    ];
    const { counted, excluded } = splitEvidence(evidence);
    expect(counted.map((item) => item.id)).toEqual(["1"]);
    expect(excluded[0].reasons).toEqual(["هیچ سمنی حاضر نبود"]);
  });

  it("computes grade shares in percent", () => {
    expect(
      gradeShares([
        { grade: "EXCELLENT", count: 1 },
        { grade: "GOOD", count: 2 },
      ]),
    ).toEqual([
      { grade: "EXCELLENT", count: 1, percent: 33.3 },
      { grade: "GOOD", count: 2, percent: 66.7 },
    ]);
    expect(gradeShares([{ grade: "GOOD", count: 0 }])[0].percent).toBe(0);
  });

  it("checks an adjustment like the service: ±10 points, a justification of 10 characters", () => {
    expect(adjustmentProblem(5, "جلسه ثبت‌نشده با مدرک")).toBeUndefined();
    expect(adjustmentProblem(11, "کوتاه")).toEqual({ points: expect.any(String), justification: expect.any(String) });
    expect(adjustmentProblem(-10, "توجیه کافی و کامل")).toBeUndefined();
  });
});
