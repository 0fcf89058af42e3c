import { generateServiceSecurity, postGraphQL, Role, RunningServer, toJalali, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { CLOSED_BY_MERGE } from "../src/merging/ngoMergeRows";

/**
 * An NGO merge moves the registry's own rows of the merged NGO (docs/merging.md): training needs and invitations,
 * assessing NGOs, the public listing; closes its pending change request; undoing it restores every row exactly.
 */
describe("NGO merge: the registry's rows of the merged NGO", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  let db: DataSource;
  let server: RunningServer;
  const security = generateServiceSecurity();
  const as: Record<string, Record<string, string>> = {};
  const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(server.url, query, variables, as[who]);
  const admin = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);
  const TABLES = [
    "training_need",
    "training_invitation",
    "needs_assessment_ngo",
    "ngo_public_listing",
    "ngo_change_request",
  ];
  const digest = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES)
      out[table] = (
        await admin<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM registry.${table} t ORDER BY to_jsonb(t)::text`)
      ).map((r) => r.row);
    return out;
  };
  const year = toJalali(new Date()).year;
  let merged: string;
  let survivor: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await prepareTestDatabase("ngomergerows", { demo: true });
    db = createRegistryDataSource(database.serviceUrls.registry);
    await db.initialize();
    server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked", reminders: false });
    as.officer = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    as.admin = await subgraphHeaders(security, { role: Role.ADMIN });
    [{ id: merged }, { id: survivor }] = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo WHERE county_id = '1901' AND status = 'ACTIVE' ORDER BY id LIMIT 2`,
    );
    const session = async (topic: string) =>
      (
        await admin<{ id: string }>(
          `INSERT INTO registry.training_session (topic, topic_normalized, starts_at, venue, capacity, provider, province_id, county_id)
           VALUES ($1, $1, now(), 'سالن فرمانداری', 20, 'مدرس', '19', '1901') RETURNING id`,
          [topic],
        )
      )[0]!.id;
    ids.sharedSession = await session("حسابداری");
    ids.ownSession = await session("نگارش طرح");
    const need = async (ngo: string, topic: string) =>
      (
        await admin<{ id: string }>(
          `INSERT INTO registry.training_need (ngo_id, topic, topic_normalized, urgency, year) VALUES ($1, $2, $2, 'HIGH', $3) RETURNING id`,
          [ngo, topic, year],
        )
      )[0]!.id;
    ids.repeatedNeed = await need(merged, "حسابداری");
    ids.survivorNeed = await need(survivor, "حسابداری");
    ids.ownNeed = await need(merged, "نگارش طرح");
    await admin(
      `INSERT INTO registry.training_invitation (session_id, ngo_id, need_id, attended) VALUES ($1, $2, $3, true), ($1, $4, $5, false), ($6, $2, $7, NULL)`,
      [ids.sharedSession, merged, ids.repeatedNeed, survivor, ids.survivorNeed, ids.ownSession, ids.ownNeed],
    );
    const [area] = await admin<{ id: string; county_id: string; province_id: string }>(
      `SELECT id, county_id, province_id FROM registry.informal_settlement_area ORDER BY id LIMIT 1`,
    );
    const assessment = async () =>
      (
        await admin<{ id: string }>(
          `INSERT INTO registry.needs_assessment (area_id, county_id, province_id, assessed_on) VALUES ($1, $2, $3, current_date) RETURNING id`,
          [area!.id, area!.county_id, area!.province_id],
        )
      )[0]!.id;
    ids.sharedAssessment = await assessment();
    ids.ownAssessment = await assessment();
    await admin(
      `INSERT INTO registry.needs_assessment_ngo (assessment_id, ngo_id) VALUES ($1, $2), ($1, $3), ($4, $2)`,
      [ids.sharedAssessment, merged, survivor, ids.ownAssessment],
    );
    await admin(
      `INSERT INTO registry.ngo_public_listing (ngo_id, consent_on, consent_note, listed_by) VALUES ($1, current_date, 'نامه رضایت', 'admin')`,
      [merged],
    );
    const request = async (status: string) =>
      (
        await admin<{ id: string }>(
          `INSERT INTO registry.ngo_change_request (ngo_id, province_id, county_id, changes, reason, status, requested_by)
           VALUES ($1, '19', '1901', '{"name": "نام تازه"}', 'تغییر نام در اساسنامه', $2, 'nama') RETURNING id`,
          [merged, status],
        )
      )[0]!.id;
    ids.pendingRequest = await request("PENDING");
    ids.decidedRequest = await request("APPROVED");
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it("moves, removes repeats, keeps a repeated need with the alias, closes the pending request; undo restores all", async () => {
    const before = await digest();
    const merge = await gql(
      "officer",
      `mutation($m: ID!, $s: ID!) { mergeNgos(mergedId: $m, survivorId: $s, reason: "یک سمن دو بار ثبت شده") { id } }`,
      { m: merged, s: survivor },
    );
    expect(merge.errors).toBeUndefined();
    const mergeId = merge.data!.mergeNgos.id as string;
    // The survivor's aliases, as identity asks for them (its invited users of the survivor, docs/merging.md).
    const aliasesOf = async (id: string) =>
      await gql("officer", `query($id: ID!) { ngos(filter: { mergedInto: $id }) { totalCount items { id status } } }`, {
        id,
      });
    expect(await aliasesOf(survivor)).toEqual({
      data: { ngos: { totalCount: 1, items: [{ id: merged, status: "MERGED" }] } },
    });
    expect((await aliasesOf(merged)).data).toEqual({ ngos: { totalCount: 0, items: [] } });

    const owner = async (table: string, where: string, params: unknown[]) =>
      (await admin<{ ngo_id: string }>(`SELECT ngo_id FROM registry.${table} WHERE ${where}`, params)).map(
        (r) => r.ngo_id,
      );
    // Needs: the new topic moves; the repeated topic stays with the alias (its session link intact).
    expect(await owner("training_need", "id = $1", [ids.ownNeed])).toEqual([survivor]);
    expect(await owner("training_need", "id = $1", [ids.repeatedNeed])).toEqual([merged]);
    // Invitations: the survivor's own session invitation stays; the merged NGO's repeat is removed; the other moves.
    expect(await owner("training_invitation", "session_id = $1", [ids.sharedSession])).toEqual([survivor]);
    expect(await owner("training_invitation", "session_id = $1", [ids.ownSession])).toEqual([survivor]);
    // Assessing NGOs: the survivor once on the shared assessment, and on the merged NGO's own one.
    expect(await owner("needs_assessment_ngo", "assessment_id = $1", [ids.sharedAssessment])).toEqual([survivor]);
    expect(await owner("needs_assessment_ngo", "assessment_id = $1", [ids.ownAssessment])).toEqual([survivor]);
    // The public listing (with its consent) follows the survivor.
    expect(await owner("ngo_public_listing", "TRUE", [])).toEqual([survivor]);
    // The pending request is closed with a note; decided history stays with the alias.
    const requests = await admin<{ id: string; status: string; decision_note: string | null; ngo_id: string }>(
      `SELECT id, status, decision_note, ngo_id FROM registry.ngo_change_request ORDER BY created_at, id`,
    );
    expect(requests.find((r) => r.id === ids.pendingRequest)).toMatchObject({
      status: "REJECTED",
      decision_note: CLOSED_BY_MERGE,
      ngo_id: merged,
    });
    expect(requests.find((r) => r.id === ids.decidedRequest)).toMatchObject({ status: "APPROVED" });
    const audit = await admin<{ after: { registryRows: number } }>(
      `SELECT after FROM identity.audit_entry WHERE action = 'mergeNgos' AND entity_id = $1`,
      [merged],
    );
    // Every change is recorded for the undo and counted in the audit (the demo NGO's own needs too: 7 rows or more).
    const [{ n: recorded }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM registry.ngo_merge_rewrite WHERE merge_id = $1`,
      [mergeId],
    );
    expect(recorded).toBeGreaterThanOrEqual(7);
    expect(audit.map((a) => a.after.registryRows)).toEqual([recorded]);
    expect(await admin(`SELECT 1 FROM registry.training_invitation WHERE ngo_id = $1`, [merged])).toEqual([]);
    expect(await admin(`SELECT 1 FROM registry.needs_assessment_ngo WHERE ngo_id = $1`, [merged])).toEqual([]);

    // Merging again changes nothing.
    const afterMerge = await digest();
    const again = await gql(
      "officer",
      `mutation($m: ID!, $s: ID!) { mergeNgos(mergedId: $m, survivorId: $s, reason: "یک سمن دو بار ثبت شده") { id } }`,
      { m: merged, s: survivor },
    );
    expect(again.data!.mergeNgos.id).toBe(mergeId);
    expect(await digest()).toEqual(afterMerge);

    const undo = await gql(
      "admin",
      `mutation($id: ID!) { undoNgoMerge(id: $id, reason: "اشتباه در ادغام") { undoneAt } }`,
      {
        id: mergeId,
      },
    );
    expect(undo.errors).toBeUndefined();
    expect(await digest()).toEqual(before);
    expect((await aliasesOf(survivor)).data).toEqual({ ngos: { totalCount: 0, items: [] } });
    expect(await admin(`SELECT count(*)::int AS n FROM registry.ngo_merge_rewrite`)).toEqual([{ n: 0 }]);
    const undoneAgain = await gql(
      "admin",
      `mutation($id: ID!) { undoNgoMerge(id: $id, reason: "اشتباه در ادغام") { undoneAt } }`,
      { id: mergeId },
    );
    expect(undoneAgain.errors).toBeUndefined();
    expect(await digest()).toEqual(before);
  });
});
