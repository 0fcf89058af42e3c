import {
  NotificationKind,
  NotificationRequest,
  requestNewReminders,
  tehranDay,
  toPersianDigits,
} from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";
import { daysUntilDue, reportingYear } from "./activityReportRules";

/** Days before the due day when officers are reminded of the reports still missing. */
export const ACTIVITY_REPORT_NOTICE_DAYS = 30;
const fa = (value: number | string) => toPersianDigits(String(value));

/** The missing reports of one county for one year. */
export interface MissingInCounty {
  countyId: string;
  missing: number;
}

/**
 * The reminder a county's missing reports are due on `today`: from 30 days before 31 Khordad («due»), and once the
 * day has passed («overdue»); one per county, year and kind (to its officers: NGO representatives have no accounts yet).
 */
export function activityReportRequest(row: MissingInCounty, year: number, today: string): NotificationRequest | null {
  const left = daysUntilDue(year, today);
  if (left > ACTIVITY_REPORT_NOTICE_DAYS || row.missing === 0) return null;
  const overdue = left < 0;
  return {
    occasionKey: `activity-report-${overdue ? "overdue" : "due"}:${year}:${row.countyId}`,
    service: "registry",
    kind: NotificationKind.ACTIVITY_REPORT_DUE,
    title: overdue
      ? `گزارش سالانه ${fa(year)} از ${fa(row.missing)} سمن شهرستان نرسیده است`
      : `مهلت گزارش سالانه ${fa(year)} سمن‌ها نزدیک است`,
    body: overdue
      ? `مهلت گزارش عملکرد سال ${fa(year)} گذشته و ${fa(row.missing)} سمن دارای پروانه در شهرستان شما هنوز گزارش نداده‌اند؛ فهرست آن‌ها را ببینید و پیگیری کنید.`
      : `${fa(row.missing)} سمن دارای پروانه در شهرستان شما هنوز گزارش عملکرد سال ${fa(year)} را نداده‌اند؛ مهلت ${left === 0 ? "امروز" : `${fa(left)} روز دیگر`} به پایان می‌رسد.`,
    reason: "شما کارشناس قلمرو این سمن‌ها هستید.",
    link: "#/ngoActivityReports",
    recordType: "County",
    recordId: row.countyId,
    recipients: { countyOfficersOf: [row.countyId] },
  };
}

/** The reminder to one NGO's representatives that its report is due or overdue (nothing is delivered without any). */
export function representativeRequest(
  ngo: { ngoId: string; ngoName: string },
  year: number,
  today: string,
): NotificationRequest | null {
  const left = daysUntilDue(year, today);
  if (left > ACTIVITY_REPORT_NOTICE_DAYS) return null;
  const overdue = left < 0;
  return {
    occasionKey: `activity-report-${overdue ? "overdue" : "due"}:${year}:ngo:${ngo.ngoId}`,
    service: "registry",
    kind: NotificationKind.ACTIVITY_REPORT_DUE,
    title: overdue
      ? `مهلت گزارش سالانه ${fa(year)} سمن «${ngo.ngoName}» گذشته است`
      : `گزارش سالانه ${fa(year)} سمن «${ngo.ngoName}» را بفرستید`,
    body: overdue
      ? `مهلت گزارش عملکرد سال ${fa(year)} (۳۱ خرداد) گذشته است؛ گزارش را هرچه زودتر به کارشناس فرمانداری بدهید.`
      : `گزارش عملکرد سال ${fa(year)} سمن تا ۳۱ خرداد (${left === 0 ? "امروز" : `${fa(left)} روز دیگر`}) باید داده شود.`,
    reason: "شما نماینده این سمن هستید.",
    link: null,
    recordType: "Ngo",
    recordId: ngo.ngoId,
    recipients: { ngoRepresentativesOf: [ngo.ngoId] },
  };
}

/**
 * The activity-report reminders due at `now`: one per county with missing reports (its officers) and one per NGO
 * missing its report (its representatives; delivered only to those who have accounts).
 */
export async function activityReportRequests(em: EntityManager, now: Date): Promise<NotificationRequest[]> {
  const today = tehranDay(now);
  const year = reportingYear(now);
  if (daysUntilDue(year, today) > ACTIVITY_REPORT_NOTICE_DAYS) return [];
  const rows: Array<{ countyId: string; missing: string }> = await em.query(
    `SELECT n.county_id AS "countyId", count(*) AS missing
       FROM ngo n
      WHERE n.status = 'ACTIVE' AND n.county_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM licence l WHERE l.ngo_id = n.id)
        AND NOT EXISTS (SELECT 1 FROM ngo_activity_report r WHERE r.ngo_id = n.id AND r.year = $1)
      GROUP BY n.county_id ORDER BY n.county_id`,
    [year],
  );
  const missing: Array<{ ngoId: string; ngoName: string }> = await em.query(
    `SELECT n.id AS "ngoId", n.name AS "ngoName" FROM ngo n
      WHERE n.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM licence l WHERE l.ngo_id = n.id)
        AND NOT EXISTS (SELECT 1 FROM ngo_activity_report r WHERE r.ngo_id = n.id AND r.year = $1)
      ORDER BY n.id`,
    [year],
  );
  return [
    ...rows.map((row) => activityReportRequest({ countyId: row.countyId, missing: Number(row.missing) }, year, today)),
    ...missing.map((ngo) => representativeRequest(ngo, year, today)),
  ].filter((request): request is NotificationRequest => request !== null);
}

/**
 * Requests the activity-report reminders due at `now` not requested before (the registry's daily reminder job, under
 * the same lock and occasion table as the licence reminders); returns how many were new.
 */
export async function sendActivityReportReminders(db: DataSource, now: Date = new Date()): Promise<number> {
  return db.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('registry-reminders', 0))`);
    const requests = await activityReportRequests(em, now);
    return requestNewReminders(em, requests);
  });
}
