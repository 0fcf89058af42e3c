import {
  assertCanWrite,
  canRead,
  isUuid,
  ConstraintMessages,
  normalizePersian,
  notFound,
  RequestContext,
  requireUser,
  tidyDisplayText,
  Validator,
} from "@hamafza/common";
import { DeepPartial, EntityManager } from "typeorm";
import { Demand } from "../entities/Demand";
import { Meeting } from "../entities/Meeting";
import { Proposal } from "../entities/Proposal";
import { tehranToday } from "../util/time";
import { PeriodLocks } from "../locks";
import { assertSameTerritory, checkTerritory, checkUuid, trimOrNull } from "./common";
import { DemandCreateInput, DemandUpdateInput, ProposalCreateInput, ProposalUpdateInput } from "./requestInputs";

/** A field-of-activity code of the registry taxonomy (UPPER_SNAKE). */
const FIELD_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

export const PROPOSAL_SORTABLE = {
  submittedOn: "proposal.submittedOn",
  respondedOn: "proposal.respondedOn",
  status: "proposal.status",
  topic: "proposal.topicNormalized",
  createdAt: "proposal.createdAt",
};
export const DEMAND_SORTABLE = {
  raisedOn: "demand.raisedOn",
  respondedOn: "demand.respondedOn",
  status: "demand.status",
  category: "demand.category",
  title: "demand.titleNormalized",
  createdAt: "demand.createdAt",
};
export const REQUEST_CONSTRAINTS: ConstraintMessages = {
  proposal_addressee_check: "دستگاه یا شورایی را که طرح به آن ارائه شده مشخص کنید.",
  proposal_dates_check: "تاریخ‌های بررسی، پاسخ و اجرا نمی‌توانند پیش از تاریخ ارائه طرح باشند.",
  demand_response_date_check: "روز پاسخ نمی‌تواند پیش از روز طرح مطالبه باشد.",
  agenda_item_demand_fk: "این مطالبه در دستور جلسه نشستی آمده است و حذف نمی‌شود.",
};

/** A linked meeting must be visible to the user and of the same province (and county, for a county meeting). */
export async function checkMeetingLink(em: EntityManager, ctx: RequestContext, row: Proposal | Demand): Promise<void> {
  if (!row.meetingId) return;
  const meeting = await em.findOne(Meeting, { where: { id: row.meetingId } });
  if (!meeting || !canRead(requireUser(ctx), meeting)) throw notFound("نشست", row.meetingId);
  assertSameTerritory(
    { provinceId: row.provinceId, countyId: meeting.countyId === null ? null : row.countyId },
    meeting,
    "meetingId",
    "نشست باید در همان استان (و شهرستانِ) سمن باشد.",
  );
}

export function checkProposalFields(
  v: Validator,
  input: ProposalCreateInput | ProposalUpdateInput,
  creating: boolean,
): void {
  if (creating || input.topic !== undefined) v.text(input.topic, "topic", "موضوع طرح", { min: 3, max: 300 });
  checkUuid(v, input.agencyId, "agencyId", "دستگاه");
  checkUuid(v, input.meetingId, "meetingId", "نشست");
  if (input.fieldCode)
    v.check(FIELD_CODE.test(input.fieldCode), "fieldCode", "کد حوزه فعالیت باید با حروف بزرگ لاتین باشد (مثل YOUTH).");
  if (input.councilName) v.text(input.councilName, "councilName", "نام شورا", { max: 300, required: false });
  if (input.summary) v.text(input.summary, "summary", "خلاصه طرح", { max: 4000, required: false });
  if (creating)
    v.check(
      !!input.agencyId || !!input.councilName?.trim(),
      "agencyId",
      "دستگاه یا شورایی را که طرح به آن ارائه شده مشخص کنید.",
    );
  if (input.submittedOn)
    v.check(input.submittedOn <= tehranToday(), "submittedOn", "روز ارائه نمی‌تواند در آینده باشد.");
}

export function applyProposalFields(proposal: Proposal, input: ProposalCreateInput | ProposalUpdateInput): void {
  if (input.topic !== undefined)
    Object.assign(proposal, { topic: tidyDisplayText(input.topic!), topicNormalized: normalizePersian(input.topic) });
  if (input.agencyId !== undefined) proposal.agencyId = input.agencyId || null;
  if (input.councilName !== undefined) proposal.councilName = trimOrNull(input.councilName);
  if (input.summary !== undefined) proposal.summary = trimOrNull(input.summary);
  if (input.fieldCode !== undefined) proposal.fieldCode = input.fieldCode || null;
  if (input.meetingId !== undefined) proposal.meetingId = input.meetingId || null;
  if (input.submittedOn) proposal.submittedOn = input.submittedOn;
  proposal.agencyId ??= null;
  proposal.councilName ??= null;
  proposal.summary ??= null;
  proposal.fieldCode ??= null;
  proposal.meetingId ??= null;
}

export function checkDemandFields(v: Validator, input: DemandCreateInput | DemandUpdateInput, creating: boolean): void {
  if (creating || input.title !== undefined) v.text(input.title, "title", "عنوان مطالبه", { min: 3, max: 300 });
  checkUuid(v, input.agencyId, "agencyId", "دستگاه");
  checkUuid(v, input.meetingId, "meetingId", "نشست");
  if (input.description) v.text(input.description, "description", "شرح مطالبه", { max: 4000, required: false });
  if (input.raisedOn) v.check(input.raisedOn <= tehranToday(), "raisedOn", "روز طرح مطالبه نمی‌تواند در آینده باشد.");
}

export function applyDemandFields(demand: Demand, input: DemandCreateInput | DemandUpdateInput): void {
  if (input.title !== undefined)
    Object.assign(demand, { title: tidyDisplayText(input.title!), titleNormalized: normalizePersian(input.title) });
  if (input.category) demand.category = input.category;
  if (input.description !== undefined) demand.description = trimOrNull(input.description);
  if (input.agencyId !== undefined) demand.agencyId = input.agencyId || null;
  if (input.meetingId !== undefined) demand.meetingId = input.meetingId || null;
  if (input.raisedOn) demand.raisedOn = input.raisedOn;
}

/** How a new proposal or demand differs from the other: its checks, defaults, fields and the day a lock looks at. */
export interface NewRequest<T extends Proposal | Demand> {
  check: (v: Validator) => void;
  defaults: DeepPartial<T>;
  apply: (row: T) => void;
  /** What the LOCKED message calls the record. */
  lockLabel: string;
  /** The day that may not fall in a locked year (submission, raising). */
  day: (row: T) => string;
}

/**
 * A new proposal or demand, for the create outline: read under the period locks, its NGO, territory and fields
 * checked, made with its defaults, in the user's write territory, its meeting link checked and its day outside a
 * locked year.
 */
export async function buildRequest<T extends Proposal | Demand>(
  em: EntityManager,
  ctx: RequestContext,
  entity: new () => T,
  input: { ngoId: string; provinceId: string; countyId?: string | null },
  how: NewRequest<T>,
): Promise<{ row: T }> {
  const locks = await PeriodLocks.forWrite(em);
  const v = new Validator();
  v.check(isUuid(input.ngoId), "ngoId", "شناسه سمن معتبر نیست.");
  checkTerritory(v, input.provinceId, input.countyId);
  how.check(v);
  v.done();
  const row = em.create(entity, {
    ngoId: input.ngoId,
    provinceId: input.provinceId,
    countyId: input.countyId || null,
    ...how.defaults,
  } as DeepPartial<T>);
  how.apply(row);
  assertCanWrite(requireUser(ctx), row);
  await checkMeetingLink(em, ctx, row);
  locks.assertDatesOpen(row.provinceId, how.lockLabel, how.day(row));
  return { row };
}
