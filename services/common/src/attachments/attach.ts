import { EntityManager } from "typeorm";
import { AuthUser } from "../auth";
import { assertCanWrite, canRead, requireUser, Territory } from "../access";
import { recordAudit } from "../audit";
import { RequestContext } from "../context";
import { invalidInput, notFound } from "../errors";
import { isUuid } from "../ids";
import { Validator } from "../validation";
import { AttachmentFileInput } from "./fields";
import { isUploadReceipt } from "./receipt";
import { AttachmentRecordType, ATTACHMENT_RECORD_LABELS, cleanFileName, isSha256, kindFits } from "./rules";

export const UPLOAD_ONLY_MESSAGE =
  "پرونده را از راه بارگذاری پیوست (POST /attachments) بفرستید؛ این عمل مستقیم از GraphQL پذیرفته نمی‌شود.";

/**
 * Checks a stored file before it is attached to a record of `recordType`: the gateway's receipt (without it:
 * BAD_USER_INPUT), the kind the record takes and the name (BAD_USER_INPUT). Returns the cleaned file name.
 */
export function checkAttachmentFile(ctx: RequestContext, recordType: AttachmentRecordType, file: AttachmentFileInput) {
  const receiptOk =
    !!ctx.gatewaySecret && isSha256(file.sha256) && isUploadReceipt(ctx.gatewaySecret, file, file.receipt);
  // BAD_USER_INPUT, not FORBIDDEN: the role may attach, the request is malformed (FORBIDDEN is kept for roles).
  if (!receiptOk) throw invalidInput([{ field: "file.receipt", message: UPLOAD_ONLY_MESSAGE }]);
  const fileName = cleanFileName(file.fileName);
  new Validator()
    .check(
      kindFits(recordType, file.kind),
      "kind",
      `این نوع پیوست برای ${ATTACHMENT_RECORD_LABELS[recordType]} پذیرفته نیست.`,
    )
    .check(!!fileName, "fileName", "نام پرونده را بنویسید.")
    .done();
  return fileName!;
}

/**
 * The record a file is attached to, locked, when the user may change it (NOT_FOUND outside the territory, as on the
 * record; FORBIDDEN for a record the user may see but not change). Attaching does not change the record's version.
 */
export async function recordForAttachment<T extends Territory>(
  em: EntityManager,
  ctx: RequestContext,
  entity: new () => T,
  id: string,
  recordType: AttachmentRecordType,
  territoryOf: (row: T) => Territory = (row) => row,
): Promise<T> {
  const user: AuthUser = requireUser(ctx);
  const label = ATTACHMENT_RECORD_LABELS[recordType];
  const row = isUuid(id)
    ? ((await em.findOne(entity, { where: { id } as never, lock: { mode: "pessimistic_write" } })) as T | null)
    : null;
  if (!row || !canRead(user, territoryOf(row))) throw notFound(label, id);
  assertCanWrite(user, territoryOf(row));
  return row;
}

/** The audit entry of an attachment added or removed. */
export function auditAttachment(
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  territory: Territory,
  change: { before: { id: string } | null; after: { id: string } | null },
) {
  return recordAudit(em, ctx, {
    action,
    entityType: "Attachment",
    entityId: (change.after ?? change.before)!.id,
    provinceId: territory.provinceId,
    countyId: territory.countyId,
    before: change.before,
    after: change.after,
  });
}
