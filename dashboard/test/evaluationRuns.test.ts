import { describe, expect, it } from "@jest/globals";
import {
  clampProgress,
  computedGrade,
  defaultComparison,
  deltaColor,
  diffSummary,
  formatDuration,
  formatScore,
  formatSigned,
  indicatorFieldErrors,
  indicatorTitles,
  isChanged,
  phaseLabel,
  RUN_PHASE_LABELS,
  runningRun,
  statusLabel,
  succeededRuns,
  whatIfSummary,
  type RunChange,
  type WhatIfRow,
} from "../src/evaluation/runs";

const run = (id: string, status: string, computedAt: string) => ({ id, status, computedAt });

const RUNS = [
  run("r1", "SUCCEEDED", "2026-03-01T08:00:00Z"),
  run("r4", "RUNNING", "2026-03-04T08:00:00Z"),
  run("r2", "FAILED", "2026-03-02T08:00:00Z"),
  run("r3", "SUCCEEDED", "2026-03-03T08:00:00Z"),
];

const change = (overrides: Partial<RunChange>): RunChange => ({
  managerId: "m",
  managerName: "مدیر",
  before: 80,
  after: 80,
  delta: 0,
  gradeBefore: "GOOD",
  gradeAfter: "GOOD",
  changedIndicators: [],
  ...overrides,
});

const whatIf = (computedTotal: number, total: number): WhatIfRow => ({
  managerId: `m${computedTotal}-${total}`,
  managerName: "مدیر",
  positionKind: "COUNTY_GOVERNOR",
  provinceId: "19",
  computedTotal,
  total,
  delta: Math.round((total - computedTotal) * 100) / 100,
  grade: total >= 90 ? "EXCELLENT" : total >= 75 ? "GOOD" : total >= 60 ? "ACCEPTABLE" : "NEEDS_IMPROVEMENT",
  provinceRank: 1,
  nationalRank: 1,
});

describe("evaluation runs: phases, statuses and progress", () => {
  it("labels every phase and status in Persian", () => {
    expect(phaseLabel("FETCHING_FACTS")).toBe("دریافت داده‌های تعامل");
    expect(phaseLabel("SCORING")).toBe("محاسبه امتیازها");
    for (const label of Object.values(RUN_PHASE_LABELS)) expect(label).toMatch(/[\u0600-\u06FF]/);
    expect(phaseLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(phaseLabel(undefined)).toBe("");
    expect(statusLabel("RUNNING")).toBe("در حال اجرا");
    expect(statusLabel("SUCCEEDED")).toBe("موفق");
    expect(statusLabel("FAILED")).toBe("ناموفق");
  });

  it("clamps progress for a determinate bar", () => {
    expect(clampProgress(45)).toBe(45);
    expect(clampProgress(140)).toBe(100);
    expect(clampProgress(-3)).toBe(0);
    expect(clampProgress(null)).toBe(0);
    expect(clampProgress("33.6")).toBe(34);
  });

  it("formats durations in Persian", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(850)).toBe("۸۵۰ میلی‌ثانیه");
    expect(formatDuration(12_340)).toBe("۱۲٫۳ ثانیه");
    expect(formatDuration(125_000)).toBe("۲ دقیقه و ۵ ثانیه");
    expect(formatDuration(120_000)).toBe("۲ دقیقه");
  });

  it("finds the RUNNING run to resume and the SUCCEEDED runs newest first", () => {
    expect(runningRun(RUNS)?.id).toBe("r4");
    expect(runningRun(RUNS.filter((item) => item.status !== "RUNNING"))).toBeUndefined();
    expect(succeededRuns(RUNS).map((item) => item.id)).toEqual(["r3", "r1"]);
  });

  it("compares the two newest SUCCEEDED runs by default (older → newer)", () => {
    expect(defaultComparison(RUNS)).toEqual({ fromRunId: "r1", toRunId: "r3" });
    expect(defaultComparison([RUNS[0]])).toEqual({ fromRunId: undefined, toRunId: "r1" });
    expect(defaultComparison([])).toEqual({ fromRunId: undefined, toRunId: undefined });
  });
});

describe("evaluation run comparison", () => {
  it("formats signed deltas and scores with Persian digits and colours them", () => {
    expect(formatSigned(2.5)).toBe("+۲٫۵");
    expect(formatSigned(-1)).toBe("−۱");
    expect(formatSigned(0.001)).toBe("۰");
    expect(formatSigned(null)).toBe("—");
    expect(formatScore(81.456)).toBe("۸۱٫۴۶");
    expect(formatScore(90)).toBe("۹۰");
    expect(formatScore(null)).toBe("—");
    expect(deltaColor(3)).toBe("success.main");
    expect(deltaColor(-0.5)).toBe("error.main");
    expect(deltaColor(0)).toBe("text.secondary");
    expect(deltaColor(null)).toBe("text.secondary");
  });

  it("tells changed managers apart and summarises", () => {
    const rows = [
      change({}),
      change({ after: 82, delta: 2, changedIndicators: ["REGULARITY"] }),
      change({ after: 74, delta: -6, gradeAfter: "ACCEPTABLE" }),
      change({ before: null, delta: null, gradeBefore: null }),
      change({ changedIndicators: ["NGO_REACH"] }),
    ];
    expect(rows.map(isChanged)).toEqual([false, true, true, true, true]);
    expect(diffSummary(rows)).toEqual({ managers: 5, changed: 4, gradeChanged: 2 });
  });

  it("shows indicator codes as the rubric titles", () => {
    expect(indicatorTitles(["REGULARITY", "UNKNOWN"], [{ code: "REGULARITY", title: "منظم بودن نشست‌ها" }])).toEqual([
      "منظم بودن نشست‌ها",
      "UNKNOWN",
    ]);
  });
});

describe("evaluation what-if", () => {
  it("summarises grade changes and the mean delta", () => {
    const rows = [whatIf(80, 92), whatIf(76, 70), whatIf(50, 52), whatIf(95, 93)];
    expect(computedGrade(rows[0])).toBe("GOOD");
    expect(whatIfSummary(rows)).toEqual({
      managers: 4,
      gradeChanged: 2,
      gradeUp: 1,
      gradeDown: 1,
      meanDelta: 1.5,
      maxAbsDelta: 12,
    });
    expect(whatIfSummary([])).toEqual({
      managers: 0,
      gradeChanged: 0,
      gradeUp: 0,
      gradeDown: 0,
      meanDelta: 0,
      maxAbsDelta: 0,
    });
  });

  it("maps server field errors (indicators.N.weight) to the inputs of the indicators sent", () => {
    const sent = [{ code: "REGULARITY" }, { code: "PROBLEM_FOCUS" }];
    expect(
      indicatorFieldErrors(
        {
          "indicators.1.weight": "وزن هر شاخص باید بین ۰ و ۱۰۰ باشد.",
          "indicators.0.target": "هدف هر شاخص باید بیشتر از صفر باشد.",
          indicators: "مجموع وزن شاخص‌ها باید ۱۰۰ باشد (اکنون ۱۰۵).",
          "indicators.9.weight": "خارج از فهرست",
        },
        sent,
      ),
    ).toEqual({
      byCode: {
        PROBLEM_FOCUS: { weight: "وزن هر شاخص باید بین ۰ و ۱۰۰ باشد." },
        REGULARITY: { target: "هدف هر شاخص باید بیشتر از صفر باشد." },
      },
      general: ["مجموع وزن شاخص‌ها باید ۱۰۰ باشد (اکنون ۱۰۵).", "خارج از فهرست"],
    });
    expect(indicatorFieldErrors(undefined, sent)).toEqual({ byCode: {}, general: [] });
  });
});
