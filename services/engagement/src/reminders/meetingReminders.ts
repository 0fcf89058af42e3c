import { logger, NotificationRequest, QueueDefinition, requestNewReminders } from "@hamafza/common";
import { DataSource } from "typeorm";
import { meetingRequests, PlannedMeetingRow } from "./meetingReminderRules";

/**
 * The meeting reminder job of engagement (every 15 minutes, one process at a time): the invitation of every planned
 * meeting still ahead, and the reminder 24 hours before it. As the daily job, each occasion is recorded in
 * `reminder_occasion` in the same transaction as its request to identity, so it is requested once across restarts,
 * processes and retries.
 */

export const MEETING_REMINDER_QUEUE = "engagement-meeting-reminders";

/** Requests the meeting invitations and 24-hour reminders due at `now` not requested before; returns how many were new. */
export async function sendMeetingReminders(db: DataSource, now: Date = new Date()): Promise<number> {
  return db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('engagement-meeting-reminders', 0))`);
    const rows: PlannedMeetingRow[] = await em.query(
      `SELECT id, title, scheduled_at AS "scheduledAt", province_id AS "provinceId", county_id AS "countyId", venue,
              ARRAY(SELECT a.ngo_id::text FROM meeting_attendance a WHERE a.meeting_id = meeting.id ORDER BY a.ngo_id) AS "ngoIds"
         FROM meeting WHERE status = 'PLANNED' AND scheduled_at > $1 ORDER BY scheduled_at, id`,
      [now],
    );
    const requests: NotificationRequest[] = rows.flatMap((row) => meetingRequests(row, now));
    const added = await requestNewReminders(em, requests);
    if (added > 0) logger.info(`[engagement] ${added} meeting reminder(s) requested`);
    return added;
  });
}

export const meetingReminderQueueDefinition = (db: DataSource): QueueDefinition<object> => ({
  name: MEETING_REMINDER_QUEUE,
  singleton: true,
  cron: "*/15 * * * *",
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 600,
  run: async () => void (await sendMeetingReminders(db)),
});
