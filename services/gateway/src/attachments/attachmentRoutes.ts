import {
  ATTACHMENT_RECORD_TYPES,
  AttachmentRecordType,
  AuthUser,
  cleanFileName,
  declaredMediaType,
  ErrorCode,
  isAttachmentRecordType,
  isUuid,
  kindFits,
  logger,
  OFFICERS,
  sendError,
  sniffMediaType,
  uploadReceipt,
  ATTACHMENT_KINDS_OF,
} from "@hamafza/common";
import { attachmentDisposition } from "../listDownload";
import express from "express";
import { createHash } from "node:crypto";
import { FormattedExecutionResult } from "graphql";
import { AttachmentLimits } from "./limits";
import { BlobStorage } from "./storage";

/** Runs one GraphQL operation through the gateway as the signed-in caller of `res`. */
export type RunAsCaller = (
  query: string,
  variables: Record<string, unknown>,
  res: express.Response,
) => Promise<FormattedExecutionResult>;

const FIELDS = "id kind fileName mediaType sizeBytes sha256 uploadedBy createdAt";

/** Per record type: the query that tells whether the caller sees the record, and the mutation that attaches. */
const RECORDS: Record<AttachmentRecordType, { probe: string; attach: string }> = {
  MEETING: {
    probe: "query($id: ID!) { record: meeting(id: $id) { id } }",
    attach: `mutation($id: ID!, $file: AttachmentFileInput!) { attached: attachToMeeting(meetingId: $id, file: $file) { ${FIELDS} } }`,
  },
  RESOLUTION: {
    probe: "query($id: ID!) { record: resolution(id: $id) { id } }",
    attach: `mutation($id: ID!, $file: AttachmentFileInput!) { attached: attachToResolution(resolutionId: $id, file: $file) { ${FIELDS} } }`,
  },
  PROJECT: {
    probe: "query($id: ID!) { record: project(id: $id) { id } }",
    attach: `mutation($id: ID!, $file: AttachmentFileInput!) { attached: attachToProject(projectId: $id, file: $file) { ${FIELDS} } }`,
  },
  LICENCE: {
    probe: "query($id: ID!) { record: licence(id: $id) { id } }",
    attach: `mutation($id: ID!, $file: AttachmentFileInput!) { attached: attachToLicence(licenceId: $id, file: $file) { ${FIELDS} } }`,
  },
  ACTIVITY_REPORT: {
    probe: "query($id: ID!) { record: ngoActivityReport(id: $id) { id } }",
    attach: `mutation($id: ID!, $file: AttachmentFileInput!) { attached: attachToActivityReport(reportId: $id, file: $file) { ${FIELDS} } }`,
  },
};

/** Every owner is asked at once; the one that holds the id (and lets the caller see its record) answers. */
const DOWNLOAD_QUERY = `query($id: ID!) {
  attachment(id: $id) { fileName mediaType sizeBytes sha256 }
  licenceAttachment(id: $id) { fileName mediaType sizeBytes sha256 }
  activityReportAttachment(id: $id) { fileName mediaType sizeBytes sha256 }
}`;

export const MESSAGES = {
  notOfficer: "بارگذاری پیوست فقط برای کارشناسان استان و شهرستان و مدیر سامانه است.",
  record: `نوع پرونده را با record بفرستید (${ATTACHMENT_RECORD_TYPES.join("، ")}).`,
  id: "شناسهٔ پرونده (id) را درست بفرستید.",
  kind: (record: AttachmentRecordType) =>
    `نوع پیوست (kind) را از این میان بفرستید: ${ATTACHMENT_KINDS_OF[record].join("، ")}.`,
  fileName: "نام پرونده را در سرآیند x-file-name (با کدگذاری URL) بفرستید.",
  empty: "پرونده خالی است.",
  tooLarge: (maxBytes: number) =>
    `پرونده بزرگ‌تر از حد مجاز (${new Intl.NumberFormat("fa-IR").format(Math.floor(maxBytes / 1024))} کیلوبایت) است.`,
  type: "نوع این پرونده پذیرفته نیست؛ PDF، تصویر (PNG، JPEG، WebP، TIFF) یا سند Word/Excel بفرستید.",
  mismatch: (declared: string, found: string) =>
    `نوع اعلام‌شدهٔ پرونده (${declared}) با محتوای آن (${found}) نمی‌خواند؛ پرونده را درست انتخاب کنید.`,
  recordMissing: "این پرونده پیدا نشد یا بیرون از قلمرو شماست.",
  attachmentMissing: "این پیوست پیدا نشد یا بیرون از قلمرو شماست.",
  contentMissing: "محتوای این پیوست در انبار پرونده‌ها پیدا نشد؛ به پشتیبانی خبر دهید.",
  unavailable: "بارگذاری یا دریافت پیوست اکنون ممکن نیست؛ کمی بعد دوباره تلاش کنید.",
};

const STATUS_OF: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.LOCKED]: 423,
  [ErrorCode.INVALID_TRANSITION]: 409,
};

function forwardErrors(res: express.Response, result: FormattedExecutionResult) {
  const code = String(result.errors![0].extensions?.code ?? ErrorCode.SERVICE_UNAVAILABLE);
  res.status(STATUS_OF[code] ?? 503).json({ errors: result.errors });
}

function fileNameHeader(req: express.Request): string | null {
  const raw = req.get("x-file-name");
  if (!raw) return null;
  try {
    return cleanFileName(decodeURIComponent(raw));
  } catch {
    return null;
  }
}

/**
 * POST /attachments?record=MEETING&id=<uuid>&kind=MINUTES with the file as the raw body, its name in `x-file-name`
 * (URL-encoded) and its type in `content-type`: checked (size, type found in the content, declared type agreeing),
 * stored once per content, then attached by the record's owning service as the caller — which checks territory and
 * role and writes the audit entry. Answers 201 with the attachment.
 */
export function uploadRoute(
  storage: BlobStorage,
  limits: AttachmentLimits,
  gatewaySecret: string,
  run: RunAsCaller,
): express.RequestHandler[] {
  const check: express.RequestHandler = (req, res, next) => {
    const { user } = res.locals.gatewayContext as { user: AuthUser };
    const bad = (message: string, field: string) =>
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, message, { problems: [{ field, message }] });
    if (!OFFICERS.includes(user.role)) return sendError(res, 403, ErrorCode.FORBIDDEN, MESSAGES.notOfficer);
    const record = req.query.record;
    if (!isAttachmentRecordType(record)) return bad(MESSAGES.record, "record");
    if (typeof req.query.id !== "string" || !isUuid(req.query.id)) return bad(MESSAGES.id, "id");
    if (typeof req.query.kind !== "string" || !kindFits(record, req.query.kind))
      return bad(MESSAGES.kind(record), "kind");
    if (!fileNameHeader(req)) return bad(MESSAGES.fileName, "fileName");
    const length = Number(req.get("content-length") ?? NaN);
    if (length > limits.maxBytes)
      return sendError(res, 413, ErrorCode.BAD_USER_INPUT, MESSAGES.tooLarge(limits.maxBytes), {
        maxBytes: limits.maxBytes,
      });
    next();
  };
  const body = express.raw({ type: () => true, limit: limits.maxBytes });
  const tooLarge: express.ErrorRequestHandler = (error, _req, res, next) => {
    if ((error as { type?: string }).type !== "entity.too.large") return next(error);
    sendError(res, 413, ErrorCode.BAD_USER_INPUT, MESSAGES.tooLarge(limits.maxBytes), { maxBytes: limits.maxBytes });
  };
  const store: express.RequestHandler = async (req, res) => {
    const record = req.query.record as AttachmentRecordType;
    const id = req.query.id as string;
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (content.length === 0) return sendError(res, 400, ErrorCode.BAD_USER_INPUT, MESSAGES.empty);
    const found = sniffMediaType(content);
    if (!found || !limits.types.includes(found)) return sendError(res, 415, ErrorCode.BAD_USER_INPUT, MESSAGES.type);
    const declared = declaredMediaType(req.get("content-type"));
    if (declared && declared !== "application/octet-stream" && declared !== found)
      return sendError(res, 415, ErrorCode.BAD_USER_INPUT, MESSAGES.mismatch(declared, found), { declared, found });
    try {
      // Ask first whether the caller sees the record, so a refused upload stores nothing.
      const probe = await run(RECORDS[record].probe, { id }, res);
      if (probe.errors?.length) return forwardErrors(res, probe);
      if (!(probe.data as { record?: unknown } | null)?.record)
        return sendError(res, 404, ErrorCode.NOT_FOUND, MESSAGES.recordMissing);
      const sha256 = createHash("sha256").update(content).digest("hex");
      const stored = await storage.put(sha256, content, found);
      const facts = { sha256, sizeBytes: content.length, mediaType: found };
      const file = {
        ...facts,
        kind: req.query.kind,
        fileName: fileNameHeader(req),
        receipt: uploadReceipt(gatewaySecret, facts),
      };
      const result = await run(RECORDS[record].attach, { id, file }, res);
      if (result.errors?.length) return forwardErrors(res, result);
      res.status(201).json({ attachment: (result.data as { attached: unknown }).attached, newContent: stored });
    } catch (error) {
      logger.error({ err: error }, "[gateway] attachment upload failed");
      sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, MESSAGES.unavailable);
    }
  };
  return [check, body, tooLarge, store] as express.RequestHandler[];
}

interface Downloadable {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * GET /attachments/<id>: the file, when the caller sees the record it is attached to (the owning service decides,
 * exactly as for the record); 404 otherwise — the same answer as for an id that does not exist.
 */
export function downloadRoute(storage: BlobStorage, run: RunAsCaller): express.RequestHandler {
  return async (req, res) => {
    const id = String(req.params.id);
    if (!isUuid(id)) return sendError(res, 404, ErrorCode.NOT_FOUND, MESSAGES.attachmentMissing);
    try {
      const result = await run(DOWNLOAD_QUERY, { id }, res);
      const data = result.data as Record<
        "attachment" | "licenceAttachment" | "activityReportAttachment",
        Downloadable | null | undefined
      > | null;
      const found = data?.attachment ?? data?.licenceAttachment ?? data?.activityReportAttachment ?? null;
      if (!found && result.errors?.length) return forwardErrors(res, result);
      if (!found) return sendError(res, 404, ErrorCode.NOT_FOUND, MESSAGES.attachmentMissing);
      const content = await storage.get(found.sha256);
      if (!content) {
        logger.error({ id, sha256: found.sha256 }, "[gateway] attachment content missing from storage");
        return sendError(res, 404, ErrorCode.NOT_FOUND, MESSAGES.contentMissing);
      }
      res.setHeader("content-type", found.mediaType);
      res.setHeader("content-length", String(found.sizeBytes));
      res.setHeader("content-disposition", attachmentDisposition(found.fileName));
      res.setHeader("cache-control", "private, no-store");
      res.setHeader("x-content-type-options", "nosniff");
      content.on("error", (error) => {
        logger.error({ err: error }, "[gateway] attachment read failed");
        res.destroy(error);
      });
      content.pipe(res);
    } catch (error) {
      logger.error({ err: error }, "[gateway] attachment download failed");
      sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, MESSAGES.unavailable);
    }
  };
}
