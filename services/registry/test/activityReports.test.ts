import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createIdentityDataSource, deliverPendingRequests } from "@hamafza/identity";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, demoNgoId, sendActivityReportReminders, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { activityReportRequest } from "../src/activityReport/activityReportReminders";
import {
  activityReportDueOn,
  checkedContent,
  isActivityReportOverdue,
} from "../src/activityReport/activityReportRules";

/**
 * Annual activity reports (supervision, seed 004): submitted per NGO and Jalali year, corrected, reviewed; missing
 * reports listed and flagged overdue after 31 Khordad of the next year; officers reminded once per county.
 */
describe("activity report rules", () => {
  it("is due on 31 Khordad of the next year", () => {
    expect(activityReportDueOn(1403)).toBe("2025-06-21");
    expect(isActivityReportOverdue(1403, "2025-06-21")).toBe(false);
    expect(isActivityReportOverdue(1403, "2025-06-22")).toBe(true);
  });

  it("checks the content, every problem at once", () => {
    const bad = {
      activities: "کم",
      beneficiaries: -1,
      volunteers: 1.5,
      countiesCovered: ["1901", "1901"],
      budgetBand: "UNDER_1B",
      year: 1499,
    };
    let fields: string[] = [];
    try {
      checkedContent(bad as never, new Date("2025-07-01T00:00:00Z"));
    } catch (error) {
      fields = ((error as { extensions: { fields: Array<{ field: string }> } }).extensions.fields ?? []).map(
        (f) => f.field,
      );
    }
    expect(fields.sort()).toEqual(["activities", "beneficiaries", "countiesCovered", "volunteers", "year"]);
  });

  it("reminds a county from 30 days before the due day, then once overdue", () => {
    const row = { countyId: "1901", missing: 3 };
    expect(activityReportRequest(row, 1403, "2025-05-21")).toBeNull(); // 31 days before
    expect(activityReportRequest(row, 1403, "2025-05-22")).toMatchObject({
      occasionKey: "activity-report-due:1403:1901",
      recipients: { countyOfficersOf: ["1901"] },
    });
    expect(activityReportRequest(row, 1403, "2025-06-22")).toMatchObject({
      occasionKey: "activity-report-overdue:1403:1901",
    });
    expect(activityReportRequest({ countyId: "1901", missing: 0 }, 1403, "2025-06-22")).toBeNull();
  });
});

describe("activity reports on the demo registry", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  let db: DataSource;
  let server: RunningServer;
  const security = generateServiceSecurity();
  const as: Record<string, Record<string, string>> = {};
  const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(server.url, query, variables, as[who]);
  const admin = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);
  const NGO = demoNgoId("14905484270"); // Zanjan county 1901
  const CREATE = `mutation($input: NgoActivityReportCreateInput!) { createNgoActivityReport(input: $input) { id status year countiesCovered version } }`;
  const content = {
    activities: "برگزاری ۱۲ کارگاه آموزشی برای کودکان کار و خانواده‌هایشان",
    beneficiaries: 340,
    volunteers: 25,
    countiesCovered: ["1902", "1901"],
    budgetBand: "FROM_1B_TO_10B",
  };
  let reportId: string;

  beforeAll(async () => {
    database = await prepareTestDatabase("activityreports", { demo: true });
    db = createRegistryDataSource(database.serviceUrls.registry);
    await db.initialize();
    server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked", reminders: false });
    as.zanjanCounty = await subgraphHeaders(security, {
      role: Role.COUNTY_OFFICER,
      provinceId: "19",
      countyId: "1901",
    });
    as.urmiaCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "04", countyId: "0401" });
    as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it("lists the NGO as missing its report until one is submitted", async () => {
    const missing = await gql(
      "zanjanCounty",
      `{ ngosMissingActivityReport(year: 1403, limit: 200) { totalCount items { ngoId overdue } } }`,
    );
    expect(missing.errors).toBeUndefined();
    const item = missing.data!.ngosMissingActivityReport.items.find((row: { ngoId: string }) => row.ngoId === NGO);
    expect(item).toEqual({ ngoId: NGO, overdue: true });
  });

  it("records a report of the officer's NGO as SUBMITTED, audited; a second for the year is refused", async () => {
    const created = await gql("zanjanCounty", CREATE, { input: { ...content, ngoId: NGO, year: 1403 } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createNgoActivityReport).toMatchObject({
      status: "SUBMITTED",
      year: 1403,
      countiesCovered: ["1901", "1902"],
      version: 1,
    });
    reportId = created.data!.createNgoActivityReport.id;
    const twice = await gql("zanjanCounty", CREATE, { input: { ...content, ngoId: NGO, year: 1403 } });
    expect(twice.errors![0]!.extensions!.code).toBe("CONFLICT");
    const audit = await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1`, [reportId]);
    expect(audit).toEqual([{ action: "createNgoActivityReport" }]);
    const missing = await gql(
      "zanjanCounty",
      `{ ngosMissingActivityReport(year: 1403, limit: 200) { items { ngoId } } }`,
    );
    expect(missing.data!.ngosMissingActivityReport.items.map((row: { ngoId: string }) => row.ngoId)).not.toContain(NGO);
  });

  it("refuses bad content, an unknown county, a future year and another territory's NGO, writing nothing", async () => {
    const before = (await admin(`SELECT count(*)::int AS n FROM registry.ngo_activity_report`))[0];
    const unknown = await gql("zanjanCounty", CREATE, {
      input: { ...content, ngoId: NGO, year: 1402, countiesCovered: ["9999"] },
    });
    expect(unknown.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const future = await gql("zanjanCounty", CREATE, { input: { ...content, ngoId: NGO, year: 1450 } });
    expect(future.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const elsewhere = await gql("urmiaCounty", CREATE, { input: { ...content, ngoId: NGO, year: 1402 } });
    expect(elsewhere.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await admin(`SELECT count(*)::int AS n FROM registry.ngo_activity_report`))[0]).toEqual(before);
    const hidden = await gql("urmiaCounty", `query($id: ID!) { ngoActivityReport(id: $id) { id } }`, { id: reportId });
    expect(hidden.data!.ngoActivityReport).toBeNull();
  });

  it("returns a report for correction with a note, takes the correction, then accepts it (final)", async () => {
    const REVIEW = `mutation($id: ID!, $decision: ActivityReportStatus!, $note: String) { reviewNgoActivityReport(id: $id, decision: $decision, note: $note) { status reviewNote reviewedBy } }`;
    const noNote = await gql("zanjanCounty", REVIEW, { id: reportId, decision: "NEEDS_CORRECTION" });
    expect(noNote.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const returned = await gql("zanjanCounty", REVIEW, {
      id: reportId,
      decision: "NEEDS_CORRECTION",
      note: "شمار داوطلبان را با فهرست پیوست تطبیق دهید",
    });
    expect(returned.data!.reviewNgoActivityReport.status).toBe("NEEDS_CORRECTION");
    const again = await gql("zanjanCounty", REVIEW, { id: reportId, decision: "ACCEPTED" });
    expect(again.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    const UPDATE = `mutation($id: ID!, $input: NgoActivityReportUpdateInput!) { updateNgoActivityReport(id: $id, input: $input) { status volunteers version } }`;
    const corrected = await gql("zanjanCounty", UPDATE, { id: reportId, input: { ...content, volunteers: 22 } });
    expect(corrected.data!.updateNgoActivityReport).toEqual({ status: "SUBMITTED", volunteers: 22, version: 3 });
    const accepted = await gql("zanjanCounty", REVIEW, { id: reportId, decision: "ACCEPTED" });
    expect(accepted.data!.reviewNgoActivityReport).toMatchObject({
      status: "ACCEPTED",
      reviewedBy: expect.any(String),
    });
    const late = await gql("zanjanCounty", UPDATE, { id: reportId, input: content });
    expect(late.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    const listed = await gql(
      "analyst",
      `query($ngo: ID!) { ngoActivityReports(filter: { ngoId: $ngo }) { totalCount items { status } } ngo(id: $ngo) { activityReports { year status } } }`,
      { ngo: NGO },
    );
    expect(listed.data!.ngoActivityReports).toEqual({ totalCount: 1, items: [{ status: "ACCEPTED" }] });
    expect(listed.data!.ngo.activityReports).toEqual([{ year: 1403, status: "ACCEPTED" }]);
  });

  it("reminds each county's officers once when reports are due and again when overdue; identity delivers them", async () => {
    const [county] = await admin<{ county_id: string }>(
      `SELECT n.county_id FROM registry.ngo n WHERE n.status = 'ACTIVE' AND n.county_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM registry.licence l WHERE l.ngo_id = n.id)
          AND NOT EXISTS (SELECT 1 FROM registry.ngo_activity_report r WHERE r.ngo_id = n.id AND r.year = 1403)
        ORDER BY n.county_id LIMIT 1`,
    );
    const dueSoon = new Date("2025-06-01T08:00:00+03:30"); // 20 days before 31 Khordad 1404
    const overdue = new Date("2025-06-25T08:00:00+03:30");
    const first = await sendActivityReportReminders(db, dueSoon);
    expect(first).toBeGreaterThan(0);
    expect(await sendActivityReportReminders(db, dueSoon)).toBe(0);
    expect(await sendActivityReportReminders(db, overdue)).toBe(first);
    const keys = (await admin<{ occasion_key: string }>(`SELECT occasion_key FROM identity.notification_request`)).map(
      (row) => row.occasion_key,
    );
    expect(keys).toContain(`activity-report-due:1403:${county!.county_id}`);
    expect(keys).toContain(`activity-report-overdue:1403:${county!.county_id}`);
    const identity = createIdentityDataSource(database.serviceUrls.identity);
    await identity.initialize();
    try {
      await deliverPendingRequests(identity);
    } finally {
      await identity.destroy();
    }
    const delivered = await admin(`SELECT kind FROM identity.notification WHERE kind = 'ACTIVITY_REPORT_DUE'`);
    expect(delivered.length).toBeGreaterThan(0);
    // The NGO representative's own account (demo.ngo, bound to one NGO) hears of its NGO's report, and of no other.
    const [representative] = await admin<{ id: string; bound_id: string }>(
      `SELECT id, bound_id FROM identity.user_account WHERE username = 'demo.ngo'`,
    );
    const [missing] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM registry.ngo n WHERE n.id = $1 AND n.status = 'ACTIVE'
          AND EXISTS (SELECT 1 FROM registry.licence l WHERE l.ngo_id = n.id)
          AND NOT EXISTS (SELECT 1 FROM registry.ngo_activity_report r WHERE r.ngo_id = n.id AND r.year = 1403)`,
      [representative!.bound_id],
    );
    const own = await admin<{ occasion_key: string }>(
      `SELECT occasion_key FROM identity.notification WHERE user_id = $1 AND kind = 'ACTIVITY_REPORT_DUE' ORDER BY occasion_key`,
      [representative!.id],
    );
    expect(own.map((row) => row.occasion_key)).toEqual(
      missing!.n === 1
        ? [
            `activity-report-due:1403:ngo:${representative!.bound_id}`,
            `activity-report-overdue:1403:ngo:${representative!.bound_id}`,
          ]
        : [],
    );
    expect(missing!.n).toBe(1); // the demo NGO is licensed and has not reported: the check above is not vacuous
  });
});
