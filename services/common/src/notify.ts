import { EntityManager } from "typeorm";
import { withMergedNgoRepresentatives } from "./mergedNgo";

/**
 * How a service asks for a notification (docs/notifications.md). Users and their inboxes belong to the identity
 * service; other services never read its tables. Like the audit log, every service's role may append (INSERT only) to
 * `identity.notification_request`, in the same transaction as the change or the reminder it is about; the identity
 * service's queue delivers each request to the users it addresses (inbox, then email per their preferences).
 * The occasion key makes a request idempotent: a second request with the same key is ignored, so a reminder is sent
 * once per occasion however often (and in however many processes) its job runs.
 */

/** What a notification is about; users choose the kinds they receive. */
export enum NotificationKind {
  MEETING_QUARTER_DUE = "MEETING_QUARTER_DUE",
  RESOLUTION_DUE = "RESOLUTION_DUE",
  RESOLUTION_OVERDUE = "RESOLUTION_OVERDUE",
  REQUEST_UNANSWERED = "REQUEST_UNANSWERED",
  LICENCE_EXPIRING = "LICENCE_EXPIRING",
  MEETING_INVITATION = "MEETING_INVITATION",
  MEETING_SOON = "MEETING_SOON",
  ACTIVITY_REPORT_DUE = "ACTIVITY_REPORT_DUE",
  REQUEST_SUBMITTED = "REQUEST_SUBMITTED",
  REQUEST_ANSWERED = "REQUEST_ANSWERED",
  SUPERVISION_WARNING = "SUPERVISION_WARNING",
  NGO_PROFILE_CHANGE = "NGO_PROFILE_CHANGE",
  SYSTEM = "SYSTEM",
}

/** Whom a request addresses; the identity service resolves it to users when it delivers. */
export interface NotificationRecipients {
  /** These users (ids of identity users). */
  userIds?: string[];
  /** The county officers of these counties; a county without one falls back to its province's officers. */
  countyOfficersOf?: string[];
  /** The province officers of these provinces. */
  provinceOfficersOf?: string[];
  /** Every county officer except those of these counties (e.g. the counties that did hold their quarter's meeting). */
  countyOfficersExcept?: string[];
  /**
   * The representatives of these NGOs (invited users bound to them, docs/security.md) — and, in registry and
   * engagement, of the NGOs merged into them, who act for them (added when the request is written: mergedNgo.ts).
   */
  ngoRepresentativesOf?: string[];
  /** The respondents of these agencies. */
  agencyRespondentsOf?: string[];
  /** The accounts of these managers. */
  managersOf?: string[];
}

export interface NotificationRequest {
  /** One per occasion, e.g. `resolution-due:<id>:<deadline>`; at most 300 characters. */
  occasionKey: string;
  /** The requesting service (registry, engagement, evaluation, identity). */
  service: string;
  kind: NotificationKind;
  /** Persian title (the email subject). */
  title: string;
  /** Persian text. */
  body: string;
  /** Persian: why the user gets it (shown in the inbox), e.g. «شما کارشناس فرمانداری زنجان هستید». */
  reason: string;
  /** The record in the dashboard, as a hash route (e.g. `#/resolutions/<id>/show`). */
  link?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  recipients: NotificationRecipients;
}

/**
 * What every reminder job does with the reminders due (in its transaction, under its lock): records each occasion in
 * the service's own `reminder_occasion` table and requests only those not recorded before — so an occasion is
 * requested once across restarts, retries and processes. Returns how many were new.
 */
export async function requestNewReminders(em: EntityManager, requests: NotificationRequest[]): Promise<number> {
  if (requests.length === 0) return 0;
  const fresh: { occasion_key: string }[] = await em.query(
    `INSERT INTO reminder_occasion (occasion_key) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING occasion_key`,
    [requests.map((r) => r.occasionKey)],
  );
  const keys = new Set(fresh.map((row) => row.occasion_key));
  await requestNotifications(
    em,
    requests.filter((r) => keys.has(r.occasionKey)),
  );
  return keys.size;
}

/**
 * Appends many requests in one statement (reminder jobs); as `requestNotification`, occasions requested before are
 * ignored.
 */
export async function requestNotifications(em: EntityManager, requests: NotificationRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 1000) {
    const slice = (await withMergedNgoRepresentatives(em, requests.slice(i, i + 1000))).map((r) => ({
      ...r,
      link: r.link ?? null,
      recordType: r.recordType ?? null,
      recordId: r.recordId ?? null,
    }));
    if (slice.some((r) => r.occasionKey.length === 0 || r.occasionKey.length > 300))
      throw new Error("occasionKey must have 1-300 characters");
    await em.query(
      `INSERT INTO identity.notification_request (occasion_key, service, kind, title, body, reason, link, record_type, record_id, recipients)
       SELECT x."occasionKey", x.service, x.kind, x.title, x.body, x.reason, x.link, x."recordType", x."recordId", x.recipients
         FROM jsonb_to_recordset($1::jsonb) AS x("occasionKey" text, service text, kind text, title text, body text,
              reason text, link text, "recordType" text, "recordId" text, recipients jsonb)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(slice)],
    );
  }
}

/**
 * Appends a notification request in `em`'s transaction; a request whose occasion was requested before is ignored
 * (the requesting role may not read the table, so it is not told which).
 */
export async function requestNotification(em: EntityManager, given: NotificationRequest): Promise<void> {
  if (given.occasionKey.length === 0 || given.occasionKey.length > 300)
    throw new Error("occasionKey must have 1-300 characters");
  const [request] = await withMergedNgoRepresentatives(em, [given]);
  await em.query(
    `INSERT INTO identity.notification_request (occasion_key, service, kind, title, body, reason, link, record_type, record_id, recipients)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT DO NOTHING`,
    [
      request.occasionKey,
      request.service,
      request.kind,
      request.title,
      request.body,
      request.reason,
      request.link ?? null,
      request.recordType ?? null,
      request.recordId ?? null,
      JSON.stringify(request.recipients),
    ],
  );
}
