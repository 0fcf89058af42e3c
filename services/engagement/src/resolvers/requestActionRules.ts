import {
  AppError,
  ErrorCode,
  invalidTransition,
  NotificationKind,
  NotificationRequest,
  Validator,
} from "@hamafza/common";
import { DemandStatus } from "../entities/Demand";
import { ProposalStatus } from "../entities/Proposal";
import { RequestActionKind } from "../entities/RequestAction";
import { overdueBefore } from "../rules/answerDeadline";
import { tehranToday } from "../util/time";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * The rules of agencies answering in the system (docs/self-service.md, "Agencies answer"), as pure functions: what a
 * respondent's step does to a demand or a proposal, and what it must say (the deadline: rules/answerDeadline.ts). Unit-tested in
 * `test/requestActionRules.test.ts`.
 */

/** The respondent's steps (a representative's SUBMITTED is not one). */
export type RespondentStep = RequestActionKind.UNDER_REVIEW | RequestActionKind.ACCEPTED | RequestActionKind.REJECTED;

/** The Persian message of a step refused because the request is already answered (or not yet under way). */
const ANSWERED = "به این مورد پیش‌تر پاسخ داده شده است و پاسخ آن تغییر نمی‌کند.";

/** What a respondent's step changes on a request: its new status, and the response day when it is an answer. */
export interface StepEffect<S extends string> {
  status: S;
  /** Set for an answer (ACCEPTED, REJECTED): the day the agency answered in the system. */
  respondedOn: string | null;
  /** Set when the step starts the review (a proposal's `reviewStartedOn`). */
  reviewStartedOn: string | null;
}

/**
 * A demand: RAISED → UNDER_REVIEW; RAISED or UNDER_REVIEW → RESOLVED (ACCEPTED) or REJECTED, answered on `today`.
 * An answered demand takes no more steps (INVALID_TRANSITION).
 */
export function demandStep(status: DemandStatus, step: RespondentStep, today: string): StepEffect<DemandStatus> {
  const open = status === DemandStatus.RAISED || status === DemandStatus.UNDER_REVIEW;
  if (!open) throw invalidTransition(ANSWERED, { from: status, to: targetOfDemand(step) });
  if (step === RequestActionKind.UNDER_REVIEW) {
    if (status === DemandStatus.UNDER_REVIEW)
      throw invalidTransition("این مطالبه هم‌اکنون در حال بررسی است.", { from: status, to: status });
    return { status: DemandStatus.UNDER_REVIEW, respondedOn: null, reviewStartedOn: today };
  }
  return { status: targetOfDemand(step), respondedOn: today, reviewStartedOn: null };
}

const targetOfDemand = (step: RespondentStep): DemandStatus =>
  step === RequestActionKind.UNDER_REVIEW
    ? DemandStatus.UNDER_REVIEW
    : step === RequestActionKind.ACCEPTED
      ? DemandStatus.RESOLVED
      : DemandStatus.REJECTED;

/**
 * A proposal: SUBMITTED → UNDER_REVIEW; SUBMITTED or UNDER_REVIEW → ACCEPTED or REJECTED, answered on `today` (a
 * proposal answered straight from SUBMITTED is recorded as reviewed that day too). Otherwise INVALID_TRANSITION.
 */
export function proposalStep(
  status: ProposalStatus,
  step: RespondentStep,
  today: string,
  reviewStartedOn: string | null,
): StepEffect<ProposalStatus> {
  const target =
    step === RequestActionKind.UNDER_REVIEW
      ? ProposalStatus.UNDER_REVIEW
      : step === RequestActionKind.ACCEPTED
        ? ProposalStatus.ACCEPTED
        : ProposalStatus.REJECTED;
  const open = status === ProposalStatus.SUBMITTED || status === ProposalStatus.UNDER_REVIEW;
  if (!open) throw invalidTransition(ANSWERED, { from: status, to: target });
  if (step === RequestActionKind.UNDER_REVIEW) {
    if (status === ProposalStatus.UNDER_REVIEW)
      throw invalidTransition("این طرح هم‌اکنون در حال بررسی است.", { from: status, to: status });
    return { status: target, respondedOn: null, reviewStartedOn: today };
  }
  return { status: target, respondedOn: today, reviewStartedOn: reviewStartedOn ?? today };
}

/** An answer needs its text (a rejection: its reason); a review step's note is optional. */
export function checkStepNote(v: Validator, step: RespondentStep, note: string | null | undefined): void {
  if (step === RequestActionKind.UNDER_REVIEW) {
    if (note) v.text(note, "note", "یادداشت", { max: 4000, required: false });
    return;
  }
  const label = step === RequestActionKind.REJECTED ? "دلیل رد" : "پاسخ دستگاه";
  v.text(note, "note", label, { min: 3, max: 4000 });
}

/** The territory of what a representative submits: their NGO's (as the registry answers it); none is refused. */
export function representativeTerritory(user: { provinceId: string | null; countyId: string | null }): {
  provinceId: string;
  countyId: string | null;
} {
  if (!user.provinceId)
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "سمن شما در بخش ثبت پیدا نشد یا استان آن ثبت نشده است؛ با کارشناس استانداری تماس بگیرید.",
    );
  return { provinceId: user.provinceId, countyId: user.countyId };
}

/** Limits a demand or proposal query to the overdue ones (or, `false`, to the others) on Tehran today. */
export function whereOverdue<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  sinceField: "raisedOn" | "submittedOn",
  overdue: boolean,
): void {
  const sql = `(${alias}.respondedOn IS NULL AND ${alias}.${sinceField} < CAST(:overdueBefore AS date))`;
  query.andWhere(overdue ? sql : `NOT ${sql}`, { overdueBefore: overdueBefore(tehranToday()) });
}

/** The history step of a status an official records (updateDemand / updateProposal); null for none (IMPLEMENTED). */
export function actionOfStatus(status: DemandStatus | ProposalStatus): RequestActionKind | null {
  switch (status) {
    case DemandStatus.UNDER_REVIEW:
      return RequestActionKind.UNDER_REVIEW;
    case DemandStatus.RESOLVED:
    case ProposalStatus.ACCEPTED:
      return RequestActionKind.ACCEPTED;
    case DemandStatus.REJECTED:
      return RequestActionKind.REJECTED;
    default:
      return null;
  }
}

/** What a notification about a request names of it. */
export interface RequestNotice {
  kind: "demand" | "proposal";
  id: string;
  title: string;
  ngoId: string;
  agencyId: string | null;
}

const NOUN = { demand: "مطالبه", proposal: "طرح" } as const;
const shortTitle = (title: string) => (title.length > 90 ? `${title.slice(0, 89)}…` : title);

/** To the respondents of the agency: a representative submitted a request to it (none for a council's proposal). */
export function submittedNotice(row: RequestNotice): NotificationRequest | null {
  if (!row.agencyId) return null;
  const noun = NOUN[row.kind];
  return {
    occasionKey: `${row.kind}-submitted:${row.id}`,
    service: "engagement",
    kind: NotificationKind.REQUEST_SUBMITTED,
    title: `${noun} تازه: «${shortTitle(row.title)}»`,
    body: `سمنی ${noun}ی به دستگاه شما فرستاده است؛ آن را در کارتابل پاسخ‌گویی بررسی کنید و پاسخ دهید.`,
    reason: "شما کارشناس پاسخگوی دستگاهی هستید که این درخواست به آن رسیده است.",
    link: "#/respondent-inbox",
    recordType: row.kind === "demand" ? "Demand" : "Proposal",
    recordId: row.id,
    recipients: { agencyRespondentsOf: [row.agencyId] },
  };
}

/** To the NGO's representatives: the agency answered their request (accepted or rejected). */
export function answeredNotice(row: RequestNotice, step: RespondentStep): NotificationRequest | null {
  if (step === RequestActionKind.UNDER_REVIEW) return null;
  const noun = NOUN[row.kind];
  const verdict = step === RequestActionKind.ACCEPTED ? "پذیرفت" : "رد کرد";
  return {
    occasionKey: `${row.kind}-answered:${row.id}`,
    service: "engagement",
    kind: NotificationKind.REQUEST_ANSWERED,
    title: `پاسخ دستگاه به ${noun} «${shortTitle(row.title)}»`,
    body: `دستگاه ${noun} سمن شما را ${verdict}؛ پاسخ و سابقه آن را در «مطالبات و طرح‌های ما» ببینید.`,
    reason: "شما نماینده سمنی هستید که این درخواست را فرستاده است.",
    link: "#/my-requests",
    recordType: row.kind === "demand" ? "Demand" : "Proposal",
    recordId: row.id,
    recipients: { ngoRepresentativesOf: [row.ngoId] },
  };
}
