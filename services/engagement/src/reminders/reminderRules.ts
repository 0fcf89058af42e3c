import {
  jalaliQuarterOf,
  jalaliQuarterRange,
  NotificationKind,
  NotificationRecipients,
  NotificationRequest,
  tehranDay,
  toPersianDigits,
} from "@hamafza/common";
import { answerDays, answerDueOn } from "../rules/answerDeadline";

/**
 * Engagement's reminders as pure rules (docs/notifications.md): which occasion is due on a given instant, to whom,
 * with which Persian text. Each occasion has a key, so it is requested once however often the daily job runs.
 */

const SERVICE = "engagement";
const DAY_MS = 86_400_000;
/** An unanswered request is escalated to the province this many days after its answer deadline. */
export const ESCALATE_AFTER_DAYS = 30;
/** A resolution is "due" from this many days before its deadline. */
export const RESOLUTION_DUE_DAYS = 7;

const fa = (value: number | string) => toPersianDigits(String(value));
const shorten = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const daysBetween = (fromDay: string, toDay: string) => Math.round((Date.parse(toDay) - Date.parse(fromDay)) / DAY_MS);

/** The officers of a record's territory: its county's (a county without one falls back to the province's), or the province's. */
export const officersOf = (provinceId: string, countyId: string | null): NotificationRecipients =>
  countyId ? { countyOfficersOf: [countyId] } : { provinceOfficersOf: [provinceId] };

export interface QuarterOccasion {
  year: number;
  quarter: number;
  /** 30 or 7: which reminder of the quarter is due. */
  threshold: 30 | 7;
  /** Whole days from today (Tehran) to the end of the quarter. */
  daysLeft: number;
  start: Date;
  end: Date;
}

/** The quarter reminder due at `now`: the 30-day one from 30 days before the Jalali quarter ends, the 7-day one from 7. */
export function quarterOccasion(now: Date): QuarterOccasion | null {
  const { year, quarter } = jalaliQuarterOf(now);
  const { start, end } = jalaliQuarterRange(year, quarter);
  const daysLeft = daysBetween(tehranDay(now), tehranDay(end));
  if (daysLeft > 30) return null;
  return { year, quarter, threshold: daysLeft > 7 ? 30 : 7, daysLeft, start, end };
}

/** The quarter reminder: to every county officer whose county has not held its problem-centred meeting. */
export function quarterRequest(occasion: QuarterOccasion, countiesThatHeld: string[]): NotificationRequest {
  const period = `فصل ${fa(occasion.quarter)} سال ${fa(occasion.year)}`;
  return {
    occasionKey: `quarter-meeting:${occasion.year}-${occasion.quarter}:${occasion.threshold}`,
    service: SERVICE,
    kind: NotificationKind.MEETING_QUARTER_DUE,
    title: `جلسه مسئله‌محور ${period} هنوز برگزار نشده است`,
    body: `تا پایان ${period} ${fa(occasion.daysLeft)} روز مانده است. جلسه مسئله‌محور با حضور سمن‌ها را برگزار و در هم‌افزا ثبت کنید؛ این جلسه در شاخص «منظم بودن» ارزیابی مدیران شمرده می‌شود.`,
    reason: "شما کارشناس فرمانداری شهرستانی هستید که در این فصل جلسه مسئله‌محور برگزارشده با حضور سمن ثبت نکرده است.",
    link: "#/meetings/create",
    recordType: null,
    recordId: null,
    recipients: { countyOfficersExcept: countiesThatHeld },
  };
}

export interface ResolutionRow {
  id: string;
  text: string;
  deadline: string;
  provinceId: string;
  countyId: string | null;
  /** The owners, reached through their own accounts when they have one (invited users). */
  ownerAgencyId?: string | null;
  ownerManagerId?: string | null;
}

/** A resolution's owners as recipients: the owner agency's respondents and the owner manager's own account. */
const ownersOf = (row: ResolutionRow) => ({
  ...(row.ownerAgencyId ? { agencyRespondentsOf: [row.ownerAgencyId] } : {}),
  ...(row.ownerManagerId ? { managersOf: [row.ownerManagerId] } : {}),
});

/** A pending resolution due within 7 days (to the officers of its meeting) or overdue (escalated to the province too). */
export function resolutionRequest(row: ResolutionRow, today: string): NotificationRequest | null {
  const left = daysBetween(today, row.deadline);
  const link = `#/resolutions/${row.id}/show`;
  const what = `«${shorten(row.text)}»`;
  if (left >= 0 && left <= RESOLUTION_DUE_DAYS)
    return {
      occasionKey: `resolution-due:${row.id}:${row.deadline}`,
      service: SERVICE,
      kind: NotificationKind.RESOLUTION_DUE,
      title: `موعد مصوبه ${what} نزدیک است`,
      body: `${left === 0 ? "موعد این مصوبه امروز است" : `تا موعد این مصوبه ${fa(left)} روز مانده است`}؛ پیشرفت آن را پیگیری و در هم‌افزا ثبت کنید.`,
      reason: "شما مسئول این مصوبه یا کارشناس قلمرو جلسه‌ای هستید که آن را تصویب کرده است.",
      link,
      recordType: "Resolution",
      recordId: row.id,
      recipients: { ...officersOf(row.provinceId, row.countyId), ...ownersOf(row) },
    };
  if (left < 0)
    return {
      occasionKey: `resolution-overdue:${row.id}:${row.deadline}`,
      service: SERVICE,
      kind: NotificationKind.RESOLUTION_OVERDUE,
      title: `مصوبه ${what} از موعد گذشته است`,
      body: `${fa(-left)} روز از موعد این مصوبه گذشته و هنوز انجام نشده است؛ وضعیت آن را پیگیری و ثبت کنید.`,
      reason:
        "شما مسئول این مصوبه، کارشناس قلمرو جلسه آن یا کارشناس استان آن هستید (مصوبه معوق به سطح بالاتر هم خبر داده می‌شود).",
      link,
      recordType: "Resolution",
      recordId: row.id,
      recipients: {
        ...officersOf(row.provinceId, row.countyId),
        provinceOfficersOf: [row.provinceId],
        ...ownersOf(row),
      },
    };
  return null;
}

export interface RequestRow {
  kind: "demand" | "proposal";
  id: string;
  title: string;
  /** Raised (demand) or submitted (proposal) on. */
  since: string;
  provinceId: string;
  countyId: string | null;
  /** The agency it is addressed to: its respondents are reminded first. */
  agencyId?: string | null;
}

/**
 * An NGO demand or proposal without an answer past its deadline (HAMAFZA_ANSWER_DAYS, default 30): to the agency's respondents and the
 * officers of its territory, then (escalated) to the province's officers.
 */
export function unansweredRequest(
  row: RequestRow,
  today: string,
  days: number = answerDays(),
): NotificationRequest | null {
  const deadline = answerDueOn(row.since, days);
  const late = daysBetween(deadline, today);
  if (late <= 0) return null;
  const escalated = late > ESCALATE_AFTER_DAYS;
  const label = row.kind === "demand" ? "مطالبه" : "پیشنهاد";
  return {
    occasionKey: `${row.kind}-unanswered:${row.id}${escalated ? ":escalated" : ""}`,
    service: SERVICE,
    kind: NotificationKind.REQUEST_UNANSWERED,
    title: `${label} «${shorten(row.title)}» بی‌پاسخ مانده است`,
    body: `${fa(late)} روز از مهلت ${fa(days)} روزه پاسخ به این ${label} سمن گذشته است؛ پاسخ دستگاه را پیگیری و ثبت کنید.`,
    reason: escalated
      ? "شما کارشناس استان این درخواست هستید؛ پاسخ آن بیش از یک ماه پس از مهلت هنوز ثبت نشده است."
      : "شما پاسخگوی دستگاه مخاطب این درخواست یا کارشناس قلمرو آن هستید.",
    link: `#/${row.kind === "demand" ? "demands" : "proposals"}/${row.id}/show`,
    recordType: row.kind === "demand" ? "Demand" : "Proposal",
    recordId: row.id,
    recipients: escalated
      ? { provinceOfficersOf: [row.provinceId] }
      : {
          ...officersOf(row.provinceId, row.countyId),
          ...(row.agencyId ? { agencyRespondentsOf: [row.agencyId] } : {}),
        },
  };
}
