import { addDays, logger, NotificationRequest, QueueDefinition, requestNewReminders, tehranDay } from "@hamafza/common";
import { DataSource } from "typeorm";
import { overdueBefore } from "../rules/answerDeadline";
import {
  quarterOccasion,
  quarterRequest,
  RequestRow,
  RESOLUTION_DUE_DAYS,
  ResolutionRow,
  resolutionRequest,
  unansweredRequest,
} from "./reminderRules";

/**
 * The daily reminder job of engagement (08:00 Tehran time, one process at a time): finds the due occasions in its own
 * tables, records each in `reminder_occasion` and appends its notification request to identity in the same
 * transaction. An occasion recorded once is never requested again (restarts, several processes, a retried job).
 */

export const REMINDER_QUEUE = "engagement-reminders";

/** Requests every reminder due at `now` that was not requested before; returns how many were new. */
export async function sendEngagementReminders(db: DataSource, now: Date = new Date()): Promise<number> {
  const today = tehranDay(now);
  return db.transaction(async (em) => {
    // One reminder run at a time per database (the queue's singleton policy already ensures it; this guards direct calls).
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('engagement-reminders', 0))`);
    const requests: NotificationRequest[] = [];
    const occasion = quarterOccasion(now);
    if (occasion) {
      const held: { county_id: string }[] = await em.query(
        `SELECT DISTINCT m.county_id FROM meeting m
          WHERE m.kind = 'QUARTERLY_PROBLEM_CENTRED' AND m.status = 'HELD' AND m.county_id IS NOT NULL
            AND m.held_at >= $1 AND m.held_at < $2
            AND m.attendance_count > 0`,
        [occasion.start, occasion.end],
      );
      requests.push(quarterRequest(occasion, held.map((row) => row.county_id).sort()));
    }
    const resolutions: ResolutionRow[] = await em.query(
      `SELECT id, text, to_char(deadline, 'YYYY-MM-DD') AS deadline, province_id AS "provinceId", county_id AS "countyId",
              owner_agency_id AS "ownerAgencyId", owner_manager_id AS "ownerManagerId"
         FROM resolution WHERE status IN ('OPEN', 'IN_PROGRESS') AND deadline IS NOT NULL AND deadline <= $1::date
        ORDER BY deadline, id`,
      [addDays(today, RESOLUTION_DUE_DAYS)],
    );
    for (const row of resolutions) {
      const request = resolutionRequest(row, today);
      if (request) requests.push(request);
    }
    const unanswered: RequestRow[] = await em.query(
      `SELECT 'demand' AS kind, id, title, to_char(raised_on, 'YYYY-MM-DD') AS since, province_id AS "provinceId", county_id AS "countyId",
              agency_id AS "agencyId"
         FROM demand WHERE status IN ('RAISED', 'UNDER_REVIEW') AND responded_on IS NULL AND raised_on < $1::date
       UNION ALL
       SELECT 'proposal', id, topic, to_char(submitted_on, 'YYYY-MM-DD'), province_id, county_id, agency_id
         FROM proposal WHERE status IN ('SUBMITTED', 'UNDER_REVIEW') AND responded_on IS NULL AND submitted_on < $1::date
       ORDER BY since, id`,
      [overdueBefore(today)],
    );
    for (const row of unanswered) {
      const request = unansweredRequest(row, today);
      if (request) requests.push(request);
    }
    // Only the occasions not requested before.
    const added = await requestNewReminders(em, requests);
    if (added > 0) logger.info(`[engagement] ${added} reminder(s) requested for ${today}`);
    return added;
  });
}

export const reminderQueueDefinition = (db: DataSource): QueueDefinition<object> => ({
  name: REMINDER_QUEUE,
  singleton: true,
  cron: "0 8 * * *",
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 1800,
  run: async () => void (await sendEngagementReminders(db)),
});
