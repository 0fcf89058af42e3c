import { NotificationKind, NotificationRequest, toJalali, toPersianDigits } from "@hamafza/common";
import { officersOf } from "./reminderRules";

/**
 * Meeting reminders as pure rules (docs/notifications.md): the invitation once a meeting is planned, and the reminder
 * from 24 hours before it. Addressed to the officers of the meeting's territory; NGO representatives have no accounts
 * until issue 15 adds them, so they are not addressed yet.
 */

const SERVICE = "engagement";
const HOUR_MS = 3_600_000;
/** The "meeting soon" reminder is due from this many hours before the scheduled time. */
export const MEETING_SOON_HOURS = 24;

export interface PlannedMeetingRow {
  id: string;
  title: string;
  scheduledAt: Date;
  provinceId: string;
  countyId: string | null;
  venue: string | null;
  /** The NGOs on the meeting's list (invited): their representatives are invited and reminded too. */
  ngoIds?: string[];
}

const tehranClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Tehran",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** «۱۴۰۴/۰۷/۱۵ ساعت ۰۹:۳۰» on Tehran's clock. */
export function tehranJalaliDateTime(instant: Date): string {
  const { year, month, day } = toJalali(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return toPersianDigits(`${year}/${two(month)}/${two(day)} ساعت ${tehranClock.format(instant)}`);
}

const where = (row: PlannedMeetingRow) => (row.venue ? ` در ${row.venue}` : "");
const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The meeting reminders due at `now` for a planned meeting: its invitation (once per meeting, while it is still ahead)
 * and, within 24 hours of its scheduled time, the "meeting soon" reminder (once per scheduled time: a meeting moved to
 * another time is reminded again). A meeting already past gets neither.
 */
export function meetingRequests(row: PlannedMeetingRow, now: Date): NotificationRequest[] {
  const left = row.scheduledAt.getTime() - now.getTime();
  if (left <= 0) return [];
  const when = tehranJalaliDateTime(row.scheduledAt);
  const what = `«${shorten(row.title)}»`;
  const common = {
    service: SERVICE,
    link: `#/meetings/${row.id}/show`,
    recordType: "Meeting",
    recordId: row.id,
    recipients: {
      ...officersOf(row.provinceId, row.countyId),
      ...(row.ngoIds?.length ? { ngoRepresentativesOf: row.ngoIds } : {}),
    },
  };
  const requests: NotificationRequest[] = [
    {
      ...common,
      occasionKey: `meeting-invitation:${row.id}`,
      kind: NotificationKind.MEETING_INVITATION,
      title: `دعوت به جلسه ${what}`,
      body: `جلسه ${what} برای ${when}${where(row)} برنامه‌ریزی شده است. حضور نمایندگان سمن‌ها و مسئولان را هماهنگ کنید.`,
      reason: "شما نماینده سمن دعوت‌شده به این جلسه یا کارشناس قلمرو آن هستید.",
    },
  ];
  if (left <= MEETING_SOON_HOURS * HOUR_MS)
    requests.push({
      ...common,
      occasionKey: `meeting-soon:${row.id}:${row.scheduledAt.toISOString()}`,
      kind: NotificationKind.MEETING_SOON,
      title: `یادآوری: جلسه ${what} فردا برگزار می‌شود`,
      body: `جلسه ${what} ${when}${where(row)} برگزار می‌شود. پس از برگزاری، حاضران و مصوبات آن را در هم‌افزا ثبت کنید.`,
      reason: "شما نماینده سمن دعوت‌شده به این جلسه یا کارشناس قلمرو آن هستید؛ تا جلسه کمتر از ۲۴ ساعت مانده است.",
    });
  return requests;
}
