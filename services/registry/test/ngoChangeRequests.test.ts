import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, demoNgoId, legalNationalId, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { NgoChangeRequestStatus, NgoRegulatedField } from "../src/changeRequest/NgoChangeRequest";
import {
  assertPending,
  checkedDecisionNote,
  requestedChanges,
  selfServiceRefusal,
  valuesToApply,
} from "../src/changeRequest/ngoChangeRequestRules";
import { LicenceState } from "../src/entities/Licence";
import { NgoStatus } from "../src/entities/Ngo";

/**
 * NGO self-service (docs/self-service.md): a representative edits the unregulated fields of their own NGO directly
 * and asks for changes of the regulated ones; an officer of the NGO's territory approves (applied, audited) or rejects.
 */
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe("change request rules", () => {
  const current = { name: "انجمن یاوران", nationalId: "14905484270", registrationNumber: "1234" };

  it("keeps only the fields that really change, normalised, each with its current value", () => {
    expect(
      requestedChanges(current, { name: "  انجمن یاوران ", nationalId: "۱۴۹۰۵۴۸۴۲۷۰", registrationNumber: " 5678 " }),
    ).toEqual([{ field: NgoRegulatedField.REGISTRATION_NUMBER, current: "1234", requested: "5678" }]);
    expect(requestedChanges(current, { name: "انجمن یاوران زنجان", registrationNumber: "" })).toEqual([
      { field: NgoRegulatedField.NAME, current: "انجمن یاوران", requested: "انجمن یاوران زنجان" },
    ]);
  });

  it("refuses a request that changes nothing", () => {
    expect(codeOf(() => requestedChanges(current, { name: "انجمن یاوران", registrationNumber: null }))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it("turns the changes back into the NGO's input", () => {
    expect(
      valuesToApply([
        { field: NgoRegulatedField.NAME, current: "الف", requested: "ب" },
        { field: NgoRegulatedField.NATIONAL_ID, current: "1", requested: "2" },
      ]),
    ).toEqual({ name: "ب", nationalId: "2" });
  });

  it("decides a pending request once, a rejection with a reason", () => {
    expect(codeOf(() => assertPending(NgoChangeRequestStatus.PENDING))).toBeUndefined();
    expect(codeOf(() => assertPending(NgoChangeRequestStatus.APPROVED))).toBe("INVALID_TRANSITION");
    expect(codeOf(() => assertPending(NgoChangeRequestStatus.REJECTED))).toBe("INVALID_TRANSITION");
    expect(codeOf(() => checkedDecisionNote(" ", true))).toBe("BAD_USER_INPUT");
    expect(checkedDecisionNote(null, false)).toBeNull();
    expect(checkedDecisionNote(" مدرک پیوست نیست ", true)).toBe("مدرک پیوست نیست");
  });

  it("lets representatives change their NGO unless it is dissolved, merged or its licence revoked", () => {
    expect(selfServiceRefusal(NgoStatus.ACTIVE, LicenceState.ACTIVE)).toBeNull();
    expect(selfServiceRefusal(NgoStatus.INACTIVE, LicenceState.EXPIRED)).toBeNull();
    expect(selfServiceRefusal(NgoStatus.ACTIVE, LicenceState.SUSPENDED)).toBeNull();
    expect(selfServiceRefusal(NgoStatus.ACTIVE, LicenceState.REVOKED)).toMatch(/لغو/);
    expect(selfServiceRefusal(NgoStatus.DISSOLVED, LicenceState.ACTIVE)).toMatch(/منحل/);
    expect(selfServiceRefusal(NgoStatus.MERGED, LicenceState.NONE)).toMatch(/ادغام/);
  });
});

describe("NGO self-service on the demo registry", () => {
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
  const OTHER = demoNgoId("14953907576");
  const ngoRow = async (id = NGO) =>
    (
      await admin(
        `SELECT name, national_id, registration_number, phone, address, version FROM registry.ngo WHERE id = $1`,
        [id],
      )
    )[0];
  const REQUEST = `mutation($input: NgoChangeRequestInput!) { requestNgoChange(input: $input) { id status changes { field current requested } requestedBy } }`;
  const UPDATE = `mutation($input: MyNgoProfileInput!) { updateMyNgoProfile(input: $input) { id phone address } }`;
  const APPROVE = `mutation($id: ID!) { approveNgoChangeRequest(id: $id) { status decidedBy } }`;
  const REJECT = `mutation($id: ID!, $reason: String!) { rejectNgoChangeRequest(id: $id, reason: $reason) { status decisionNote } }`;

  beforeAll(async () => {
    database = await prepareTestDatabase("changerequests", { demo: true });
    db = createRegistryDataSource(database.serviceUrls.registry);
    await db.initialize();
    server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked", reminders: false });
    as.representative = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: NGO });
    as.otherRepresentative = await subgraphHeaders(security, { role: Role.NGO_REPRESENTATIVE, boundId: OTHER });
    as.zanjanCounty = await subgraphHeaders(security, {
      role: Role.COUNTY_OFFICER,
      provinceId: "19",
      countyId: "1901",
    });
    as.urmiaCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "04", countyId: "0401" });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it("lets the representative change their NGO's contact details directly, audited", async () => {
    const changed = await gql("representative", UPDATE, {
      input: { phone: "02433445566", address: "زنجان، خیابان سعدی، پلاک ۱۲" },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateMyNgoProfile).toEqual({
      id: NGO,
      phone: "02433445566",
      address: "زنجان، خیابان سعدی، پلاک ۱۲",
    });
    const audit = await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 AND action = $2`, [
      NGO,
      "updateMyNgoProfile",
    ]);
    expect(audit).toHaveLength(1);
  });

  it("shows the representative their own NGO's board, capabilities and fields, and edits the board", async () => {
    const PROFILE = `query($id: ID!) { ngo(id: $id) { boardMembers { name role } capabilities { service } fieldIds } }`;
    const officer = (await gql("zanjanCounty", PROFILE, { id: NGO })).data!.ngo;
    expect((await gql("representative", PROFILE, { id: NGO })).data!.ngo).toEqual(officer);
    const board = await gql(
      "representative",
      `mutation($input: MyNgoProfileInput!) { updateMyNgoProfile(input: $input) { boardMembers { name role } } }`,
      { input: { boardMembers: [{ name: "مریم احمدی", role: "CHAIR", nationalCode: "0012345679" }] } },
    );
    expect(board.errors).toBeUndefined();
    expect(board.data!.updateMyNgoProfile.boardMembers).toEqual([{ name: "مریم احمدی", role: "CHAIR" }]);
  });

  it("lets the representative read the fields catalogue and replace their NGO's fields and capabilities (the dashboard's «سمن من»)", async () => {
    const FIELDS = `query { fieldsOfActivity(limit: 200) { totalCount items { id name } } }`;
    const catalogue = await gql("representative", FIELDS);
    expect(catalogue.errors).toBeUndefined();
    const fields = catalogue.data!.fieldsOfActivity.items as { id: string }[];
    expect(fields.length).toBeGreaterThan(1);
    const [before] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM identity.audit_entry WHERE entity_id = $1 AND action = 'updateMyNgoProfile'`,
      [NGO],
    );
    const SHAPE = `{ fieldIds capabilities { id service fieldId coverageCountyIds volunteersAvailable } }`;
    const current = await gql("representative", `query($id: ID!) { ngo(id: $id) ${SHAPE} }`, { id: NGO });
    const kept = (current.data!.ngo.capabilities as { id: string; coverageCountyIds: string[] }[])[0];
    const changed = await gql(
      "representative",
      `mutation($input: MyNgoProfileInput!) { updateMyNgoProfile(input: $input) ${SHAPE} }`,
      {
        input: {
          fieldIds: [fields[0]!.id, fields[1]!.id],
          capabilities: [
            ...(kept ? [{ ...kept, service: "آموزش مهارت‌های زندگی" }] : []),
            { service: "مشاوره حقوقی رایگان", fieldId: fields[1]!.id, volunteersAvailable: 4 },
          ],
        },
      },
    );
    expect(changed.errors).toBeUndefined();
    const ngo = changed.data!.updateMyNgoProfile;
    expect([...ngo.fieldIds].sort()).toEqual([fields[0]!.id, fields[1]!.id].sort());
    expect(ngo.capabilities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: "مشاوره حقوقی رایگان", fieldId: fields[1]!.id, volunteersAvailable: 4 }),
      ]),
    );
    if (kept)
      expect(ngo.capabilities).toContainEqual(
        expect.objectContaining({
          id: kept.id,
          service: "آموزش مهارت‌های زندگی",
          coverageCountyIds: kept.coverageCountyIds,
        }),
      );
    expect(ngo.capabilities).toHaveLength(kept ? 2 : 1);
    const [after] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM identity.audit_entry WHERE entity_id = $1 AND action = 'updateMyNgoProfile'`,
      [NGO],
    );
    expect(after!.n).toBe(before!.n + 1);
    // A capability without a service is refused and changes nothing.
    const refused = await gql(
      "representative",
      `mutation { updateMyNgoProfile(input: { capabilities: [{ service: "" }] }) { id } }`,
    );
    expect(refused.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const unchanged = await gql("representative", `query($id: ID!) { ngo(id: $id) ${SHAPE} }`, { id: NGO });
    expect(unchanged.data!.ngo).toEqual(ngo);
  });

  it("refuses a bad phone and regulated fields in the direct edit, changing nothing", async () => {
    const before = await ngoRow();
    const bad = await gql("representative", UPDATE, { input: { phone: "12" } });
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const regulated = await gql(
      "representative",
      `mutation { updateMyNgoProfile(input: { name: "نام تازه" }) { id } }`,
    );
    expect(regulated.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await ngoRow()).toEqual(before);
  });

  it("files a change request of regulated fields, pending, visible to the NGO and its county officer only", async () => {
    const before = await ngoRow();
    const filed = await gql("representative", REQUEST, {
      input: {
        registrationNumber: "9876",
        reason: "شماره ثبت پس از تغییر اساسنامه عوض شد",
        reference: "روزنامه رسمی ۲۲۱۴۵",
      },
    });
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.requestNgoChange).toMatchObject({
      status: "PENDING",
      changes: [{ field: "REGISTRATION_NUMBER", current: before.registration_number, requested: "9876" }],
    });
    expect(await ngoRow()).toEqual(before); // nothing applied yet
    const twice = await gql("representative", REQUEST, { input: { name: "انجمن تازه", reason: "تغییر نام در مجمع" } });
    expect(twice.errors![0]!.extensions!.code).toBe("CONFLICT");
    const LIST = `{ ngoChangeRequests { totalCount items { id ngoId status } } }`;
    expect((await gql("representative", LIST)).data!.ngoChangeRequests.totalCount).toBe(1);
    expect((await gql("otherRepresentative", LIST)).data!.ngoChangeRequests.totalCount).toBe(0);
    expect((await gql("zanjanCounty", LIST)).data!.ngoChangeRequests.totalCount).toBe(1);
    expect((await gql("urmiaCounty", LIST)).data!.ngoChangeRequests.totalCount).toBe(0);
    const notified = await admin(`SELECT kind, recipients FROM identity.notification_request WHERE record_id = $1`, [
      filed.data!.requestNgoChange.id,
    ]);
    expect(notified).toEqual([{ kind: "NGO_PROFILE_CHANGE", recipients: { countyOfficersOf: ["1901"] } }]);
  });

  it("refuses bad values and an empty request, writing nothing", async () => {
    const count = async () => (await admin(`SELECT count(*)::int AS n FROM registry.ngo_change_request`))[0].n;
    const before = await count();
    const badId = await gql("otherRepresentative", REQUEST, {
      input: { nationalId: "12345678901", reason: "اصلاح شناسه" },
    });
    expect(badId.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const nothing = await gql("otherRepresentative", REQUEST, { input: { reason: "هیچ تغییری نیست" } });
    expect(nothing.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await count()).toBe(before);
  });

  it("lets only an officer of the territory decide; approval applies the values, audited, and is final", async () => {
    const [{ id }] = await admin<{ id: string }>(`SELECT id FROM registry.ngo_change_request WHERE ngo_id = $1`, [NGO]);
    expect((await gql("representative", APPROVE, { id })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await gql("urmiaCounty", APPROVE, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const approved = await gql("zanjanCounty", APPROVE, { id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveNgoChangeRequest).toEqual({ status: "APPROVED", decidedBy: "test.county_officer" });
    expect((await ngoRow()).registration_number).toBe("9876");
    const audit = await admin<{ entity_type: string }>(
      `SELECT entity_type FROM identity.audit_entry WHERE action = 'approveNgoChangeRequest' AND entity_type IS NOT NULL ORDER BY entity_type`,
    );
    expect(audit.map((a) => a.entity_type)).toEqual(["Ngo", "NgoChangeRequest"]);
    const again = await gql("zanjanCounty", REJECT, { id, reason: "دیر شد" });
    expect(again.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    const told = await admin(`SELECT kind, recipients FROM identity.notification_request WHERE occasion_key = $1`, [
      `ngo-change-request:${id}:APPROVED`,
    ]);
    expect(told).toEqual([{ kind: "NGO_PROFILE_CHANGE", recipients: { ngoRepresentativesOf: [NGO] } }]);
  });

  it("rejects with a reason, leaving the NGO as it was; the history keeps both", async () => {
    const nationalId = legalNationalId("1490548427".replace(/7$/, "8"));
    const filed = await gql("representative", REQUEST, {
      input: { nationalId, reason: "شناسه ملی اشتباه ثبت شده است" },
    });
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.requestNgoChange.id;
    const before = await ngoRow();
    const noReason = await gql("zanjanCounty", REJECT, { id, reason: " " });
    expect(noReason.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const rejected = await gql("zanjanCounty", REJECT, { id, reason: "گواهی اداره ثبت پیوست نشده است" });
    expect(rejected.data!.rejectNgoChangeRequest).toEqual({
      status: "REJECTED",
      decisionNote: "گواهی اداره ثبت پیوست نشده است",
    });
    expect(await ngoRow()).toEqual(before);
    const history = await gql(
      "representative",
      `query($ngo: ID!) { ngoChangeRequests(filter: { ngoId: $ngo }) { items { status } } }`,
      { ngo: NGO },
    );
    expect(history.data!.ngoChangeRequests.items).toEqual([{ status: "REJECTED" }, { status: "APPROVED" }]);
  });

  it("refuses to approve a national id another NGO holds, leaving the NGO and the request as they were", async () => {
    const filed = await gql("representative", REQUEST, {
      input: { nationalId: "14953907576", reason: "شناسه ملی درست سمن این است" },
    });
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.requestNgoChange.id;
    const before = await ngoRow();
    const taken = await gql("zanjanCounty", APPROVE, { id });
    expect(taken.errors![0]!.extensions!.code).toBe("CONFLICT");
    expect(await ngoRow()).toEqual(before);
    const [row] = await admin(`SELECT status, decided_by FROM registry.ngo_change_request WHERE id = $1`, [id]);
    expect(row).toEqual({ status: "PENDING", decided_by: null });
    expect(
      (await gql("zanjanCounty", REJECT, { id, reason: "این شناسه ملی از آنِ سمن دیگری است" })).errors,
    ).toBeUndefined();
  });

  it("keeps the representatives of an NGO whose licence is revoked to reading", async () => {
    await admin(`UPDATE registry.licence SET status = 'REVOKED' WHERE ngo_id = $1`, [OTHER]);
    const licences = await admin(`SELECT count(*)::int AS n FROM registry.licence WHERE ngo_id = $1`, [OTHER]);
    expect(licences[0].n).toBeGreaterThan(0);
    const before = await ngoRow(OTHER);
    const edit = await gql("otherRepresentative", UPDATE, { input: { address: "نشانی تازه" } });
    expect(edit.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const request = await gql("otherRepresentative", REQUEST, { input: { name: "نام تازه سمن", reason: "تغییر نام" } });
    expect(request.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(await ngoRow(OTHER)).toEqual(before);
    const read = await gql("otherRepresentative", `query($id: ID!) { ngo(id: $id) { id licenceState } }`, {
      id: OTHER,
    });
    expect(read.data!.ngo).toEqual({ id: OTHER, licenceState: "REVOKED" });
  });

  it("lets a representative withdraw their NGO's consent to the public register, audited; never another NGO's", async () => {
    const LIST_PUBLICLY = `mutation($id: ID!) { listNgoPublicly(id: $id, input: { consentOn: "2025-05-01", consentNote: "نامه رضایت سمن" }) { id } }`;
    const LISTING = `query($id: ID!) { ngo(id: $id) { publicListing { consentOn } } }`;
    const WITHDRAW = `mutation { withdrawMyPublicListingConsent { id publicListing { consentOn } } }`;
    expect((await gql("zanjanCounty", LIST_PUBLICLY, { id: NGO })).errors).toBeUndefined();
    expect((await gql("representative", LISTING, { id: NGO })).data!.ngo.publicListing).toEqual({
      consentOn: "2025-05-01",
    });
    // Another NGO's representative withdraws only their own (not listed: nothing happens).
    const other = await gql("otherRepresentative", WITHDRAW);
    expect(other.data!.withdrawMyPublicListingConsent).toEqual({ id: OTHER, publicListing: null });
    expect((await gql("zanjanCounty", LISTING, { id: NGO })).data!.ngo.publicListing).not.toBeNull();
    const withdrawn = await gql("representative", WITHDRAW);
    expect(withdrawn.data!.withdrawMyPublicListingConsent).toEqual({ id: NGO, publicListing: null });
    expect((await gql("zanjanCounty", LISTING, { id: NGO })).data!.ngo.publicListing).toBeNull();
    const audit = await admin(`SELECT action FROM identity.audit_entry WHERE entity_id = $1 AND action = $2`, [
      NGO,
      "withdrawMyPublicListingConsent",
    ]);
    expect(audit).toHaveLength(1);
  });
});
