import { notFound, recordChange, RequestContext, requireUser } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { LicenceAction } from "../entities/LicenceEvent";
import { assertLinkable } from "./supervisionRules";
import { SupervisionRecord } from "./SupervisionRecord";

/**
 * The supervision record a suspension or revocation names as its justification, locked and checked: of the licence's
 * NGO (NOT_FOUND otherwise, whatever its territory), not linked yet, and the action one a record may justify.
 */
export async function lockJustifyingRecord(
  em: EntityManager,
  licence: { ngoId: string },
  action: LicenceAction,
  recordId: string,
): Promise<SupervisionRecord> {
  const record = await em.findOne(SupervisionRecord, { where: { id: recordId }, lock: { mode: "pessimistic_write" } });
  if (!record || record.ngoId !== licence.ngoId) throw notFound("سابقه نظارت", recordId);
  assertLinkable({ record, event: { ngoId: licence.ngoId, action, supervisionRecordId: null } }, "supervisionRecordId");
  return record;
}

/** The record's side of the link to the licence action just recorded, audited as `linkSupervisionRecord`. */
export async function linkRecordToEvent(
  em: EntityManager,
  ctx: RequestContext,
  record: SupervisionRecord,
  licenceEventId: string,
): Promise<void> {
  const before = { ...record };
  Object.assign(record, {
    licenceEventId,
    version: record.version + 1,
    updatedBy: requireUser(ctx).username,
  });
  const saved = await em.save(record);
  await recordChange(em, ctx, "linkSupervisionRecord", "SupervisionRecord", { before, after: saved });
}
