/** The records files are attached to (the gateway's POST /attachments?record=…), see docs/attachments.md. */
export type AttachmentRecordType = "MEETING" | "RESOLUTION" | "PROJECT" | "LICENCE" | "ACTIVITY_REPORT";

/** The kinds each record takes (the server checks the same list). */
export const ATTACHMENT_KINDS: Record<AttachmentRecordType, string[]> = {
  MEETING: ["MINUTES", "ATTENDANCE_SHEET", "PHOTO", "DOCUMENT"],
  RESOLUTION: ["COMPLETION_EVIDENCE", "PHOTO", "DOCUMENT"],
  PROJECT: ["PHOTO", "DOCUMENT", "COMPLETION_EVIDENCE"],
  LICENCE: ["LICENCE_SCAN", "DOCUMENT"],
  ACTIVITY_REPORT: ["DOCUMENT", "PHOTO"],
};

/** What a file input offers (the gateway decides from the content). */
export const ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.webp,.tif,.tiff,.docx,.xlsx";

const FIELDS = "id kind fileName mediaType sizeBytes uploadedBy createdAt";

export const ATTACHMENTS_QUERIES: Record<AttachmentRecordType, string> = {
  MEETING: `query MeetingAttachments($id: ID!) { record: meeting(id: $id) { id attachments { ${FIELDS} } } }`,
  RESOLUTION: `query ResolutionAttachments($id: ID!) { record: resolution(id: $id) { id attachments { ${FIELDS} } } }`,
  PROJECT: `query ProjectAttachments($id: ID!) { record: project(id: $id) { id attachments { ${FIELDS} } } }`,
  LICENCE: `query LicenceAttachments($id: ID!) { record: licence(id: $id) { id attachments { ${FIELDS} } } }`,
  ACTIVITY_REPORT: `query ActivityReportAttachments($id: ID!) { record: ngoActivityReport(id: $id) { id attachments { ${FIELDS} } } }`,
};

export const REMOVE_ATTACHMENT = `mutation RemoveAttachment($id: ID!) { removeAttachment(id: $id) { id } }`;
export const REMOVE_LICENCE_ATTACHMENT = `mutation RemoveLicenceAttachment($id: ID!) { removeLicenceAttachment(id: $id) { id } }`;
export const REMOVE_ACTIVITY_REPORT_ATTACHMENT = `mutation RemoveActivityReportAttachment($id: ID!) { removeActivityReportAttachment(id: $id) { id } }`;

/** The remove operation of each record's attachments (each owning service has its own). */
export const REMOVE_OPERATIONS: Record<AttachmentRecordType, string> = {
  MEETING: REMOVE_ATTACHMENT,
  RESOLUTION: REMOVE_ATTACHMENT,
  PROJECT: REMOVE_ATTACHMENT,
  LICENCE: REMOVE_LICENCE_ATTACHMENT,
  ACTIVITY_REPORT: REMOVE_ACTIVITY_REPORT_ATTACHMENT,
};

export interface AttachmentItem {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  createdAt: string;
}
