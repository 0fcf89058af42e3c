import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, demoNgoId, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { LicenceAction } from "../src/entities/LicenceEvent";
import { warningNotice } from "../src/supervision/supervisionNotices";
import { assertLinkable, checkedSupervisionContent } from "../src/supervision/supervisionRules";
import { SupervisionKind } from "../src/supervision/SupervisionRecord";

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    return ((error as { extensions: { fields?: Array<{ field: string }> } }).extensions.fields ?? []).map(
      (f) => f.field,
    );
  }
  return [];
};

/** Supervision records (seed 004): reviews, warnings and inspection notes, linked to the licence action they justify. */
describe("supervision rules", () => {
  it("checks the content, every problem at once", () => {
    const now = new Date("2025-07-01T00:00:00Z");
    const bad = { kind: "NOTE" as SupervisionKind, recordedOn: "2025-07-02", text: "کم" };
    expect(fieldsOf(() => checkedSupervisionContent(bad, now)).sort()).toEqual(["kind", "recordedOn", "text"]);
    const good = checkedSupervisionContent(
      { kind: SupervisionKind.WARNING, recordedOn: "2025-07-01", text: "  عدم ارائه گزارش مالی  " },
      now,
    );
    expect(good.text).toBe("عدم ارائه گزارش مالی");
  });

  it("links a record only to a suspension or revocation of the same NGO, once", () => {
    const record = { ngoId: "a", licenceEventId: null };
    const event = { ngoId: "a", action: LicenceAction.SUSPEND, supervisionRecordId: null };
    expect(fieldsOf(() => assertLinkable({ record, event }, "supervisionRecordId"))).toEqual([]);
    expect(fieldsOf(() => assertLinkable({ record, event: { ...event, action: LicenceAction.REVOKE } }, "x"))).toEqual(
      [],
    );
    expect(fieldsOf(() => assertLinkable({ record, event: { ...event, ngoId: "b" } }, "x"))).toEqual(["x"]);
    expect(fieldsOf(() => assertLinkable({ record, event: { ...event, action: LicenceAction.RENEW } }, "x"))).toEqual([
      "x",
    ]);
    expect(fieldsOf(() => assertLinkable({ record: { ...record, licenceEventId: "e" }, event }, "x"))).toEqual(["x"]);
    expect(fieldsOf(() => assertLinkable({ record, event: { ...event, supervisionRecordId: "r" } }, "x"))).toEqual([
      "x",
    ]);
  });

  it("notifies the NGO's representatives of a warning only", () => {
    const row = { id: "r1", ngoId: "n1", recordedOn: "2025-07-01" };
    expect(warningNotice({ ...row, kind: SupervisionKind.WARNING })).toMatchObject({
      occasionKey: "supervision-warning:r1",
      recipients: { ngoRepresentativesOf: ["n1"] },
    });
    expect(warningNotice({ ...row, kind: SupervisionKind.REVIEW })).toBeNull();
    expect(warningNotice({ ...row, kind: SupervisionKind.INSPECTION_NOTE })).toBeNull();
  });
});

describe("supervision records on the demo registry", () => {
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
  const OTHER = demoNgoId("14487385191");
  const CREATE = `mutation($input: SupervisionRecordCreateInput!) { createSupervisionRecord(input: $input) { id kind recordedOn text activityReportId licenceEventId version } }`;
  const SUSPEND = `mutation($id: ID!, $input: LicenceSuspendInput!) { suspendLicence(id: $id, input: $input) { id status history { action supervisionRecordId supervisionRecord { id kind } } } }`;
  const REVOKE = `mutation($id: ID!, $input: LicenceRevokeInput!) { revokeLicence(id: $id, input: $input) { id status } }`;
  let reportId: string;
  let warningId: string;
  let licenceId: string;
  /** The demo data's own supervision records (seed/demoSupervision.ts): the lists below count what the tests add. */
  let demo: { ngo_id: string; county_id: string | null; kind: string }[];

  /** Rows a refused write must leave as they were. */
  const snapshot = async () =>
    JSON.stringify([
      await admin(`SELECT id, licence_event_id, version FROM registry.supervision_record ORDER BY id`),
      await admin(`SELECT id, supervision_record_id FROM registry.licence_event ORDER BY id`),
      await admin(`SELECT id, status FROM registry.licence ORDER BY id`),
      await admin(`SELECT count(*)::int AS n FROM identity.notification_request`),
    ]);

  beforeAll(async () => {
    database = await prepareTestDatabase("supervision", { demo: true });
    demo = await admin(`SELECT ngo_id, county_id, kind FROM registry.supervision_record ORDER BY recorded_on DESC`);
    db = createRegistryDataSource(database.serviceUrls.registry);
    await db.initialize();
    server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked", reminders: false });
    as.zanjanCounty = await subgraphHeaders(security, {
      role: Role.COUNTY_OFFICER,
      provinceId: "19",
      countyId: "1901",
    });
    as.urmiaCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "04", countyId: "0401" });
    as.ngo = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: NGO });
    as.otherNgo = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: OTHER });
    const report = await gql(
      "zanjanCounty",
      `mutation($input: NgoActivityReportCreateInput!) { createNgoActivityReport(input: $input) { id } }`,
      {
        input: {
          ngoId: NGO,
          year: 1402,
          activities: "برگزاری کارگاه‌های آموزشی برای کودکان کار",
          beneficiaries: 120,
          volunteers: 10,
          countiesCovered: ["1901"],
          budgetBand: "UNDER_1B",
        },
      },
    );
    expect(report.errors).toBeUndefined();
    reportId = report.data!.createNgoActivityReport.id;
    // The NGO's current licence, made ACTIVE for the test (the demo data's state depends on today's date).
    const [licence] = await admin<{ id: string }>(
      `SELECT id FROM registry.licence WHERE ngo_id = $1 ORDER BY issued_on DESC LIMIT 1`,
      [NGO],
    );
    licenceId = licence!.id;
    await admin(
      `UPDATE registry.licence SET status = 'ACTIVE', suspended_until = NULL, expires_on = (current_date + 400) WHERE id = $1`,
      [licenceId],
    );
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it("records a review following from the NGO's activity report, audited", async () => {
    const created = await gql("zanjanCounty", CREATE, {
      input: {
        ngoId: NGO,
        kind: "REVIEW",
        recordedOn: "2025-05-01",
        text: "گزارش سالانه بررسی شد؛ شمار داوطلبان با اسناد همخوان نیست.",
        activityReportId: reportId,
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSupervisionRecord).toMatchObject({
      kind: "REVIEW",
      activityReportId: reportId,
      licenceEventId: null,
      version: 1,
    });
    const audit = await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1`, [
      created.data!.createSupervisionRecord.id,
    ]);
    expect(audit).toEqual([{ action: "createSupervisionRecord" }]);
    expect(
      await admin(`SELECT count(*)::int AS n FROM identity.notification_request WHERE record_id = $1`, [
        created.data!.createSupervisionRecord.id,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it("notifies the NGO's representatives of a warning", async () => {
    const created = await gql("zanjanCounty", CREATE, {
      input: {
        ngoId: NGO,
        kind: "WARNING",
        recordedOn: "2025-05-10",
        text: "اخطار: گزارش مالی سال ۱۴۰۲ ارائه نشده است.",
      },
    });
    expect(created.errors).toBeUndefined();
    warningId = created.data!.createSupervisionRecord.id;
    const requests = await admin(
      `SELECT occasion_key, kind, recipients FROM identity.notification_request WHERE record_id = $1`,
      [warningId],
    );
    expect(requests).toEqual([
      {
        occasion_key: `supervision-warning:${warningId}`,
        kind: "SUPERVISION_WARNING",
        recipients: { ngoRepresentativesOf: [NGO] },
      },
    ]);
  });

  it("refuses bad input, another NGO's report, another territory's NGO and an unlinkable licence action, writing nothing", async () => {
    const before = await snapshot();
    const content = { ngoId: NGO, kind: "INSPECTION_NOTE", recordedOn: "2025-05-12", text: "بازدید از دفتر سمن" };
    const future = await gql("zanjanCounty", CREATE, { input: { ...content, recordedOn: "2099-01-01", text: "x" } });
    expect(future.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const otherReport = await gql("zanjanCounty", CREATE, {
      input: { ...content, ngoId: OTHER, activityReportId: reportId },
    });
    expect(otherReport.errors![0]!.extensions!.code).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    const elsewhere = await gql("urmiaCounty", CREATE, { input: content });
    expect(elsewhere.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const [issue] = await admin<{ id: string }>(
      `SELECT id FROM registry.licence_event WHERE ngo_id = $1 AND action = 'ISSUE' LIMIT 1`,
      [NGO],
    );
    const notSuspension = await gql("zanjanCounty", CREATE, { input: { ...content, licenceEventId: issue!.id } });
    expect(notSuspension.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const representative = await gql("ngo", CREATE, { input: content });
    expect(representative.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(await snapshot()).toBe(before);
  });

  it("links a suspension to the warning that justifies it, both ways; the warning cannot justify a second action", async () => {
    const suspended = await gql("zanjanCounty", SUSPEND, {
      id: licenceId,
      input: { reason: "بی‌توجهی به اخطار نظارتی", supervisionRecordId: warningId },
    });
    expect(suspended.errors).toBeUndefined();
    expect(suspended.data!.suspendLicence.status).toBe("SUSPENDED");
    const last = suspended.data!.suspendLicence.history.at(-1);
    expect(last).toEqual({
      action: "SUSPEND",
      supervisionRecordId: warningId,
      supervisionRecord: { id: warningId, kind: "WARNING" },
    });
    const record = await gql(
      "zanjanCounty",
      `query($id: ID!) { supervisionRecord(id: $id) { licenceEventId version licenceEvent { action } } }`,
      {
        id: warningId,
      },
    );
    expect(record.data!.supervisionRecord).toMatchObject({ version: 2, licenceEvent: { action: "SUSPEND" } });
    expect(
      await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`, [warningId]),
    ).toEqual([{ action: "createSupervisionRecord" }, { action: "linkSupervisionRecord" }]);

    const before = await snapshot();
    const again = await gql("zanjanCounty", REVOKE, {
      id: licenceId,
      input: { reason: "تکرار تخلف", supervisionRecordId: warningId },
    });
    expect(again.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const unknown = await gql("zanjanCounty", REVOKE, {
      id: licenceId,
      input: { reason: "تکرار تخلف", supervisionRecordId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(await snapshot()).toBe(before);
  });

  it("lists records with filters; a representative reads only its own NGO's", async () => {
    const LIST = `query($filter: SupervisionRecordFilter) { supervisionRecords(filter: $filter, limit: 100) { totalCount items { id kind ngoId } } }`;
    const warnings = await gql("zanjanCounty", LIST, {
      filter: { ngoId: NGO, kind: "WARNING", linkedToLicenceAction: true },
    });
    expect(warnings.data!.supervisionRecords.items.map((r: { id: string }) => r.id)).toEqual([warningId]);
    const own = await gql("ngo", LIST);
    expect(own.errors).toBeUndefined();
    const demoOf = (ngoId: string) => demo.filter((record) => record.ngo_id === ngoId);
    expect(own.data!.supervisionRecords.totalCount).toBe(2 + demoOf(NGO).length);
    const theirs = await gql("otherNgo", LIST);
    expect(theirs.data!.supervisionRecords.totalCount).toBe(demoOf(OTHER).length);
    const byId = await gql("otherNgo", `query($id: ID!) { supervisionRecord(id: $id) { id } }`, { id: warningId });
    expect(byId.data!.supervisionRecord).toBeNull();
    const urmia = await gql("urmiaCounty", LIST);
    expect(urmia.data!.supervisionRecords.totalCount).toBe(demo.filter((record) => record.county_id === "0401").length);
    const ofNgo = await gql(
      "zanjanCounty",
      `query($id: ID!) { ngo(id: $id) { supervisionRecords { kind createdBy } } }`,
      { id: NGO },
    );
    const records: { kind: string; createdBy: string }[] = ofNgo.data!.ngo.supervisionRecords;
    expect(records).toHaveLength(2 + demoOf(NGO).length);
    const added = records.filter((r) => r.createdBy !== "demo.county");
    expect(added.map((r) => r.kind)).toEqual(["WARNING", "REVIEW"]);
  });
});
