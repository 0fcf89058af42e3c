import {
  AuthUser,
  ErrorCode,
  FEED_UNKNOWN_MESSAGE,
  GATEWAY_SECRET_HEADER,
  logger,
  sendError,
  ServiceSecurity,
  verifyAccessToken,
} from "@hamafza/common";
import express from "express";
import { FormattedExecutionResult } from "graphql";
import { attachmentDisposition, forEachPage } from "../listDownload";
import { CALENDAR_MEETING_FIELDS, CalendarMeeting, meetingCalendar } from "./icsCalendar";

/** Runs one GraphQL operation through the gateway as the given user (their token, their territory). */
export type RunAs = (
  query: string,
  variables: Record<string, unknown>,
  user: AuthUser,
  token: string,
  req: express.Request,
) => Promise<FormattedExecutionResult>;

/** The feed's window: meetings from this many days ago … */
export const FEED_DAYS_BEHIND = 90;
/** … to this many days ahead, at most this many meetings. */
export const FEED_DAYS_AHEAD = 365;
export const FEED_MAX_MEETINGS = 2_000;
const FEED_PAGE_SIZE = 200;

const FEED_QUERY = `query CalendarFeed($offset: Int!, $filter: MeetingFilter) {
  meetings(offset: $offset, limit: ${FEED_PAGE_SIZE}, filter: $filter, sort: { field: "scheduledAt" }) { items { ${CALENDAR_MEETING_FIELDS} } }
}`;
const MEETING_QUERY = `query CalendarMeeting($id: ID!) { meeting(id: $id) { ${CALENDAR_MEETING_FIELDS} } }`;

const UNAVAILABLE_TEXT = "تقویم اکنون در دسترس نیست؛ کمی بعد دوباره تلاش کنید.";
const SECRET_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
const UUID_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i;

function origin(req: express.Request): string {
  return `${req.protocol}://${req.get("host") ?? "localhost"}`;
}

function sendCalendar(res: express.Response, text: string, download?: string) {
  res.setHeader("content-type", "text/calendar; charset=utf-8");
  res.setHeader("cache-control", "private, no-store");
  if (download) res.setHeader("content-disposition", attachmentDisposition(download));
  res.send(text);
}

class Unavailable extends Error {}

function meetingsOf(result: FormattedExecutionResult): { items: CalendarMeeting[] } {
  const page = (result.data as { meetings?: { items: CalendarMeeting[] } } | null)?.meetings;
  if (result.errors?.length || !page) throw new Unavailable(result.errors?.[0]?.message ?? "no meetings");
  return page;
}

/**
 * GET /calendar/<secret>.ics: a user's private feed (no sign-in: the secret is the credential; the identity
 * service mints a two-minute token of its owner, so the meetings are exactly those the owner may see), and
 * GET /calendar/meetings/<id>.ics: one meeting for a signed-in user (`authenticate` runs before it).
 */
export function calendarFeedRoute(identityBase: string, security: ServiceSecurity, run: RunAs): express.RequestHandler {
  return async (req, res) => {
    const secret = SECRET_FILE.exec(String(req.params.file))?.[1];
    if (!secret) return res.status(404).type("text/plain; charset=utf-8").send(FEED_UNKNOWN_MESSAGE);
    try {
      const answer = await fetch(`${identityBase}/auth/calendar-token`, {
        method: "POST",
        headers: { "content-type": "application/json", [GATEWAY_SECRET_HEADER]: security.gatewaySecret },
        body: JSON.stringify({ secret }),
        signal: AbortSignal.timeout(10_000),
      });
      if (answer.status === 401) return res.status(404).type("text/plain; charset=utf-8").send(FEED_UNKNOWN_MESSAGE);
      if (!answer.ok) throw new Unavailable(`identity answered ${answer.status}`);
      const { token } = (await answer.json()) as { token: string };
      const user = await verifyAccessToken(security.keys, token);
      const now = Date.now();
      const filter = {
        from: new Date(now - FEED_DAYS_BEHIND * 86_400_000).toISOString(),
        to: new Date(now + FEED_DAYS_AHEAD * 86_400_000).toISOString(),
      };
      const meetings: CalendarMeeting[] = [];
      await forEachPage(
        async (offset) => meetingsOf(await run(FEED_QUERY, { offset, filter }, user, token, req)),
        FEED_PAGE_SIZE,
        (items) => void meetings.push(...items),
        { maxItems: FEED_MAX_MEETINGS },
      );
      sendCalendar(res, meetingCalendar("جلسات همافزا", meetings, origin(req)).toString());
    } catch (error) {
      logger.warn({ err: error }, "[gateway] calendar feed failed");
      res.status(503).type("text/plain; charset=utf-8").send(UNAVAILABLE_TEXT);
    }
  };
}

export function meetingIcsRoute(run: RunAs): express.RequestHandler {
  return async (req, res) => {
    const id = UUID_FILE.exec(String(req.params.file))?.[1];
    if (!id) return sendError(res, 404, ErrorCode.NOT_FOUND, "چنین جلسه‌ای پیدا نشد.");
    const { user, token } = res.locals.gatewayContext as { user: AuthUser; token: string };
    const result = await run(MEETING_QUERY, { id }, user, token, req);
    const meeting = (result.data as { meeting?: CalendarMeeting | null } | null)?.meeting;
    if (result.errors?.length) {
      const code = String(result.errors[0].extensions?.code ?? ErrorCode.SERVICE_UNAVAILABLE);
      return res.status(code === ErrorCode.FORBIDDEN ? 403 : 503).json({ errors: result.errors });
    }
    if (!meeting) return sendError(res, 404, ErrorCode.NOT_FOUND, "چنین جلسه‌ای پیدا نشد.");
    sendCalendar(res, meetingCalendar(meeting.title, [meeting], origin(req)).toString(), `meeting-${id}.ics`);
  };
}
