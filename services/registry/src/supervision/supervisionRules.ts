import { AppError, ErrorCode, tidyDisplayText, Validator } from "@hamafza/common";
import { LicenceAction } from "../entities/LicenceEvent";
import { isNotInFuture } from "../validation";
import { SupervisionKind } from "./SupervisionRecord";

/** The licence actions a supervision record may justify. */
export const JUSTIFIABLE_ACTIONS: readonly LicenceAction[] = [LicenceAction.SUSPEND, LicenceAction.REVOKE];

export interface SupervisionContent {
  kind: SupervisionKind;
  recordedOn: string;
  text: string;
}

/** The record's content checked (every problem at once) and tidied. */
export function checkedSupervisionContent<T extends SupervisionContent>(input: T, now = new Date()): T {
  new Validator()
    .check(Object.values(SupervisionKind).includes(input.kind), "kind", "نوع سابقه نظارت را برگزینید.")
    .check(isNotInFuture(input.recordedOn, now), "recordedOn", "تاریخ سابقه نظارت نمی‌تواند در آینده باشد.")
    .text(input.text, "text", "شرح سابقه نظارت", { min: 3, max: 4000 })
    .done();
  return { ...input, text: tidyDisplayText(input.text) };
}

/** What a link between a supervision record and a licence action needs to know of each side. */
export interface LinkSides {
  record: { ngoId: string; licenceEventId: string | null };
  event: { ngoId: string; action: LicenceAction; supervisionRecordId: string | null };
}

/**
 * Whether the record may justify the licence action: both of the same NGO, a suspension or revocation, and neither
 * side linked already. Throws BAD_USER_INPUT on `field` otherwise.
 */
export function assertLinkable({ record, event }: LinkSides, field: string): void {
  const refusal =
    record.ngoId !== event.ngoId
      ? "سابقه نظارت و اقدام پروانه باید از آنِ یک سمن باشند."
      : !JUSTIFIABLE_ACTIONS.includes(event.action)
        ? "سابقه نظارت فقط به تعلیق یا لغو پروانه پیوند می‌خورد."
        : record.licenceEventId || event.supervisionRecordId
          ? "این سابقه نظارت یا این اقدام پروانه پیش‌تر به دیگری پیوند خورده است."
          : null;
  if (refusal) throw new AppError(ErrorCode.BAD_USER_INPUT, refusal, { fields: [{ field, message: refusal }] });
}

/** The activity report a record follows from must be of the same NGO. */
export function assertReportOfNgo(report: { ngoId: string } | null, ngoId: string): void {
  if (!report || report.ngoId !== ngoId)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "گزارش سالانه برگزیده از آنِ همین سمن نیست.", {
      fields: [{ field: "activityReportId", message: "گزارش سالانه همین سمن را برگزینید." }],
    });
}

const KIND_TITLES: Record<SupervisionKind, string> = {
  REVIEW: "بررسی عملکرد",
  WARNING: "اخطار",
  INSPECTION_NOTE: "گزارش بازدید",
};

/** Persian label of a kind (notifications, audit). */
export function supervisionKindTitle(kind: SupervisionKind): string {
  return KIND_TITLES[kind];
}
