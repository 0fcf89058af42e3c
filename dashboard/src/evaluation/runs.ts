import { enumLabels } from "../messages/enums";
import { toPersianDigits } from "../common/persianDigits";
import { gradeOf, GRADE_LABELS, type Grade } from "./rubric";
import { evaluationTexts } from "../messages/evaluation";

/** Runs, their progress, run comparison and what-if (pure logic of the evaluation screens, unit-tested). */

export type RunStatus = "RUNNING" | "SUCCEEDED" | "FAILED";
export type RunPhase =
  "QUEUED" | "FETCHING_MANAGERS" | "FETCHING_FACTS" | "FETCHING_LICENCES" | "SCORING" | "STORING" | "DONE";

export const RUN_STATUS_LABELS: Readonly<Record<RunStatus, string>> = enumLabels.runStatus;

export const RUN_STATUS_COLORS: Readonly<Record<RunStatus, "info" | "success" | "error">> = {
  RUNNING: "info",
  SUCCEEDED: "success",
  FAILED: "error",
};

export const RUN_PHASE_LABELS: Readonly<Record<RunPhase, string>> = enumLabels.runPhase;

/** Persian label of a run's phase (the code itself when unknown). */
export function phaseLabel(phase: string | null | undefined): string {
  return (phase && RUN_PHASE_LABELS[phase as RunPhase]) || phase || "";
}

/** Persian label of a run's status. */
export function statusLabel(status: string | null | undefined): string {
  return (status && RUN_STATUS_LABELS[status as RunStatus]) || status || "";
}

/** Progress clamped to 0–100 (a determinate bar needs a number). */
export function clampProgress(progress: unknown): number {
  const value = Number(progress);
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** A duration in Persian: «۸۵۰ میلی‌ثانیه», «۱۲٫۳ ثانیه», «۲ دقیقه و ۵ ثانیه»; «—» when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return toPersianDigits(evaluationTexts.milliseconds(Math.round(ms)));
  if (ms < 60_000) {
    const seconds = Math.round(ms / 100) / 10;
    return toPersianDigits(evaluationTexts.seconds(String(seconds).replace(".", "٫")));
  }
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return toPersianDigits(
    seconds ? evaluationTexts.minutesAndSeconds(minutes, seconds) : evaluationTexts.minutes(minutes),
  );
}

interface RunLike {
  id: string;
  status: string;
  computedAt: string;
}

/** Newest first (by start time, then id), as `evaluationRuns` returns them. */
function newestFirst<T extends RunLike>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) =>
    a.computedAt < b.computedAt ? 1 : a.computedAt > b.computedAt ? -1 : a.id < b.id ? 1 : -1,
  );
}

/** The run still RUNNING (the newest one), whose progress the page follows after a reload. */
export function runningRun<T extends RunLike>(runs: readonly T[]): T | undefined {
  return newestFirst(runs).find((run) => run.status === "RUNNING");
}

/** SUCCEEDED runs, newest first: only they have results to compare or to re-score. */
export function succeededRuns<T extends RunLike>(runs: readonly T[]): T[] {
  return newestFirst(runs).filter((run) => run.status === "SUCCEEDED");
}

/** The default comparison: the second newest SUCCEEDED run → the newest one. */
export function defaultComparison<T extends RunLike>(runs: readonly T[]): { fromRunId?: string; toRunId?: string } {
  const [newest, previous] = succeededRuns(runs);
  return { fromRunId: previous?.id, toRunId: newest?.id };
}

/** A signed number with 2 decimals at most, Persian digits: «+۲٫۵», «−۱», «۰». */
export function formatSigned(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return "۰";
  const text = toPersianDigits(String(Math.abs(rounded))).replace(".", "٫");
  return rounded > 0 ? `+${text}` : `−${text}`;
}

/** The colour of a delta: gains green, losses red, no change neutral. */
export function deltaColor(value: number | null | undefined): "success.main" | "error.main" | "text.secondary" {
  if (value == null || Math.round(value * 100) === 0) return "text.secondary";
  return value > 0 ? "success.main" : "error.main";
}

/** A score with 2 decimals, Persian digits; «—» when absent. */
export function formatScore(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return toPersianDigits(Number.isInteger(value) ? String(value) : value.toFixed(2)).replace(".", "٫");
}

export function gradeLabel(grade: string | null | undefined): string {
  return grade ? (GRADE_LABELS[grade as Grade] ?? grade) : "—";
}

export interface RunChange {
  managerId: string;
  managerName: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  gradeBefore: string | null;
  gradeAfter: string | null;
  changedIndicators: string[];
}

/** Whether a manager's result differs between the two runs (total, grade, an indicator, or scored in one run only). */
export function isChanged(change: RunChange): boolean {
  return (
    change.before == null ||
    change.after == null ||
    Math.round((change.delta ?? 0) * 100) !== 0 ||
    change.gradeBefore !== change.gradeAfter ||
    change.changedIndicators.length > 0
  );
}

/** Summary of a run comparison. */
export function diffSummary(changes: readonly RunChange[]): {
  managers: number;
  changed: number;
  gradeChanged: number;
} {
  return {
    managers: changes.length,
    changed: changes.filter(isChanged).length,
    gradeChanged: changes.filter((change) => change.gradeBefore !== change.gradeAfter).length,
  };
}

/** Indicator codes as their Persian titles from a run's rubric (the code when not in it). */
export function indicatorTitles(
  codes: readonly string[],
  rubric: readonly { code: string; title: string }[],
): string[] {
  const titles = new Map(rubric.map((indicator) => [indicator.code, indicator.title]));
  return codes.map((code) => titles.get(code) ?? code);
}

export interface WhatIfRow {
  managerId: string;
  managerName: string;
  positionKind: string;
  provinceId: string;
  computedTotal: number;
  total: number;
  delta: number;
  grade: string;
  provinceRank: number;
  nationalRank: number;
}

/** The grade the run gave (computed from its total with the service's bands). */
export function computedGrade(row: Pick<WhatIfRow, "computedTotal">): Grade {
  return gradeOf(row.computedTotal);
}

/** What a what-if changes: managers whose grade changes (up, down), the mean and largest absolute delta. */
export function whatIfSummary(rows: readonly WhatIfRow[]): {
  managers: number;
  gradeChanged: number;
  gradeUp: number;
  gradeDown: number;
  meanDelta: number;
  maxAbsDelta: number;
} {
  const order: Grade[] = ["NEEDS_IMPROVEMENT", "ACCEPTABLE", "GOOD", "EXCELLENT"];
  let gradeUp = 0;
  let gradeDown = 0;
  let sum = 0;
  let maxAbsDelta = 0;
  for (const row of rows) {
    const before = order.indexOf(computedGrade(row));
    const after = order.indexOf(row.grade as Grade);
    if (after > before) gradeUp += 1;
    if (after < before) gradeDown += 1;
    sum += row.delta;
    maxAbsDelta = Math.max(maxAbsDelta, Math.abs(row.delta));
  }
  const meanDelta = rows.length ? Math.round((sum / rows.length) * 100) / 100 : 0;
  return {
    managers: rows.length,
    gradeChanged: gradeUp + gradeDown,
    gradeUp,
    gradeDown,
    meanDelta,
    maxAbsDelta: Math.round(maxAbsDelta * 100) / 100,
  };
}

/**
 * Server field errors (`indicators.3.weight` → message) as errors per indicator code and input (`weight`/`target`),
 * given the indicators in the order they were sent; errors not tied to one input are returned under `general`.
 */
export function indicatorFieldErrors(
  fields: Readonly<Record<string, string>> | undefined,
  sent: readonly { code: string }[],
): { byCode: Record<string, Partial<Record<"weight" | "target" | "code", string>>>; general: string[] } {
  const byCode: Record<string, Partial<Record<"weight" | "target" | "code", string>>> = {};
  const general: string[] = [];
  for (const [field, message] of Object.entries(fields ?? {})) {
    const match = /^indicators\.(\d+)\.(weight|target|code)$/.exec(field);
    const code = match ? sent[Number(match[1])]?.code : undefined;
    if (match && code) {
      byCode[code] = { ...byCode[code], [match[2]]: message };
    } else {
      general.push(message);
    }
  }
  return { byCode, general };
}
