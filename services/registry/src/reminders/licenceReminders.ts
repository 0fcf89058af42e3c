import {
  addDays,
  logger,
  NotificationKind,
  NotificationRequest,
  QueueDefinition,
  requestNewReminders,
  tehranDay,
  toPersianDigits,
} from "@hamafza/common";
import { DataSource } from "typeorm";
import { sendActivityReportReminders } from "../activityReport/activityReportReminders";
import { licenceExpiringDays } from "../validation";

/**
 * The registry's daily reminder (08:00 Tehran time, one process at a time): an ACTIVE licence entering the expiring
 * window (HAMAFZA_LICENCE_EXPIRING_DAYS) and one that expired, to the NGO's representatives and the officers of its
 * county (a county without one falls back to the province's). Once per licence and expiry date:
 * recorded in `reminder_occasion` in the same transaction as the request to identity (docs/notifications.md).
 */

export const LICENCE_REMINDER_QUEUE = "registry-reminders";
const DAY_MS = 86_400_000;
const fa = (value: number | string) => toPersianDigits(String(value));

export interface LicenceRow {
  id: string;
  number: string;
  expiresOn: string;
  ngoId: string;
  ngoName: string;
  countyId: string;
}

/** The reminder a licence is due on `today` (Tehran), if any. */
export function licenceRequest(row: LicenceRow, today: string, windowDays: number): NotificationRequest | null {
  const left = Math.round((Date.parse(row.expiresOn) - Date.parse(today)) / DAY_MS);
  if (left > windowDays) return null;
  const expired = left < 0;
  return {
    occasionKey: `licence-${expired ? "expired" : "expiring"}:${row.id}:${row.expiresOn}`,
    service: "registry",
    kind: NotificationKind.LICENCE_EXPIRING,
    title: expired ? `پروانه سمن «${row.ngoName}» منقضی شده است` : `پروانه سمن «${row.ngoName}» رو به انقضاست`,
    body: expired
      ? `پروانه شماره ${fa(row.number)} این سمن ${fa(-left)} روز است که منقضی شده؛ تمدید آن را پیگیری کنید. حضور سمن بدون پروانه معتبر در جلسه‌ها علامت‌گذاری می‌شود.`
      : `پروانه شماره ${fa(row.number)} این سمن ${left === 0 ? "امروز" : `${fa(left)} روز دیگر`} منقضی می‌شود؛ تمدید آن را با سمن پیگیری کنید.`,
    reason: "شما نماینده این سمن یا کارشناس قلمرو آن هستید.",
    link: `#/licences/${row.id}/show`,
    recordType: "Licence",
    recordId: row.id,
    recipients: { countyOfficersOf: [row.countyId], ngoRepresentativesOf: [row.ngoId] },
  };
}

/** Requests every licence reminder due at `now` not requested before; returns how many were new. */
export async function sendLicenceReminders(db: DataSource, now: Date = new Date()): Promise<number> {
  const today = tehranDay(now);
  const windowDays = licenceExpiringDays();
  return db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('registry-reminders', 0))`);
    // Active licences of NGOs whose expiry is within the window or past (only the NGO's latest licence counts).
    const rows: LicenceRow[] = await em.query(
      `SELECT l.id, l.number, to_char(l.expires_on, 'YYYY-MM-DD') AS "expiresOn", n.id AS "ngoId", n.name AS "ngoName", n.county_id AS "countyId"
         FROM licence l JOIN ngo n ON n.id = l.ngo_id
        WHERE l.status = 'ACTIVE' AND l.expires_on <= $1::date
          AND NOT EXISTS (SELECT 1 FROM licence later WHERE later.ngo_id = l.ngo_id AND later.expires_on > l.expires_on)
        ORDER BY l.expires_on, l.id`,
      [addDays(today, windowDays)],
    );
    const requests = rows
      .map((row) => licenceRequest(row, today, windowDays))
      .filter((r): r is NotificationRequest => r !== null);
    const added = await requestNewReminders(em, requests);
    if (added > 0) logger.info(`[registry] ${added} licence reminder(s) requested for ${today}`);
    return added;
  });
}

export const licenceReminderQueue = (db: DataSource): QueueDefinition<object> => ({
  name: LICENCE_REMINDER_QUEUE,
  singleton: true,
  cron: "0 8 * * *",
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 1800,
  run: async () => {
    await sendLicenceReminders(db);
    await sendActivityReportReminders(db);
  },
});
