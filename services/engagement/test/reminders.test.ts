import { NotificationKind, withClient } from "@hamafza/common";
import { createEngagementDataSource, sendEngagementReminders } from "@hamafza/engagement";
import { createIdentityDataSource, deliverPendingRequests } from "@hamafza/identity";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";
import { quarterOccasion, resolutionRequest, unansweredRequest } from "../src/reminders/reminderRules";

/**
 * Reminders on a controllable clock: the rules (Jalali quarter ends on Tehran's clock, 7 days before a resolution's
 * deadline, overdue, 30 days without an answer and the escalation after it), then the daily job on the demo data —
 * each occasion requested once across two processes running at the same instant, again after a "restart", and
 * delivered by identity to the officers of the record's territory.
 */
describe("reminder rules", () => {
  // 1404 Q2 ends at Tehran midnight of 1 Mehr 1404 = 2025-09-23T00:00+03:30.
  const tehran = (iso: string) => new Date(`${iso}T08:00:00+03:30`);

  it("the quarter reminder: none before 30 days, the 30-day one, the 7-day one up to the last day", () => {
    expect(quarterOccasion(tehran("2025-08-23"))).toBeNull(); // 31 days left
    expect(quarterOccasion(tehran("2025-08-24"))).toMatchObject({
      year: 1404,
      quarter: 2,
      threshold: 30,
      daysLeft: 30,
    });
    expect(quarterOccasion(tehran("2025-09-15"))).toMatchObject({ threshold: 30, daysLeft: 8 });
    expect(quarterOccasion(tehran("2025-09-16"))).toMatchObject({ threshold: 7, daysLeft: 7 });
    expect(quarterOccasion(tehran("2025-09-22"))).toMatchObject({ quarter: 2, threshold: 7, daysLeft: 1 });
    // 00:30 on 1 Mehr in Tehran is already the next quarter (still 22 September in UTC).
    expect(quarterOccasion(new Date("2025-09-22T21:00:00Z"))).toBeNull();
  });

  it("a resolution is due from 7 days before its deadline, overdue after it (escalated to the province)", () => {
    const row = { id: "r1", text: "ایجاد کارگروه", deadline: "2025-06-10", provinceId: "19", countyId: "1901" };
    expect(resolutionRequest(row, "2025-06-02")).toBeNull();
    expect(resolutionRequest(row, "2025-06-03")).toMatchObject({
      occasionKey: "resolution-due:r1:2025-06-10",
      kind: NotificationKind.RESOLUTION_DUE,
      recipients: { countyOfficersOf: ["1901"] },
    });
    expect(resolutionRequest(row, "2025-06-10")?.body).toMatch(/امروز/);
    expect(resolutionRequest(row, "2025-06-11")).toMatchObject({
      occasionKey: "resolution-overdue:r1:2025-06-10",
      kind: NotificationKind.RESOLUTION_OVERDUE,
      recipients: { countyOfficersOf: ["1901"], provinceOfficersOf: ["19"] },
    });
    expect(resolutionRequest({ ...row, countyId: null }, "2025-06-05")?.recipients).toEqual({
      provinceOfficersOf: ["19"],
    });
    // Its owners hear of it through their own accounts (invited users), besides the officers.
    expect(
      resolutionRequest({ ...row, ownerAgencyId: "a1", ownerManagerId: "m1" }, "2025-06-05")?.recipients,
    ).toMatchObject({ agencyRespondentsOf: ["a1"], managersOf: ["m1"] });
  });

  it("a demand is unanswered after 30 days, and escalated to the province 30 days later", () => {
    const row = {
      kind: "demand" as const,
      id: "d1",
      title: "بیمه اعضا",
      since: "2025-01-01",
      provinceId: "19",
      countyId: "1901",
    };
    expect(unansweredRequest(row, "2025-01-31")).toBeNull();
    expect(unansweredRequest(row, "2025-02-01")).toMatchObject({
      occasionKey: "demand-unanswered:d1",
      recipients: { countyOfficersOf: ["1901"] },
      link: "#/demands/d1/show",
    });
    expect(unansweredRequest(row, "2025-03-04")).toMatchObject({
      occasionKey: "demand-unanswered:d1:escalated",
      recipients: { provinceOfficersOf: ["19"] },
    });
  });
});

describe("the daily reminder job on the demo data", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  const sources: DataSource[] = [];
  let identity: DataSource;
  const open = async (source: DataSource) => (await source.initialize(), sources.push(source), source);
  const admin = <T = Record<string, any>>(sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    database = await prepareTestDatabase("reminders", { demo: true });
    identity = await open(createIdentityDataSource(database.serviceUrls.identity));
  });
  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await database?.drop();
  });

  it("requests each due occasion once, though two processes run at the same instant and the service restarts", async () => {
    const [resolution] = await admin<{ id: string; deadline: string }>(
      `SELECT id, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM engagement.resolution
        WHERE status IN ('OPEN', 'IN_PROGRESS') AND deadline IS NOT NULL ORDER BY deadline DESC, id LIMIT 1`,
    );
    // Five days before the latest pending deadline, 08:00 Tehran time.
    const now = new Date(Date.parse(`${resolution.deadline}T08:00:00+03:30`) - 5 * 86_400_000);
    const [a, b] = [
      await open(createEngagementDataSource(database.serviceUrls.engagement)),
      await open(createEngagementDataSource(database.serviceUrls.engagement)),
    ];
    const [first, second] = await Promise.all([sendEngagementReminders(a, now), sendEngagementReminders(b, now)]);
    expect(first + second).toBeGreaterThan(0);
    const requests = await admin<{ occasion_key: string; kind: string; recipients: any }>(
      `SELECT occasion_key, kind, recipients FROM identity.notification_request ORDER BY occasion_key`,
    );
    expect(requests).toHaveLength(first + second);
    expect(requests.map((r) => r.occasion_key)).toContain(`resolution-due:${resolution.id}:${resolution.deadline}`);
    expect(new Set(requests.map((r) => r.kind))).toContain("RESOLUTION_OVERDUE");
    // A "restart": a new data source, the same instant and a day later — nothing requested twice.
    const restarted = await open(createEngagementDataSource(database.serviceUrls.engagement));
    expect(await sendEngagementReminders(restarted, now)).toBe(0);
    const nextDay = await sendEngagementReminders(restarted, new Date(now.getTime() + 86_400_000));
    const after = await admin<{ n: number }>(`SELECT count(*)::int AS n FROM identity.notification_request`);
    expect(after[0].n).toBe(requests.length + nextDay);
    expect(
      (
        await admin(
          `SELECT 1 FROM identity.notification_request WHERE occasion_key LIKE 'resolution-due:${resolution.id}:%'`,
        )
      ).length,
    ).toBe(1);
  });

  it("the quarter reminder goes to the county officers whose county held no problem-centred meeting, at 30 and 7 days", async () => {
    const engagement = await open(createEngagementDataSource(database.serviceUrls.engagement));
    const thirty = new Date("2025-08-24T05:00:00Z"); // 1404 Q2, 30 days left (Tehran)
    await sendEngagementReminders(engagement, thirty);
    await sendEngagementReminders(engagement, new Date("2025-09-01T05:00:00Z")); // still the 30-day occasion
    await sendEngagementReminders(engagement, new Date("2025-09-17T05:00:00Z")); // 6 days left
    const quarter = await admin<{ occasion_key: string; recipients: { countyOfficersExcept: string[] } }>(
      `SELECT occasion_key, recipients FROM identity.notification_request WHERE kind = 'MEETING_QUARTER_DUE' ORDER BY occasion_key`,
    );
    expect(quarter.map((r) => r.occasion_key)).toEqual(["quarter-meeting:1404-2:30", "quarter-meeting:1404-2:7"]);
    const held = await admin<{ county_id: string }>(
      `SELECT DISTINCT m.county_id FROM engagement.meeting m JOIN engagement.meeting_attendance a ON a.meeting_id = m.id
        WHERE m.kind = 'QUARTERLY_PROBLEM_CENTRED' AND m.status = 'HELD' AND m.county_id IS NOT NULL
          AND m.held_at >= '2025-06-21T20:30:00Z' AND m.held_at < '2025-09-22T20:30:00Z' ORDER BY 1`,
    );
    expect(held.length).toBeGreaterThan(0);
    expect(quarter[0].recipients.countyOfficersExcept).toEqual(held.map((r) => r.county_id));
    // Delivered by identity: the demo county officer gets it only if the county held no meeting that quarter.
    await deliverPendingRequests(identity);
    const [county] = await admin<{ id: string; county_id: string }>(
      `SELECT id, county_id FROM identity.user_account WHERE username = 'demo.county'`,
    );
    const got = await admin(
      `SELECT 1 FROM identity.notification WHERE user_id = $1 AND occasion_key = 'quarter-meeting:1404-2:30'`,
      [county.id],
    );
    expect(got.length).toBe(held.some((r) => r.county_id === county.county_id) ? 0 : 1);
  });

  it("identity delivers a resolution reminder only to its owners' own accounts and the officers of its territory", async () => {
    await deliverPendingRequests(identity);
    const delivered = await admin<{
      role: string;
      county_id: string | null;
      province_id: string;
      r_county: string | null;
      r_province: string;
      bound_id: string | null;
      owner_agency: string | null;
      owner_manager: string | null;
    }>(
      `SELECT u.role, u.county_id, u.province_id, r.county_id AS r_county, r.province_id AS r_province,
              u.bound_id::text AS bound_id, r.owner_agency_id::text AS owner_agency, r.owner_manager_id::text AS owner_manager
         FROM identity.notification n JOIN identity.user_account u ON u.id = n.user_id
         JOIN engagement.resolution r ON r.id::text = n.record_id
        WHERE n.kind IN ('RESOLUTION_DUE', 'RESOLUTION_OVERDUE')`,
    );
    expect(delivered.length).toBeGreaterThan(0);
    for (const row of delivered) {
      if (row.role === "COUNTY_OFFICER") expect(row.county_id).toBe(row.r_county);
      else if (row.role === "MANAGER") expect(row.bound_id).toBe(row.owner_manager);
      else if (row.role === "AGENCY_RESPONDENT") expect(row.bound_id).toBe(row.owner_agency);
      else {
        expect(row.role).toBe("PROVINCE_OFFICER");
        expect(row.province_id).toBe(row.r_province);
      }
    }
  });
});
