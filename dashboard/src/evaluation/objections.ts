import { enumLabels } from "../messages/enums";
import { evaluationTexts } from "../messages/evaluation";

/** Managers' objections to their evaluation results (issue 15): labels and the form checks (pure logic, unit-tested). */

export const OBJECTION_STATUS_LABELS = enumLabels.objectionStatus;
export const OBJECTION_OUTCOME_LABELS = enumLabels.objectionOutcome;
export const OBJECTION_RECORD_KIND_LABELS = enumLabels.objectionRecordKind;

export type ObjectionStatus = keyof typeof OBJECTION_STATUS_LABELS;
export type ObjectionOutcome = keyof typeof OBJECTION_OUTCOME_LABELS;
export type ObjectionRecordKind = keyof typeof OBJECTION_RECORD_KIND_LABELS;

export const OBJECTION_STATUS_COLORS: Readonly<Record<ObjectionStatus, "warning" | "success" | "default">> = {
  OPEN: "warning",
  ACCEPTED: "success",
  REJECTED: "default",
};

export interface Objection {
  id: string;
  resultId: string;
  managerId: string;
  managerName: string;
  indicatorCode: string;
  text: string;
  missingRecordKind?: ObjectionRecordKind | null;
  missingRecordId?: string | null;
  status: ObjectionStatus;
  outcome?: ObjectionOutcome | null;
  resolutionNote?: string | null;
  recomputeRunId?: string | null;
  adjustmentId?: string | null;
  filedBy: string;
  filedAt: string;
  resolvedBy?: string | null;
  resolvedAt?: string | null;
}

const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === "";

/** Field problems of an objection form (as the server checks them), or undefined. */
export function objectionProblems(values: Record<string, unknown>): Record<string, string> | undefined {
  const problems: Record<string, string> = {};
  if (blank(values.text) || String(values.text).trim().length < 10) problems.text = evaluationTexts.objectionText;
  if (blank(values.missingRecordKind) !== blank(values.missingRecordId))
    problems.missingRecordId = evaluationTexts.objectionRecord;
  return Object.keys(problems).length ? problems : undefined;
}

/** Field problems of a resolution form, or undefined. */
export function resolutionProblems(values: Record<string, unknown>): Record<string, string> | undefined {
  const problems: Record<string, string> = {};
  if (blank(values.note) || String(values.note).trim().length < 10) problems.note = evaluationTexts.resolutionNote;
  if (values.decision === "ACCEPTED" && blank(values.outcome)) problems.outcome = evaluationTexts.resolutionOutcome;
  if (values.outcome === "ADJUSTMENT") {
    const points = Number(values.points);
    if (blank(values.points) || !Number.isFinite(points) || Math.abs(points) > 10 || points === 0)
      problems.points = evaluationTexts.adjustmentPoints;
  }
  return Object.keys(problems).length ? problems : undefined;
}

/** The variables of `resolveEvaluationObjection` from the form (outcome and points only where they apply). */
export function resolutionVariables(id: string, values: Record<string, unknown>) {
  const accepted = values.decision === "ACCEPTED";
  const outcome = accepted ? (values.outcome as ObjectionOutcome) : null;
  return {
    id,
    decision: accepted ? "ACCEPTED" : "REJECTED",
    note: String(values.note ?? "").trim(),
    outcome,
    points: outcome === "ADJUSTMENT" ? Number(values.points) : null,
  };
}

/** The cycle a manager's screen shows: the one under review, else the latest published one (none before review). */
export function reviewedYear<T extends { year: number; state: string }>(cycles: readonly T[]): T | undefined {
  const underReview = cycles.find((c) => c.state === "UNDER_REVIEW");
  if (underReview) return underReview;
  return [...cycles].filter((c) => c.state === "PUBLISHED").sort((a, b) => b.year - a.year)[0];
}
