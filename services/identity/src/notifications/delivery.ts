import { JobQueue, logger, NotificationRecipients, QueueDefinition } from "@hamafza/common";
import { Transporter } from "nodemailer";
import { DataSource } from "typeorm";
import { createTransport, digestMail, MailItem, singleMail, SmtpSettings } from "./mail";

/**
 * Delivery of notification requests (docs/notifications.md): the identity service's queue turns each pending
 * `notification_request` into one inbox notification per addressed user (unique per user and occasion, so a request
 * is never delivered twice), then emails them — one by one, or in the 07:00 (Tehran) digest — per each user's
 * preferences, when SMTP is configured.
 */

export const INTAKE_QUEUE = "notification-intake";
export const EMAIL_QUEUE = "notification-email";
export const DIGEST_QUEUE = "notification-digest";

const FALLBACK_REASON = " (برای این شهرستان کارشناس فرمانداری در سامانه ثبت نشده است؛ به کارشناس استان فرستاده شد.)";

interface PendingRequest {
  id: string;
  occasion_key: string;
  kind: string;
  title: string;
  body: string;
  reason: string;
  link: string | null;
  record_type: string | null;
  record_id: string | null;
  recipients: NotificationRecipients;
}

/**
 * Delivers up to `limit` pending requests in one transaction (several processes may run it: `SKIP LOCKED`);
 * returns the ids of the new notifications that are to be emailed one by one.
 */
export async function deliverPendingRequests(
  db: DataSource,
  limit = 200,
): Promise<{ delivered: number; toEmail: string[] }> {
  return db.transaction(async (em) => {
    const requests: PendingRequest[] = await em.query(
      `SELECT id, occasion_key, kind, title, body, reason, link, record_type, record_id, recipients
         FROM notification_request WHERE processed_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    let delivered = 0;
    const toEmail: string[] = [];
    for (const request of requests) {
      const { userIds = [], countyOfficersOf = [], provinceOfficersOf = [] } = request.recipients ?? {};
      const except = request.recipients?.countyOfficersExcept ?? null;
      // Counties without an active county officer fall back to their province's officers.
      const rows: { id: string; email: boolean }[] = await em.query(
        `WITH orphan AS (
           SELECT c AS county_id FROM unnest($2::text[]) c
            WHERE NOT EXISTS (SELECT 1 FROM user_account u WHERE u.role = 'COUNTY_OFFICER' AND u.county_id = c AND NOT u.disabled)),
         addressed AS (
           SELECT u.id, (u.role = 'PROVINCE_OFFICER' AND u.province_id IN (SELECT left(county_id, 2) FROM orphan)
                         AND NOT u.province_id = ANY($3::text[])) AS fallback
             FROM user_account u
            WHERE NOT u.disabled AND (
                  u.id::text = ANY($1::text[])
               OR (u.role = 'COUNTY_OFFICER' AND u.county_id = ANY($2::text[]))
               OR (u.role = 'COUNTY_OFFICER' AND $13::text[] IS NOT NULL AND NOT (u.county_id = ANY($13::text[])))
               OR (u.role = 'PROVINCE_OFFICER' AND (u.province_id = ANY($3::text[]) OR u.province_id IN (SELECT left(county_id, 2) FROM orphan)))
               OR (u.role = 'NGO_REPRESENTATIVE' AND u.bound_id::text = ANY($14::text[]))
               OR (u.role = 'AGENCY_RESPONDENT' AND u.bound_id::text = ANY($15::text[]))
               OR (u.role = 'MANAGER' AND u.bound_id::text = ANY($16::text[]))))
         INSERT INTO notification (user_id, occasion_key, kind, title, body, reason, link, record_type, record_id)
         SELECT a.id, $4::text, $5::text, $6::text, $7::text, $8::text || CASE WHEN a.fallback THEN $12::text ELSE '' END,
                $9::text, $10::text, $11::text
           FROM addressed a LEFT JOIN notification_preference p ON p.user_id = a.id
          WHERE NOT (COALESCE(p.muted_kinds, '{}') @> ARRAY[$5::text])
         ON CONFLICT (user_id, occasion_key) DO NOTHING
         RETURNING id, EXISTS (SELECT 1 FROM notification_preference p WHERE p.user_id = notification.user_id
                               AND p.email_enabled AND p.email IS NOT NULL AND NOT p.daily_digest) AS email`,
        [
          userIds,
          countyOfficersOf,
          provinceOfficersOf,
          request.occasion_key,
          request.kind,
          request.title,
          request.body,
          request.reason,
          request.link,
          request.record_type,
          request.record_id,
          FALLBACK_REASON,
          except,
          request.recipients?.ngoRepresentativesOf ?? [],
          request.recipients?.agencyRespondentsOf ?? [],
          request.recipients?.managersOf ?? [],
        ],
      );
      delivered += rows.length;
      toEmail.push(...rows.filter((row) => row.email).map((row) => row.id));
      await em.query(`UPDATE notification_request SET processed_at = now() WHERE id = $1`, [request.id]);
    }
    return { delivered, toEmail };
  });
}

/** Emails one notification unless it was emailed already (a retried job sends it once). */
export async function emailNotification(db: DataSource, transport: Transporter, smtp: SmtpSettings, id: string) {
  const [row]: (MailItem & { email: string | null; emailed: boolean; enabled: boolean })[] = await db.query(
    `SELECT n.title, n.body, n.reason, n.link, p.email, n.emailed_at IS NOT NULL AS emailed, COALESCE(p.email_enabled, false) AS enabled
       FROM notification n LEFT JOIN notification_preference p ON p.user_id = n.user_id WHERE n.id = $1`,
    [id],
  );
  if (!row || row.emailed || !row.email || !row.enabled) return;
  const mail = singleMail(row, smtp.publicUrl);
  await transport.sendMail({ from: smtp.from, to: row.email, ...mail });
  await db.query(`UPDATE notification SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`, [id]);
}

/** The daily digest: per user who chose it, one email with every notification not yet emailed. */
export async function sendDigests(db: DataSource, transport: Transporter, smtp: SmtpSettings): Promise<number> {
  const users: { user_id: string; email: string }[] = await db.query(
    `SELECT p.user_id, p.email FROM notification_preference p
      WHERE p.daily_digest AND p.email_enabled AND p.email IS NOT NULL
        AND EXISTS (SELECT 1 FROM notification n WHERE n.user_id = p.user_id AND n.emailed_at IS NULL AND n.read_at IS NULL)`,
  );
  let sent = 0;
  for (const user of users) {
    const items: (MailItem & { id: string })[] = await db.query(
      `SELECT id, title, body, reason, link FROM notification
        WHERE user_id = $1 AND emailed_at IS NULL AND read_at IS NULL ORDER BY created_at LIMIT 100`,
      [user.user_id],
    );
    if (items.length === 0) continue;
    await transport.sendMail({ from: smtp.from, to: user.email, ...digestMail(items, smtp.publicUrl) });
    await db.query(`UPDATE notification SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [items.map((i) => i.id)]);
    sent++;
  }
  return sent;
}

/** The identity service's queues: intake every minute, one email per job, the digest at 07:00 Tehran time. */
export function notificationQueues(
  db: DataSource,
  smtp: SmtpSettings | null,
  queue: () => JobQueue,
  intakeCron: string | null = "* * * * *",
): QueueDefinition<any>[] {
  const transport = smtp ? createTransport(smtp) : null;
  const intake: QueueDefinition<object> = {
    name: INTAKE_QUEUE,
    singleton: true,
    cron: intakeCron ?? undefined,
    retryLimit: 1,
    expireInSeconds: 300,
    run: async () => {
      for (;;) {
        const { delivered, toEmail } = await deliverPendingRequests(db);
        if (transport)
          for (const id of toEmail) await queue().send(EMAIL_QUEUE, { notificationId: id }, { singletonKey: id });
        if (delivered === 0 && toEmail.length === 0) break;
        logger.info(`[identity] delivered ${delivered} notification(s)`);
        if (delivered < 200) break;
      }
    },
  };
  if (!transport || !smtp) return [intake];
  return [
    intake,
    {
      name: EMAIL_QUEUE,
      retryLimit: 5,
      retryDelaySeconds: 30,
      expireInSeconds: 120,
      run: async (data: { notificationId: string }) => emailNotification(db, transport, smtp, data.notificationId),
    },
    {
      name: DIGEST_QUEUE,
      singleton: true,
      cron: "0 7 * * *",
      retryLimit: 3,
      expireInSeconds: 1800,
      run: async () => void (await sendDigests(db, transport, smtp)),
    },
  ];
}
