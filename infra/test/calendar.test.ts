import ICAL from "ical.js";
import { bearer, login, postGraphQL, withClient } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Calendars: a private iCal feed per user (a revocable secret address) with the meetings the user may see, and an
 * `.ics` download per meeting — parsed back with ical.js and compared with the API's instants and titles.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let admin: string;
let county: string;

const CREATE_MEETING = `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id title scheduledAt } }`;
const CREATE_FEED = `mutation { createCalendarFeed { path feed { id createdAt lastReadAt revokedAt } } }`;
const DAY = 86_400_000;

const gql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.gatewayUrl, query, variables, bearer(token));

async function meeting(token: string, provinceId: string, countyId: string | null, title: string, inDays: number) {
  const scheduledAt = new Date(Math.floor((Date.now() + inDays * DAY) / 60_000) * 60_000).toISOString();
  const answer = await gql(token, CREATE_MEETING, {
    input: { title, kind: "NGO_EXCHANGE", provinceId, countyId, scheduledAt, venue: "سالن اجتماعات فرمانداری" },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.createMeeting as { id: string; title: string; scheduledAt: string };
}

async function feedOf(token: string): Promise<string> {
  const answer = await gql(token, CREATE_FEED);
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.createCalendarFeed.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return answer.data!.createCalendarFeed.path;
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      zone: component.getFirstProperty("dtstart")?.getParameter("tzid"),
      status: component.getFirstPropertyValue("status"),
    };
  });
}

let own: { id: string; title: string; scheduledAt: string };
let other: { id: string; title: string; scheduledAt: string };

beforeAll(async () => {
  prepared = await prepareTestDatabase("calendar", { demo: true });
  stack = await startInProcessStack(prepared);
  admin = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
  county = await login(stack.baseUrl, "demo.county", DEMO_PASSWORD);
  own = await meeting(county, "19", "1901", "نشست هم‌اندیشی با سمن‌های زنجان", 10);
  other = await meeting(admin, "04", "0401", "نشست هم‌اندیشی شهرستان دیگر", 12);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

describe("the private feed", () => {
  it("holds exactly the meetings of the owner's territory in the window, at the API's instants, in Tehran's zone", async () => {
    const path = await feedOf(county);
    const response = await fetch(`${stack.baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Tehran");
    const events = eventsOf(text);

    const from = new Date(Date.now() - 90 * DAY).toISOString();
    const to = new Date(Date.now() + 365 * DAY).toISOString();
    const api = await gql(
      county,
      `query($filter: MeetingFilter) { meetings(filter: $filter, limit: 200) { totalCount items { id title scheduledAt heldAt } } }`,
      { filter: { from, to } },
    );
    const expected = (
      api.data!.meetings.items as { id: string; title: string; scheduledAt: string; heldAt: string | null }[]
    ).map((m) => ({ uid: `${m.id}@hamafza`, summary: m.title, start: m.heldAt ?? m.scheduledAt }));
    expect(expected.length).toBeGreaterThan(0);
    expect(
      events.map(({ uid, summary, start }) => ({ uid, summary, start })).sort((a, b) => a.uid.localeCompare(b.uid)),
    ).toEqual(expected.sort((a, b) => a.uid.localeCompare(b.uid)));
    expect(events.find((event) => event.uid === `${own.id}@hamafza`)).toMatchObject({
      summary: own.title,
      start: own.scheduledAt,
      zone: "Asia/Tehran",
    });
    expect(events.some((event) => event.uid === `${other.id}@hamafza`)).toBe(false);
  });

  it("remembers when it was read, never shows its secret again, and a new address replaces the old one", async () => {
    const first = await feedOf(county);
    expect((await fetch(`${stack.baseUrl}${first}`)).status).toBe(200);
    const mine = await gql(county, `query { myCalendarFeed { id lastReadAt revokedAt } }`);
    expect(mine.data!.myCalendarFeed.lastReadAt).not.toBeNull();
    expect(mine.data!.myCalendarFeed.revokedAt).toBeNull();
    const second = await feedOf(county);
    expect(second).not.toBe(first);
    expect((await fetch(`${stack.baseUrl}${first}`)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}${second}`)).status).toBe(200);
    const stored = await withClient(prepared.adminUrl, (client) =>
      client.query(`SELECT secret_hash FROM identity.calendar_feed WHERE revoked_at IS NULL`),
    );
    for (const row of stored.rows) expect(second).not.toContain(row.secret_hash);
  });

  it("answers nothing once revoked, for an unknown or malformed secret, or for a disabled owner", async () => {
    const path = await feedOf(county);
    const revoked = await gql(county, `mutation { revokeCalendarFeed { id revokedAt } }`);
    expect(revoked.data!.revokeCalendarFeed.revokedAt).not.toBeNull();
    const gone = await fetch(`${stack.baseUrl}${path}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/معتبر نیست/);
    expect((await gql(county, `query { myCalendarFeed { id } }`)).data!.myCalendarFeed).toBeNull();
    expect((await fetch(`${stack.baseUrl}/calendar/${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/calendar/short.ics`)).status).toBe(404);

    const analyst = await login(stack.baseUrl, "demo.analyst", DEMO_PASSWORD);
    const analystFeed = await feedOf(analyst);
    expect((await fetch(`${stack.baseUrl}${analystFeed}`)).status).toBe(200);
    const users = await gql(admin, `query { users(filter: { q: "demo.analyst" }) { items { id username version } } }`);
    const user = users.data!.users.items.find((u: { username: string }) => u.username === "demo.analyst");
    const disabled = await gql(admin, `mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }`, {
      id: user.id,
    });
    expect(disabled.errors).toBeUndefined();
    expect((await fetch(`${stack.baseUrl}${analystFeed}`)).status).toBe(404);
  });
});

describe("one meeting as .ics", () => {
  it("downloads a meeting of the user's territory", async () => {
    const response = await fetch(`${stack.baseUrl}/calendar/meetings/${own.id}.ics`, { headers: bearer(county) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`meeting-${own.id}.ics`);
    const [event] = eventsOf(await response.text());
    expect(event).toMatchObject({ uid: `${own.id}@hamafza`, summary: own.title, start: own.scheduledAt });
  });

  it("needs a sign-in and never shows a meeting outside the territory", async () => {
    expect((await fetch(`${stack.baseUrl}/calendar/meetings/${own.id}.ics`)).status).toBe(401);
    const outside = await fetch(`${stack.baseUrl}/calendar/meetings/${other.id}.ics`, { headers: bearer(county) });
    expect([403, 404]).toContain(outside.status);
    expect(await outside.text()).not.toContain(other.title);
    expect((await fetch(`${stack.baseUrl}/calendar/meetings/nope.ics`, { headers: bearer(county) })).status).toBe(404);
  });
});

describe("a recurring quarterly meeting", () => {
  const SCHEDULE = `mutation($input: MeetingCreateInput!, $key: String) {
    scheduleQuarterlyMeetings(input: $input, idempotencyKey: $key) { id meetings { id seriesId scheduledAt status title jalaliQuarter } }
  }`;
  const countRows = async () =>
    Number(
      (await withClient(prepared.adminUrl, (client) => client.query(`SELECT count(*) FROM engagement.meeting`))).rows[0]
        .count,
    );
  // 1406/02/10 10:00 Tehran: the series runs 1406/02/10, 05/10, 08/10, 11/10.
  const input = (overrides: Record<string, unknown> = {}) => ({
    title: "نشست فصلی مسئله‌محور فرمانداری زنجان",
    kind: "QUARTERLY_PROBLEM_CENTRED",
    provinceId: "19",
    countyId: "1901",
    scheduledAt: "2027-04-30T06:30:00.000Z",
    venue: "سالن جلسات فرمانداری",
    ...overrides,
  });

  it("plans four meetings in one series, one per quarter, that the feed then shows", async () => {
    const answer = await gql(county, SCHEDULE, { input: input(), key: "series-1" });
    expect(answer.errors).toBeUndefined();
    const series = answer.data!.scheduleQuarterlyMeetings;
    expect(series.meetings).toHaveLength(4);
    expect(series.meetings.map((m: { seriesId: string }) => m.seriesId)).toEqual(Array(4).fill(series.id));
    expect(series.meetings.map((m: { scheduledAt: string }) => m.scheduledAt)).toEqual([
      "2027-04-30T06:30:00.000Z",
      "2027-08-01T06:30:00.000Z",
      "2027-11-01T06:30:00.000Z",
      "2028-01-30T06:30:00.000Z",
    ]);
    expect(series.meetings.every((m: { status: string }) => m.status === "PLANNED")).toBe(true);

    const again = await gql(county, SCHEDULE, { input: input(), key: "series-1" });
    expect(again.data!.scheduleQuarterlyMeetings.id).toBe(series.id);
    expect(again.data!.scheduleQuarterlyMeetings.meetings.map((m: { id: string }) => m.id)).toEqual(
      series.meetings.map((m: { id: string }) => m.id),
    );

    const path = await feedOf(county);
    const events = eventsOf(await (await fetch(`${stack.baseUrl}${path}`)).text());
    const inFeed = series.meetings.filter((m: { id: string }) => events.some((e) => e.uid === `${m.id}@hamafza`));
    // The feed reaches a year ahead: the series' meetings within that year are in it.
    const yearAhead = Date.now() + 365 * DAY;
    expect(inFeed.length).toBe(
      series.meetings.filter((m: { scheduledAt: string }) => Date.parse(m.scheduledAt) <= yearAhead).length,
    );
  });

  it("refuses another kind or another territory, and then writes nothing", async () => {
    const before = await countRows();
    const otherKind = await gql(county, SCHEDULE, { input: input({ kind: "NGO_EXCHANGE" }) });
    expect(otherKind.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(otherKind.errors?.[0].message).toMatch(/فصلی مسئله‌محور/);
    const elsewhere = await gql(county, SCHEDULE, { input: input({ provinceId: "04", countyId: "0401" }) });
    expect(elsewhere.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await countRows()).toBe(before);
  });
});
