import { createHash } from "node:crypto";
import { jalaliToIsoDate } from "@hamafza/common";

/**
 * The pure scoring of the 1404 rubric: facts snapshot + rubric → per-manager results. No I/O, no clock, no
 * randomness; the same snapshot and rubric give byte-equal `canonicalResults` (what `recomputeEvaluationRun` checks).
 */

export type IndicatorCode =
  "REGULARITY" | "PROBLEM_FOCUS" | "NGO_REACH" | "FOLLOW_THROUGH" | "PARTICIPATION" | "RESPONSIVENESS";
export const INDICATOR_CODES: IndicatorCode[] = [
  "REGULARITY",
  "PROBLEM_FOCUS",
  "NGO_REACH",
  "FOLLOW_THROUGH",
  "PARTICIPATION",
  "RESPONSIVENESS",
];

export type ScoringRuleKind = "LINEAR" | "BANDED";

export interface ScoreBandSpec {
  /** Lowest achievement (raw / prorated target × 100) that earns the band. */
  minAchievement: number;
  score: number;
}

export interface IndicatorSpec {
  code: IndicatorCode;
  title: string;
  definition: string;
  weight: number;
  target: number;
  unit: string;
  rule: ScoringRuleKind;
  bands: ScoreBandSpec[];
}

/** Count targets are prorated by tenure quarters; share targets (percentages) are not. */
export const PRORATED: ReadonlySet<IndicatorCode> = new Set(["REGULARITY", "PARTICIPATION"]);

export const DEFAULT_RUBRIC: IndicatorSpec[] = [
  {
    code: "REGULARITY",
    title: "منظم بودن نشست‌های مسئله‌محور",
    definition: "فصل‌های سال که دست‌کم یک نشست فصلی مسئله‌محور به ریاست مدیر با حضور دست‌کم یک سمن برگزار شده است.",
    weight: 30,
    target: 4,
    unit: "فصل",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "PROBLEM_FOCUS",
    title: "مسئله‌محوری نشست‌ها",
    definition:
      "سهم نشست‌های شمارش‌شده که دست‌کم یک دستور جلسه مرتبط با آسیب اجتماعی یا مطالبه سمن و دست‌کم یک مصوبه داشته‌اند.",
    weight: 15,
    target: 80,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "NGO_REACH",
    title: "گستره مشارکت سمن‌ها",
    definition:
      "سمن‌های متمایز دارای مجوز معتبر در تاریخ نشست که در نشست‌های مدیر حضور داشته‌اند، نسبت به سمن‌های فعال قلمرو مدیر.",
    weight: 15,
    target: 20,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "FOLLOW_THROUGH",
    title: "پیگیری مصوبات",
    definition: "مصوبات با مسئولیت مدیر یا دستگاه او که مهلتشان در سال است و تا مهلت انجام شده‌اند.",
    weight: 20,
    target: 90,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "PARTICIPATION",
    title: "کارگروه‌های مشارکتی",
    definition: "کارگروه‌هایی به ریاست دستگاه مدیر که عضو سمن دارند و در سال دست‌کم دو بار تشکیل جلسه داده‌اند.",
    weight: 10,
    target: 2,
    unit: "کارگروه",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "RESPONSIVENESS",
    title: "پاسخگویی به سمن‌ها",
    definition: "پیشنهادها و مطالبات سمن‌ها که به دستگاه مدیر ارجاع شده و ظرف ۳۰ روز پاسخ گرفته‌اند.",
    weight: 10,
    target: 90,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
];

/** Persian problems of a rubric (empty when valid): six known distinct codes, positive targets, weights summing to 100, bands in order. */
export function rubricProblems(indicators: IndicatorSpec[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const codes = indicators.map((i) => i.code);
  if (new Set(codes).size !== codes.length || codes.some((c) => !INDICATOR_CODES.includes(c))) {
    problems.push({ field: "indicators", message: "کد شاخص‌ها باید یکتا و از شاخص‌های تعریف‌شده باشد." });
  }
  indicators.forEach((i, n) => {
    if (!(i.weight >= 0 && i.weight <= 100))
      problems.push({ field: `indicators.${n}.weight`, message: "وزن هر شاخص باید بین ۰ و ۱۰۰ باشد." });
    if (!(i.target > 0))
      problems.push({ field: `indicators.${n}.target`, message: "هدف هر شاخص باید بیشتر از صفر باشد." });
    if (!i.title?.trim()) problems.push({ field: `indicators.${n}.title`, message: "عنوان شاخص را وارد کنید." });
    if (i.rule === "BANDED") {
      const ok =
        i.bands.length > 0 &&
        i.bands.every(
          (b, k) => b.score >= 0 && b.score <= 100 && (k === 0 || b.minAchievement > i.bands[k - 1].minAchievement),
        );
      if (!ok)
        problems.push({
          field: `indicators.${n}.bands`,
          message: "بازه‌های امتیاز باید به ترتیب صعودی و امتیازها بین ۰ و ۱۰۰ باشند.",
        });
    }
  });
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 100) > 1e-9)
    problems.push({ field: "indicators", message: `مجموع وزن شاخص‌ها باید ۱۰۰ باشد (اکنون ${sum}).` });
  return problems;
}

// ---- snapshot shapes (JSON; as stored in evaluation_run.snapshot) ----

export interface SnapshotManager {
  id: string;
  name: string;
  position: string;
  positionKind: string;
  agencyId: string;
  provinceId: string;
  countyId: string | null;
  tenureStart: string;
  tenureEnd: string | null;
}

export interface SnapshotMeeting {
  meetingId: string;
  title: string;
  kind: string;
  date: string;
  quarter: number;
  ngoIds: string[];
  countsForRegularity: boolean;
  problemFocused: boolean;
  exclusionReasons: string[];
}

export interface SnapshotManagerFacts {
  managerId: string;
  meetings: SnapshotMeeting[];
  resolutions: {
    resolutionId: string;
    meetingId: string;
    deadline: string;
    status: string;
    completedOn: string | null;
    doneByDeadline: boolean;
    overdue: boolean;
  }[];
  workingGroups: {
    workingGroupId: string;
    name: string;
    ngoMemberIds: string[];
    sessionsHeld: number;
    qualifies: boolean;
  }[];
  requests: {
    kind: string;
    id: string;
    ngoId: string;
    submittedOn: string;
    respondedOn: string | null;
    responseDays: number | null;
    answeredWithin30Days: boolean;
    stillWithin30Days: boolean;
  }[];
}

export interface FactsSnapshot {
  year: number;
  asOf: string;
  managers: SnapshotManager[];
  facts: SnapshotManagerFacts[];
  /** Licence state of an NGO on a day, keyed `ngoId|YYYY-MM-DD`. */
  licenceStates: Record<string, string>;
  /** Active NGOs per province code and per county code. */
  activeNgos: { byProvince: Record<string, number>; byCounty: Record<string, number> };
}

// ---- results ----

export interface EvidenceItem {
  kind: "MEETING" | "RESOLUTION" | "WORKING_GROUP" | "PROPOSAL" | "DEMAND" | "NGO_ATTENDANCE" | "QUARTER";
  id: string;
  label: string;
  date: string | null;
  counted: boolean;
  reasons: string[];
}

export interface IndicatorResultData {
  code: IndicatorCode;
  title: string;
  unit: string;
  raw: number;
  numerator: number;
  denominator: number | null;
  target: number;
  proratedTarget: number;
  achievement: number;
  score: number;
  weight: number;
  contribution: number;
  evidence: EvidenceItem[];
}

export interface ManagerResultData {
  managerId: string;
  managerName: string;
  position: string;
  positionKind: string;
  provinceId: string;
  countyId: string | null;
  tenureQuarters: number[];
  total: number;
  grade: string;
  provinceRank: number;
  nationalRank: number;
  indicators: IndicatorResultData[];
}

export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

export function gradeOfTotal(total: number): string {
  if (total >= 90) return "EXCELLENT";
  if (total >= 75) return "GOOD";
  if (total >= 60) return "ACCEPTABLE";
  return "NEEDS_IMPROVEMENT";
}

/** The Jalali quarters (1–4) of `year` that the tenure overlaps, on Gregorian ISO days. */
export function tenureQuarters(year: number, tenureStart: string, tenureEnd: string | null): number[] {
  const bounds = quarterBounds(year);
  const quarters: number[] = [];
  for (let q = 1; q <= 4; q++) {
    if (tenureStart < bounds[q] && (tenureEnd === null || tenureEnd >= bounds[q - 1])) quarters.push(q);
  }
  return quarters;
}

const boundsCache = new Map<number, string[]>();
/** First days of the year's quarters 1–4 and of the next year (index 0–4), Gregorian ISO; cached per year. */
function quarterBounds(year: number): string[] {
  let bounds = boundsCache.get(year);
  if (!bounds) {
    bounds = [
      jalaliToIsoDate(year, 1, 1),
      jalaliToIsoDate(year, 4, 1),
      jalaliToIsoDate(year, 7, 1),
      jalaliToIsoDate(year, 10, 1),
      jalaliToIsoDate(year + 1, 1, 1),
    ];
    boundsCache.set(year, bounds);
  }
  return bounds;
}

const VALID_LICENCE = new Set(["ACTIVE", "EXPIRING"]);
const LICENCE_REASON: Record<string, string> = {
  EXPIRED: "مجوز سمن در تاریخ نشست منقضی شده بود",
  SUSPENDED: "مجوز سمن در تاریخ نشست تعلیق بود",
  REVOKED: "مجوز سمن در تاریخ نشست ابطال شده بود",
  NONE: "سمن در تاریخ نشست مجوز نداشت",
};
const OUT_OF_TENURE = "خارج از دوره تصدی مدیر در این سال";

function scoreOf(spec: IndicatorSpec, raw: number, proratedTarget: number): { achievement: number; score: number } {
  const achievement = proratedTarget > 0 ? (raw / proratedTarget) * 100 : 0;
  if (spec.rule === "BANDED") {
    let score = 0;
    for (const band of spec.bands) if (achievement >= band.minAchievement) score = band.score;
    return { achievement: round2(achievement), score: round2(Math.min(100, score)) };
  }
  return { achievement: round2(achievement), score: round2(Math.min(100, achievement)) };
}

/** Raw value and evidence of one indicator for one manager (the tenure quarters given). */
function measure(
  code: IndicatorCode,
  manager: SnapshotManager,
  facts: SnapshotManagerFacts,
  quarters: number[],
  snapshot: FactsSnapshot,
): { raw: number; numerator: number; denominator: number | null; evidence: EvidenceItem[] } {
  const inTenure = (date: string) =>
    date >= manager.tenureStart && (manager.tenureEnd === null || date <= manager.tenureEnd);
  const meetings = facts.meetings.filter((m) => inTenure(m.date));
  const percent = (num: number, den: number) => (den > 0 ? round2((num / den) * 100) : 0);
  switch (code) {
    case "REGULARITY": {
      const counted = new Set(
        meetings.filter((m) => m.countsForRegularity && quarters.includes(m.quarter)).map((m) => m.quarter),
      );
      const evidence: EvidenceItem[] = facts.meetings.map((m) => {
        const counts = inTenure(m.date) && m.countsForRegularity;
        return {
          kind: "MEETING",
          id: m.meetingId,
          label: m.title,
          date: m.date,
          counted: counts,
          reasons: !inTenure(m.date) ? [OUT_OF_TENURE] : counts ? [] : m.exclusionReasons,
        };
      });
      for (const q of [1, 2, 3, 4]) {
        if (!quarters.includes(q))
          evidence.push({
            kind: "QUARTER",
            id: String(q),
            label: `فصل ${q}`,
            date: null,
            counted: false,
            reasons: [OUT_OF_TENURE],
          });
        else if (!counted.has(q))
          evidence.push({
            kind: "QUARTER",
            id: String(q),
            label: `فصل ${q}`,
            date: null,
            counted: false,
            reasons: ["در این فصل نشست فصلی مسئله‌محور با حضور سمن برگزار نشد"],
          });
      }
      return { raw: counted.size, numerator: counted.size, denominator: quarters.length, evidence };
    }
    case "PROBLEM_FOCUS": {
      const base = meetings.filter((m) => m.countsForRegularity);
      const focused = base.filter((m) => m.problemFocused);
      const evidence: EvidenceItem[] = facts.meetings.map((m) => ({
        kind: "MEETING",
        id: m.meetingId,
        label: m.title,
        date: m.date,
        counted: inTenure(m.date) && m.problemFocused,
        reasons: !inTenure(m.date) ? [OUT_OF_TENURE] : m.problemFocused ? [] : m.exclusionReasons,
      }));
      return {
        raw: percent(focused.length, base.length),
        numerator: focused.length,
        denominator: base.length,
        evidence,
      };
    }
    case "NGO_REACH": {
      const reached = new Set<string>();
      const evidence: EvidenceItem[] = [];
      for (const m of meetings) {
        for (const ngoId of m.ngoIds) {
          const state = snapshot.licenceStates[`${ngoId}|${m.date}`] ?? "NONE";
          const valid = VALID_LICENCE.has(state);
          if (valid) reached.add(ngoId);
          evidence.push({
            kind: "NGO_ATTENDANCE",
            id: ngoId,
            label: m.title,
            date: m.date,
            counted: valid,
            reasons: valid ? [] : [LICENCE_REASON[state] ?? LICENCE_REASON.NONE],
          });
        }
      }
      const active = manager.countyId
        ? (snapshot.activeNgos.byCounty[manager.countyId] ?? 0)
        : (snapshot.activeNgos.byProvince[manager.provinceId] ?? 0);
      return { raw: percent(reached.size, active), numerator: reached.size, denominator: active, evidence };
    }
    case "FOLLOW_THROUGH": {
      const evidence: EvidenceItem[] = [];
      let due = 0;
      let done = 0;
      for (const r of facts.resolutions) {
        const notYetDue = !r.doneByDeadline && !r.overdue && r.deadline >= snapshot.asOf && r.status !== "DONE";
        const counts = !notYetDue;
        if (counts) due++;
        if (counts && r.doneByDeadline) done++;
        const reasons = notYetDue
          ? ["مهلت آن در تاریخ داده‌ها هنوز نرسیده بود"]
          : r.doneByDeadline
            ? []
            : r.status === "DONE"
              ? ["پس از مهلت انجام شد"]
              : ["تا مهلت انجام نشد"];
        evidence.push({
          kind: "RESOLUTION",
          id: r.resolutionId,
          label: `مصوبه با مهلت ${r.deadline}`,
          date: r.deadline,
          counted: counts && r.doneByDeadline,
          reasons,
        });
      }
      return { raw: percent(done, due), numerator: done, denominator: due, evidence };
    }
    case "PARTICIPATION": {
      const evidence: EvidenceItem[] = facts.workingGroups.map((g) => ({
        kind: "WORKING_GROUP",
        id: g.workingGroupId,
        label: g.name,
        date: null,
        counted: g.qualifies,
        reasons: g.qualifies
          ? []
          : [
              ...(g.ngoMemberIds.length ? [] : ["عضو سمن نداشت"]),
              ...(g.sessionsHeld >= 2 ? [] : [`در سال ${g.sessionsHeld} بار تشکیل جلسه داد (کمتر از ۲)`]),
            ],
      }));
      const n = facts.workingGroups.filter((g) => g.qualifies).length;
      return { raw: n, numerator: n, denominator: null, evidence };
    }
    case "RESPONSIVENESS": {
      let base = 0;
      let answered = 0;
      const evidence: EvidenceItem[] = facts.requests.map((r) => {
        const pending = r.stillWithin30Days;
        if (!pending) base++;
        if (r.answeredWithin30Days) answered++;
        const reasons = r.answeredWithin30Days
          ? []
          : pending
            ? ["هنوز ۳۰ روز از ثبت آن نگذشته بود"]
            : r.respondedOn
              ? [`پس از ${r.responseDays} روز پاسخ داده شد`]
              : ["بی‌پاسخ ماند"];
        return {
          kind: r.kind === "DEMAND" ? "DEMAND" : "PROPOSAL",
          id: r.id,
          label: r.kind === "DEMAND" ? "مطالبه سمن" : "پیشنهاد سمن",
          date: r.submittedOn,
          counted: r.answeredWithin30Days,
          reasons,
        };
      });
      return { raw: percent(answered, base), numerator: answered, denominator: base, evidence };
    }
  }
}

/** One manager's result, or null without tenure in the year. Ranks are filled by `computeResults`. */
export function scoreManager(
  manager: SnapshotManager,
  facts: SnapshotManagerFacts | undefined,
  rubric: IndicatorSpec[],
  snapshot: FactsSnapshot,
): ManagerResultData | null {
  const quarters = tenureQuarters(snapshot.year, manager.tenureStart, manager.tenureEnd);
  if (quarters.length === 0) return null;
  const f: SnapshotManagerFacts = facts ?? {
    managerId: manager.id,
    meetings: [],
    resolutions: [],
    workingGroups: [],
    requests: [],
  };
  const indicators = rubric.map((spec): IndicatorResultData => {
    const m = measure(spec.code, manager, f, quarters, snapshot);
    const proratedTarget = PRORATED.has(spec.code) ? round2((spec.target * quarters.length) / 4) : spec.target;
    const { achievement, score } = scoreOf(spec, m.raw, proratedTarget);
    return {
      code: spec.code,
      title: spec.title,
      unit: spec.unit,
      raw: m.raw,
      numerator: m.numerator,
      denominator: m.denominator,
      target: spec.target,
      proratedTarget,
      achievement,
      score,
      weight: spec.weight,
      contribution: round2((score * spec.weight) / 100),
      evidence: m.evidence,
    };
  });
  const total = round2(
    Math.min(
      100,
      indicators.reduce((s, i) => s + (i.score * i.weight) / 100, 0),
    ),
  );
  return {
    managerId: manager.id,
    managerName: manager.name,
    position: manager.position,
    positionKind: manager.positionKind,
    provinceId: manager.provinceId,
    countyId: manager.countyId,
    tenureQuarters: quarters,
    total,
    grade: gradeOfTotal(total),
    provinceRank: 0,
    nationalRank: 0,
    indicators,
  };
}

/** Competition ranks (1, 1, 3 …) by `total`, highest first, within the groups of `groupOf`. */
export function rank<T extends { total: number }>(items: T[], groupOf: (item: T) => string): Map<T, number> {
  const result = new Map<T, number>();
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => b.total - a.total);
    sorted.forEach((item, i) =>
      result.set(item, i > 0 && sorted[i - 1].total === item.total ? result.get(sorted[i - 1])! : i + 1),
    );
  }
  return result;
}

/** Every manager's result in the snapshot (managers without tenure left out), sorted by manager id, ranked. */
export function computeResults(snapshot: FactsSnapshot, rubric: IndicatorSpec[]): ManagerResultData[] {
  const factsOf = new Map(snapshot.facts.map((f) => [f.managerId, f]));
  const results = [...snapshot.managers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => scoreManager(m, factsOf.get(m.id), rubric, snapshot))
    .filter((r): r is ManagerResultData => r !== null);
  const byProvince = rank(results, (r) => r.provinceId);
  const national = rank(results, (r) => r.positionKind);
  for (const r of results) {
    r.provinceRank = byProvince.get(r)!;
    r.nationalRank = national.get(r)!;
  }
  return results;
}

/** The canonical JSON text of results (stored with the run) and its SHA-256. */
export function canonicalResults(results: ManagerResultData[]): { text: string; hash: string } {
  const text = JSON.stringify(results);
  return { text, hash: createHash("sha256").update(text).digest("hex") };
}
