import { isUuid, Validator } from "@hamafza/common";
import { CycleState } from "./entities/Cycle";
import { ObjectionOutcome, ObjectionRecordKind, ObjectionStatus } from "./entities/Objection";
import { checkAdjustmentPoints } from "./adjustmentRules";

/**
 * The pure rules of managers' objections (issue 15): what a filed objection must hold, when one may be filed, and
 * what a resolution must say. The resolver (`resolvers/objection.ts`) applies them in its transaction.
 */

export interface ObjectionInput {
  indicatorCode: string;
  text: string;
  missingRecordKind?: ObjectionRecordKind | null;
  missingRecordId?: string | null;
}

/** Problems of a new objection on a result whose indicators have `codes`. */
export function checkObjectionInput(input: ObjectionInput, codes: string[]): Validator {
  const v = new Validator();
  v.check(codes.includes(input.indicatorCode), "indicatorCode", "این شاخص در نتیجه ارزیابی شما نیست.");
  v.text(input.text, "text", "شرح اعتراض", { min: 10, max: 2000 });
  const kind = input.missingRecordKind ?? null;
  const id = input.missingRecordId?.trim() || null;
  v.check(
    (kind === null) === (id === null),
    id === null ? "missingRecordId" : "missingRecordKind",
    "برای سابقه‌ای که از شواهد جا افتاده، هم نوع و هم شناسه آن را وارد کنید.",
  );
  v.check(
    id === null || isUuid(id),
    "missingRecordId",
    "شناسه سابقه جاافتاده معتبر نیست؛ آن را از صفحه سابقه کپی کنید.",
  );
  return v;
}

/** Why a manager may not file an objection now (Persian), or null: only on the current result while UNDER_REVIEW. */
export function filingRefusal(cycleState: CycleState, resultIsCurrent: boolean): string | null {
  if (cycleState !== CycleState.UNDER_REVIEW)
    return "اعتراض به نتیجه ارزیابی فقط در دوره بازبینی چرخه ممکن است؛ این چرخه اکنون در آن دوره نیست.";
  if (!resultIsCurrent) return "نتیجه تازه‌تری برای شما محاسبه شده است؛ صفحه را تازه کنید و به نتیجه جاری اعتراض کنید.";
  return null;
}

export interface ObjectionResolution {
  decision: ObjectionStatus;
  outcome?: ObjectionOutcome | null;
  note: string;
  points?: number | null;
}

/** Problems of a resolution: a decision (not OPEN), a note, and for an accepted one its outcome (points for ADJUSTMENT). */
export function checkResolution(input: ObjectionResolution): Validator {
  const v = new Validator();
  v.check(input.decision !== ObjectionStatus.OPEN, "decision", "اعتراض را بپذیرید یا رد کنید.");
  v.text(input.note, "note", input.decision === ObjectionStatus.REJECTED ? "دلیل رد اعتراض" : "توضیح اصلاح", {
    min: 10,
    max: 2000,
  });
  const outcome = input.outcome ?? null;
  if (input.decision === ObjectionStatus.ACCEPTED)
    v.check(outcome !== null, "outcome", "بگویید اعتراض پذیرفته‌شده به محاسبه دوباره انجامید یا به اصلاح امتیاز.");
  if (input.decision === ObjectionStatus.REJECTED)
    v.check(outcome === null, "outcome", "اعتراض ردشده محاسبه دوباره یا اصلاح امتیاز ندارد.");
  const points = input.points ?? null;
  if (outcome === ObjectionOutcome.ADJUSTMENT) checkAdjustmentPoints(v, points, "points");
  else v.check(points === null, "points", "امتیاز اصلاحی فقط برای پذیرش با اصلاح امتیاز است.");
  return v;
}
