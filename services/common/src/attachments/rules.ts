import { AttachmentKind } from "./fields";

/** The records files are attached to, and the kinds each takes. */
export const ATTACHMENT_KINDS_OF = {
  MEETING: [AttachmentKind.MINUTES, AttachmentKind.ATTENDANCE_SHEET, AttachmentKind.PHOTO, AttachmentKind.DOCUMENT],
  RESOLUTION: [AttachmentKind.COMPLETION_EVIDENCE, AttachmentKind.PHOTO, AttachmentKind.DOCUMENT],
  PROJECT: [AttachmentKind.PHOTO, AttachmentKind.DOCUMENT, AttachmentKind.COMPLETION_EVIDENCE],
  LICENCE: [AttachmentKind.LICENCE_SCAN, AttachmentKind.DOCUMENT],
  ACTIVITY_REPORT: [AttachmentKind.DOCUMENT, AttachmentKind.PHOTO],
} as const satisfies Record<string, readonly AttachmentKind[]>;
export type AttachmentRecordType = keyof typeof ATTACHMENT_KINDS_OF;
export const ATTACHMENT_RECORD_TYPES = Object.keys(ATTACHMENT_KINDS_OF) as AttachmentRecordType[];

/** Persian names of the records, for messages. */
export const ATTACHMENT_RECORD_LABELS: Record<AttachmentRecordType, string> = {
  MEETING: "جلسه",
  RESOLUTION: "مصوبه",
  PROJECT: "پروژه",
  LICENCE: "پروانه",
  ACTIVITY_REPORT: "گزارش سالانه",
};

export const isAttachmentRecordType = (value: unknown): value is AttachmentRecordType =>
  typeof value === "string" && value in ATTACHMENT_KINDS_OF;

export const kindFits = (record: AttachmentRecordType, kind: string) =>
  (ATTACHMENT_KINDS_OF[record] as readonly string[]).includes(kind);

export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name fit to store and to send back in `content-disposition`: the last path part, without control
 * characters or quotes, trimmed and at most 200 characters; null when nothing is left.
 */
export function cleanFileName(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const last = raw.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "").trim();
  if (!clean || clean === "." || clean === "..") return null;
  return [...clean].slice(0, MAX_FILE_NAME_LENGTH).join("");
}

/** Whether a SHA-256 hex digest is well-formed (64 lowercase hex characters). */
export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
