import { NotificationKind, withClient } from "@hamafza/common";
import { createEngagementDataSource, sendMeetingReminders } from "@hamafza/engagement";
import { createIdentityDataSource, deliverPendingRequests } from "@hamafza/identity";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";
import { meetingRequests, tehranJalaliDateTime } from "../src/reminders/meetingReminderRules";

/**
 * Meeting reminders on a controllable clock: the invitation once a meeting is planned and the reminder from 24 hours
 * before it, each requested exactly once — two processes at the same instant, a restart, the job run again every
 * quarter of an hour — and delivered by identity to the officers of the meeting's territory.
 */
const HOUR = 3_600_000;

describe("meeting reminder rules", () => {
  const row = {
    id: "m1",
    title: "جلسه مسئله‌محور اعتیاد",
    scheduledAt: new Date("2030-03-25T06:00:00Z"), // 09:30 Tehran, 5 Farvardin 1409
    provinceId: "19",
    countyId: "1901",
    venue: "سالن فرمانداری",
  };

  it("writes the meeting's time as a Jalali day and Tehran wall-clock time in Persian digits", () => {
    expect(tehranJalaliDateTime(row.scheduledAt)).toBe("۱۴۰۹/۰۱/۰۵ ساعت ۰۹:۳۰");
  });

  it("invites while the meeting is ahead, reminds from 24 hours before, nothing once it has begun", () => {
    const at = (hoursBefore: number) => new Date(row.scheduledAt.getTime() - hoursBefore * HOUR);
    expect(meetingRequests(row, at(72)).map((r) => r.occasionKey)).toEqual(["meeting-invitation:m1"]);
    expect(meetingRequests(row, at(24.01)).map((r) => r.kind)).toEqual([NotificationKind.MEETING_INVITATION]);
    const soon = meetingRequests(row, at(24));
    expect(soon.map((r) => r.occasionKey)).toEqual([
      "meeting-invitation:m1",
      "meeting-soon:m1:2030-03-25T06:00:00.000Z",
    ]);
    expect(soon[1]).toMatchObject({
      kind: NotificationKind.MEETING_SOON,
      link: "#/meetings/m1/show",
      recordType: "Meeting",
      recipients: { countyOfficersOf: ["1901"] },
    });
    expect(soon[0].body).toContain("۱۴۰۹/۰۱/۰۵ ساعت ۰۹:۳۰ در سالن فرمانداری");
    expect(meetingRequests(row, row.scheduledAt)).toEqual([]);
    expect(meetingRequests({ ...row, countyId: null }, at(2))[0].recipients).toEqual({ provinceOfficersOf: ["19"] });
  });
});

describe("the meeting reminder job", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  const sources: DataSource[] = [];
  let identity: DataSource;
  const open = async (source: DataSource) => (await source.initialize(), sources.push(source), source);
  const admin = <T = Record<string, any>>(sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);
  const requested = (meetingId: string) =>
    admin<{ occasion_key: string; kind: string; recipients: any }>(
      `SELECT occasion_key, kind, recipients FROM identity.notification_request WHERE record_id = $1 ORDER BY occasion_key`,
      [meetingId],
    );

  let county: { id: string; county_id: string; province_id: string };
  let meetingId: string;
  const scheduledAt = new Date("2031-05-10T07:30:00Z");

  beforeAll(async () => {
    database = await prepareTestDatabase("meetingreminders", { demo: true });
    identity = await open(createIdentityDataSource(database.serviceUrls.identity));
    [county] = await admin(
      `SELECT id, county_id, province_id FROM identity.user_account WHERE username = 'demo.county'`,
    );
    [{ id: meetingId }] = await admin<{ id: string }>(
      `INSERT INTO engagement.meeting (title, title_normalized, kind, province_id, county_id, scheduled_at, status)
       VALUES ('نشست هم‌اندیشی سمن‌ها', 'نشست هم اندیشی سمن ها', 'NGO_EXCHANGE', $1, $2, $3, 'PLANNED') RETURNING id`,
      [county.province_id, county.county_id, scheduledAt],
    );
  });
  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await database?.drop();
  });

  it("invites once, though two processes run at the same instant and the service restarts", async () => {
    const now = new Date(scheduledAt.getTime() - 3 * 24 * HOUR);
    const [a, b] = [
      await open(createEngagementDataSource(database.serviceUrls.engagement)),
      await open(createEngagementDataSource(database.serviceUrls.engagement)),
    ];
    const [first, second] = await Promise.all([sendMeetingReminders(a, now), sendMeetingReminders(b, now)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect((await requested(meetingId)).map((r) => r.occasion_key)).toEqual([`meeting-invitation:${meetingId}`]);
    const restarted = await open(createEngagementDataSource(database.serviceUrls.engagement));
    expect(await sendMeetingReminders(restarted, now)).toBe(0);
    expect(await sendMeetingReminders(restarted, new Date(now.getTime() + HOUR))).toBe(0);
    expect(await requested(meetingId)).toHaveLength(1);
  });

  it("reminds once from 24 hours before (the job runs every 15 minutes), again only when the meeting is moved", async () => {
    const engagement = await open(createEngagementDataSource(database.serviceUrls.engagement));
    await sendMeetingReminders(engagement, new Date(scheduledAt.getTime() - 24 * HOUR - 15 * 60_000));
    expect((await requested(meetingId)).map((r) => r.kind)).toEqual(["MEETING_INVITATION"]);
    for (let quarter = 0; quarter < 4; quarter++)
      await sendMeetingReminders(engagement, new Date(scheduledAt.getTime() - 24 * HOUR + quarter * 15 * 60_000));
    const afterSoon = await requested(meetingId);
    expect(afterSoon.map((r) => r.occasion_key)).toEqual([
      `meeting-invitation:${meetingId}`,
      `meeting-soon:${meetingId}:${scheduledAt.toISOString()}`,
    ]);
    expect(afterSoon[1].recipients).toEqual({ countyOfficersOf: [county.county_id] });
    // Past the meeting: nothing more.
    expect(await sendMeetingReminders(engagement, new Date(scheduledAt.getTime() + HOUR))).toBe(0);
    // Moved two days later: a new 24-hour reminder, no second invitation.
    const moved = new Date(scheduledAt.getTime() + 48 * HOUR);
    await admin(`UPDATE engagement.meeting SET scheduled_at = $2 WHERE id = $1`, [meetingId, moved]);
    await sendMeetingReminders(engagement, new Date(moved.getTime() - 2 * HOUR));
    expect((await requested(meetingId)).map((r) => r.occasion_key)).toEqual([
      `meeting-invitation:${meetingId}`,
      `meeting-soon:${meetingId}:${scheduledAt.toISOString()}`,
      `meeting-soon:${meetingId}:${moved.toISOString()}`,
    ]);
  });

  it("a cancelled meeting gets no reminder", async () => {
    const [{ id }] = await admin<{ id: string }>(
      `INSERT INTO engagement.meeting (title, title_normalized, kind, province_id, county_id, scheduled_at, status, cancellation_reason)
       VALUES ('لغوشده', 'لغوشده', 'OTHER', $1, $2, $3, 'CANCELLED', 'برگزار نمی‌شود') RETURNING id`,
      [county.province_id, county.county_id, scheduledAt],
    );
    const engagement = await open(createEngagementDataSource(database.serviceUrls.engagement));
    await sendMeetingReminders(engagement, new Date(scheduledAt.getTime() - 2 * HOUR));
    expect(await requested(id)).toEqual([]);
  });

  it("identity delivers the invitation and the reminder to the county officer, once each", async () => {
    await deliverPendingRequests(identity);
    await deliverPendingRequests(identity);
    const got = await admin<{ kind: string; reason: string }>(
      `SELECT kind, reason FROM identity.notification WHERE user_id = $1 AND record_id = $2 ORDER BY kind, occasion_key`,
      [county.id, meetingId],
    );
    expect(got.map((n) => n.kind)).toEqual(["MEETING_INVITATION", "MEETING_SOON", "MEETING_SOON"]);
    expect(got[0].reason).toBe("شما نماینده سمن دعوت‌شده به این جلسه یا کارشناس قلمرو آن هستید.");
  });
});
