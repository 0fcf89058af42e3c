import { addDays, setting } from "@hamafza/common";

/**
 * The answer deadline of an NGO demand or proposal (docs/self-service.md, "Agencies answer"): the agency has
 * HAMAFZA_ANSWER_DAYS days (default 30) from the day it was raised or submitted; unanswered after that day it is
 * overdue — listed for the province officer and reminded (reminders/reminderRules.ts). Pure, no entity imports.
 */

/** Days an agency has to answer (HAMAFZA_ANSWER_DAYS, read on every call). */
export const answerDays = (): number => setting("HAMAFZA_ANSWER_DAYS");

/** The last day of the answer period of a request raised or submitted on `since`. */
export function answerDueOn(since: string, days: number = answerDays()): string {
  return addDays(since, days);
}

/** Whether a request raised or submitted on `since` is unanswered past its answer day on `today`. */
export function isAnswerOverdue(
  since: string,
  respondedOn: string | null,
  today: string,
  days: number = answerDays(),
): boolean {
  return respondedOn === null && answerDueOn(since, days) < today;
}

/** Requests raised or submitted before this day and still unanswered are overdue on `today`. */
export const overdueBefore = (today: string, days: number = answerDays()): string => addDays(today, -days);
