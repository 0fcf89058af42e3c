import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendar, ICalEventStatus } from "ical-generator";

/** A meeting as the calendar needs it (the fields the gateway asks the engagement service for). */
export interface CalendarMeeting {
  id: string;
  title: string;
  status: string;
  scheduledAt: string;
  heldAt: string | null;
  venue: string | null;
  cancellationReason: string | null;
  updatedAt: string;
  version: number;
  county: { name: string } | null;
  organisingAgency: { name: string } | null;
}

/** The GraphQL selection behind `CalendarMeeting`. */
export const CALENDAR_MEETING_FIELDS =
  "id title status scheduledAt heldAt venue cancellationReason updatedAt version county { name } organisingAgency { name }";

/** Meetings have a start only; a calendar entry lasts this long. */
export const MEETING_HOURS = 2;

/**
 * Tehran's zone as iCalendar describes it: +03:30 all year (Iran has kept no daylight saving time since 1401).
 * Calendar programs show the meetings at Tehran's wall-clock time wherever they run.
 */
const TEHRAN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Asia/Tehran",
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0330",
  "TZOFFSETTO:+0330",
  "TZNAME:+0330",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** A calendar of meetings: Persian titles, Tehran's zone, one event per meeting (cancelled ones marked so). */
export function meetingCalendar(name: string, meetings: CalendarMeeting[], dashboardOrigin: string): ICalCalendar {
  const calendar = ical({
    name,
    prodId: { company: "Hamafza", product: "meetings", language: "FA" },
    timezone: { name: "Asia/Tehran", generator: () => TEHRAN_VTIMEZONE },
    ttl: 60 * 60,
  });
  for (const meeting of meetings) {
    // A zoned date: ical-generator writes a plain Date's local-clock fields, a TZDate's are Tehran's.
    const start = new TZDate(new Date(meeting.heldAt ?? meeting.scheduledAt).getTime(), "Asia/Tehran");
    const where = [meeting.venue, meeting.county?.name].filter(Boolean).join("، ");
    const description = [
      meeting.organisingAgency ? `برگزارکننده: ${meeting.organisingAgency.name}` : null,
      meeting.county ? `شهرستان: ${meeting.county.name}` : null,
      meeting.cancellationReason ? `لغو شد: ${meeting.cancellationReason}` : null,
    ]
      .filter(Boolean)
      .join("\n");
    calendar.createEvent({
      id: `${meeting.id}@hamafza`,
      start,
      end: new TZDate(start.getTime() + MEETING_HOURS * 3_600_000, "Asia/Tehran"),
      timezone: "Asia/Tehran",
      summary: meeting.title,
      description: description || null,
      location: where || null,
      status: meeting.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: meeting.version,
      lastModified: new Date(meeting.updatedAt),
      stamp: new Date(meeting.updatedAt),
      url: `${dashboardOrigin}/#/meetings/${meeting.id}/show`,
    });
  }
  return calendar;
}
