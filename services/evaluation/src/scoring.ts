import { createHash } from "node:crypto";
import { jalaliToIsoDate, toPersianDigits } from "@hamafza/common";
import {
  EvidenceItem,
  FactsSnapshot,
  IndicatorCode,
  IndicatorResultData,
  IndicatorSpec,
  ManagerResultData,
  SnapshotManager,
  SnapshotManagerFacts,
  QualifyingRules,
} from "./scoringTypes";
import { PRORATED } from "./rubric";
import { managerFactsOf, rulesOf } from "./snapshot";
import { NOT_APPLICABLE_REASON, redistributeWeights, RulesVersion } from "./rulesVersion";

/**
 * The pure scoring of the 1404 rubric: facts snapshot + rubric → per-manager results. No I/O, no clock, no
 * randomness; the same snapshot and rubric give byte-equal `canonicalResults` (what `recomputeEvaluationRun` checks).
 */

export type {
  IndicatorCode,
  ScoringRuleKind,
  ScoreBandSpec,
  IndicatorSpec,
  SnapshotManager,
  SnapshotMeeting,
  SnapshotManagerFacts,
  FactsSnapshot,
  FactsSnapshotV1,
  FactsSnapshotV2,
  PackedSnapshotHeader,
  StoredSnapshot,
  SnapshotOwnFacts,
  SnapshotAgencyFacts,
  QualifyingRules,
  RawManagerFacts,
  RawMeetingFact,
  RawResolutionFact,
  RawWorkingGroupFact,
  RawRequestFact,
  EvidenceItem,
  IndicatorResultData,
  ManagerResultData,
} from "./scoringTypes";
export {
  INDICATOR_CODES,
  PRORATED,
  DEFAULT_RUBRIC,
  rubricProblems,
  QUALIFYING_RULES,
  REGULARITY_MEETING_KIND,
} from "./rubric";
export * from "./qualifying";
export * from "./snapshot";
export * from "./rulesVersion";

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
  rules: QualifyingRules,
  rulesVersion: RulesVersion,
  withEvidence: boolean,
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
      if (!withEvidence)
        return { raw: counted.size, numerator: counted.size, denominator: quarters.length, evidence: [] };
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
      const evidence: EvidenceItem[] = !withEvidence
        ? []
        : facts.meetings.map((m) => ({
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
          if (withEvidence)
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
      // Version 1: all ACTIVE NGOs of the territory, licensed or not (the numerator counts licensed ones only).
      // Version 2: the ACTIVE NGOs with a valid licence, as the numerator (snapshots without the licensed counts keep
      // the ACTIVE counts).
      const counts = rulesVersion >= 2 && snapshot.licensedNgos ? snapshot.licensedNgos : snapshot.activeNgos;
      const active = manager.countyId
        ? (counts.byCounty[manager.countyId] ?? 0)
        : (counts.byProvince[manager.provinceId] ?? 0);
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
        if (!withEvidence) continue;
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
      const evidence: EvidenceItem[] = !withEvidence
        ? []
        : facts.workingGroups.map((g) => ({
            kind: "WORKING_GROUP",
            id: g.workingGroupId,
            label: g.name,
            date: null,
            counted: g.qualifies,
            reasons: g.qualifies
              ? []
              : [
                  ...(g.ngoMemberIds.length ? [] : ["عضو سمن نداشت"]),
                  ...(g.sessionsHeld >= rules.minWorkingGroupSessions
                    ? []
                    : [
                        `در سال ${g.sessionsHeld} بار تشکیل جلسه داد (کمتر از ${toPersianDigits(rules.minWorkingGroupSessions)})`,
                      ]),
                ],
          }));
      const n = facts.workingGroups.filter((g) => g.qualifies).length;
      return { raw: n, numerator: n, denominator: null, evidence };
    }
    case "RESPONSIVENESS": {
      let base = 0;
      let answered = 0;
      const evidence: EvidenceItem[] = [];
      for (const r of facts.requests) {
        const pending = r.stillWithin30Days;
        if (!pending) base++;
        if (r.answeredWithin30Days) answered++;
        if (!withEvidence) continue;
        const reasons = r.answeredWithin30Days
          ? []
          : pending
            ? [`هنوز ${toPersianDigits(rules.responseDays)} روز از ثبت آن نگذشته بود`]
            : r.respondedOn
              ? [`پس از ${r.responseDays} روز پاسخ داده شد`]
              : ["بی‌پاسخ ماند"];
        evidence.push({
          kind: r.kind === "DEMAND" ? "DEMAND" : "PROPOSAL",
          id: r.id,
          label: r.kind === "DEMAND" ? "مطالبه سمن" : "پیشنهاد سمن",
          date: r.submittedOn,
          counted: r.answeredWithin30Days,
          reasons,
        });
      }
      return { raw: percent(answered, base), numerator: answered, denominator: base, evidence };
    }
  }
}

/** Whether an indicator has an occasion under rules version 2: a share with a denominator (counts always apply). */
export const isApplicable = (indicator: Pick<IndicatorResultData, "denominator">): boolean =>
  indicator.denominator === null || indicator.denominator > 0;

/**
 * Rules version 2: marks the indicators without occasion not applicable (score 0, no weight, a Persian reason),
 * spreads their weight over the applicable ones (`redistributeWeights`) and returns the total.
 */
function applyNotApplicable(indicators: IndicatorResultData[]): number {
  const applicable = indicators.map(isApplicable);
  const weights = redistributeWeights(
    indicators.map((i) => i.weight),
    applicable,
  );
  let total = 0;
  indicators.forEach((i, n) => {
    if (!applicable[n]) {
      i.raw = 0;
      i.achievement = 0;
      i.score = 0;
    }
    total += (i.score * weights[n]) / 100;
    i.contribution = round2((i.score * weights[n]) / 100);
    i.applicable = applicable[n];
    i.appliedWeight = round2(weights[n]);
    i.notApplicableReason = applicable[n] ? null : (NOT_APPLICABLE_REASON[i.code] ?? null);
  });
  return round2(Math.min(100, total));
}

/** One manager's result, or null without tenure in the year. Ranks are filled by `computeResults`. */
export function scoreManager(
  manager: SnapshotManager,
  facts: SnapshotManagerFacts | undefined,
  rubric: IndicatorSpec[],
  snapshot: FactsSnapshot,
  rulesVersion: RulesVersion,
  withEvidence = true,
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
  const rules = rulesOf(snapshot);
  const indicators = rubric.map((spec): IndicatorResultData => {
    const m = measure(spec.code, manager, f, quarters, snapshot, rules, rulesVersion, withEvidence);
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
  const total =
    rulesVersion >= 2
      ? applyNotApplicable(indicators)
      : round2(
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

/**
 * Every manager's result in the snapshot (managers without tenure left out), sorted by manager id, ranked, under
 * the given rules version (a run's own, `evaluation_run.rules_version`; new runs `CURRENT_RULES_VERSION`).
 */
export function computeResults(
  snapshot: FactsSnapshot,
  rubric: IndicatorSpec[],
  rulesVersion: RulesVersion,
): ManagerResultData[] {
  const factsOf = managerFactsOf(snapshot);
  const results = [...snapshot.managers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => scoreManager(m, factsOf(m), rubric, snapshot, rulesVersion))
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
