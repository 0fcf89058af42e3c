import { enumLabels } from "../messages/enums";
import { toPersianDigits } from "../common/persianDigits";
import { evaluationTexts } from "../messages/evaluation";

/** Rubric, grades and cycle states of the evaluation screens (pure logic, unit-tested). */

export type ScoringRule = "LINEAR" | "BANDED";

export interface ScoreBand {
  minAchievement: number;
  score: number;
}

export interface Indicator {
  code: string;
  title: string;
  definition: string;
  weight: number;
  target: number;
  unit: string;
  rule: ScoringRule;
  bands: ScoreBand[];
}

export type CycleState = "DRAFT" | "OPEN" | "UNDER_REVIEW" | "FINAL" | "PUBLISHED";

export const CYCLE_STATE_LABELS: Readonly<Record<CycleState, string>> = enumLabels.cycleState;

export const GRADE_LABELS = enumLabels.grade;

export type Grade = keyof typeof GRADE_LABELS;

export const GRADE_COLORS: Readonly<Record<Grade, "success" | "info" | "warning" | "error">> = {
  EXCELLENT: "success",
  GOOD: "info",
  ACCEPTABLE: "warning",
  NEEDS_IMPROVEMENT: "error",
};

/** The grade band of a total (excellent ≥ 90, good ≥ 75, acceptable ≥ 60), as the evaluation service computes it. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return "EXCELLENT";
  if (total >= 75) return "GOOD";
  if (total >= 60) return "ACCEPTABLE";
  return "NEEDS_IMPROVEMENT";
}

/** Sum of the weights, rounded to 2 decimals (so 33.33 + 33.33 + 33.34 is 100). */
export function weightSum(indicators: readonly { weight?: unknown }[]): number {
  const sum = indicators.reduce((total, indicator) => total + (Number(indicator.weight) || 0), 0);
  return Math.round(sum * 100) / 100;
}

/** Why a rubric cannot be saved (Persian), or undefined when it can. */
export function rubricProblem(indicators: readonly Partial<Indicator>[]): string | undefined {
  for (const indicator of indicators) {
    const weight = Number(indicator.weight);
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) return evaluationTexts.weightRange(indicator.code);
    const target = Number(indicator.target);
    if (!Number.isFinite(target) || target <= 0) return evaluationTexts.targetPositive(indicator.code);
  }
  const sum = weightSum(indicators);
  if (sum !== 100) return evaluationTexts.weightSum(toPersianDigits(sum));
  return undefined;
}

/** The indicators whose weight, target, title, definition or rule changed: what `updateEvaluationRubric` takes. */
export function rubricChanges(original: readonly Indicator[], edited: readonly Partial<Indicator>[]) {
  const byCode = new Map(original.map((indicator) => [indicator.code, indicator]));
  return edited.flatMap((indicator) => {
    const before = indicator.code ? byCode.get(indicator.code) : undefined;
    if (!before) return [];
    const change: Record<string, unknown> = { code: before.code };
    if (Number(indicator.weight) !== before.weight) change.weight = Number(indicator.weight);
    if (Number(indicator.target) !== before.target) change.target = Number(indicator.target);
    if (indicator.title !== undefined && indicator.title !== before.title) change.title = indicator.title;
    if (indicator.definition !== undefined && indicator.definition !== before.definition)
      change.definition = indicator.definition;
    if (indicator.rule !== undefined && indicator.rule !== before.rule) change.rule = indicator.rule;
    return Object.keys(change).length > 1 ? [change] : [];
  });
}

const TRANSITIONS: Readonly<Record<CycleState, readonly CycleState[]>> = {
  DRAFT: ["OPEN"],
  OPEN: ["UNDER_REVIEW", "DRAFT"],
  UNDER_REVIEW: ["FINAL", "OPEN"],
  FINAL: ["PUBLISHED"],
  PUBLISHED: [],
};

/** The states a cycle may move to (forward first), as `changeEvaluationCycleState` allows. */
export function nextCycleStates(state: CycleState): readonly CycleState[] {
  return TRANSITIONS[state] ?? [];
}

/** Computing (and adjusting) is allowed while the cycle is OPEN or UNDER_REVIEW. */
export function canCompute(state: CycleState | undefined): boolean {
  return state === "OPEN" || state === "UNDER_REVIEW";
}

export interface Evidence {
  kind: string;
  id: string;
  label: string;
  date?: string | null;
  counted: boolean;
  reasons: string[];
}

/** Evidence split into counted and excluded records, each in its given order. */
export function splitEvidence(evidence: readonly Evidence[]): { counted: Evidence[]; excluded: Evidence[] } {
  return { counted: evidence.filter((item) => item.counted), excluded: evidence.filter((item) => !item.counted) };
}

/** Share of each grade in a distribution, in percent of the total (0 when empty), for the bar chart. */
export function gradeShares(
  counts: readonly { grade: string; count: number }[],
): { grade: string; count: number; percent: number }[] {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return counts.map((row) => ({ ...row, percent: total ? Math.round((row.count / total) * 1000) / 10 : 0 }));
}

/** An adjustment must be within ±10 points and justified in at least 10 characters (as the service requires). */
export function adjustmentProblem(points: unknown, justification: unknown): Record<string, string> | undefined {
  const problems: Record<string, string> = {};
  const value = Number(points);
  if (points === "" || points == null || !Number.isFinite(value) || value < -10 || value > 10 || value === 0) {
    problems.points = evaluationTexts.adjustmentPoints;
  }
  if (typeof justification !== "string" || justification.trim().length < 10) {
    problems.justification = evaluationTexts.justificationLength;
  }
  return Object.keys(problems).length ? problems : undefined;
}
