import { EVALUATORS, Role } from "@hamafza/common";

/**
 * Which results and scores a user sees by publication (territory, or an invited manager's own record, is applied
 * separately by `whereInTerritory`): evaluators and administrators everything; a manager their own while its cycle
 * is UNDER_REVIEW (the current result, to read and contest it) or once published — never before review, and not
 * between FINAL and publication; everyone else published ones only. `null`: no condition.
 */
export function publicationCondition(role: Role, columns: { publishedAt: string; underReview: string }): string | null {
  if (EVALUATORS.includes(role)) return null;
  if (role === Role.MANAGER) return `(${columns.publishedAt} IS NOT NULL OR ${columns.underReview})`;
  return `${columns.publishedAt} IS NOT NULL`;
}

/** Cycles under review, for `underReview` conditions (by id or by year; one cycle per year). */
export const UNDER_REVIEW_CYCLE_IDS = `(SELECT c.id FROM evaluation_cycle c WHERE c.state = 'UNDER_REVIEW')`;
export const UNDER_REVIEW_YEARS = `(SELECT c.year FROM evaluation_cycle c WHERE c.state = 'UNDER_REVIEW')`;
