import {
  createServiceDataSource,
  generateServiceSecurity,
  postGraphQL,
  Role,
  RunningServer,
  withClient,
} from "@hamafza/common";
import { createTestDatabase, subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import {
  countyGovernorateAgencyId,
  createRegistryDataSource,
  demoDirectorateId,
  demoManagerId,
  demoManagers,
  demoOtherManagerId,
  governorateAgencyId,
  loadReferenceData,
  loadRegistryDemoData,
  registryEntities,
  registryMigrations,
  startRegistry,
} from "@hamafza/registry";
import { DataSource } from "typeorm";

/**
 * Managers: positions in agencies with tenures. One holder per position at a time (a new holder ends the previous
 * tenure; overlaps are refused, by the resolver and by the database), territory, the 1404 query, demo data.
 */

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
const as: Record<string, Record<string, string>> = {};
const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, as[who]);
let demoCount: { ngos: number; managers: number };

const TABLES = [
  "ngo",
  "manager",
  "agency",
  "informal_settlement_area",
  "facilitation_office",
  "facilitation_office_operator",
  "ngo_house",
  "ngo_house_member",
  "ngo_network",
  "ngo_network_member",
];
const counts = async () =>
  Object.fromEntries(
    await Promise.all(TABLES.map(async (t) => [t, Number((await db.query(`SELECT count(*) FROM ${t}`))[0].count)])),
  );
const managerCount = async () => Number((await db.query("SELECT count(*) FROM manager"))[0].count);
const row = async (id: string) =>
  (
    await db.query(
      `SELECT name, tenure_start::text, tenure_end::text, agency_id, position_kind FROM manager WHERE id = $1`,
      [id],
    )
  )[0];
const auditOf = (entityId: string) =>
  withClient(
    database.adminUrl,
    async (client) =>
      (
        await client.query(`SELECT action, before, after FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`, [
          entityId,
        ])
      ).rows,
  );

beforeAll(async () => {
  database = await prepareTestDatabase("manager", { demo: false });
  db = createRegistryDataSource(database.serviceUrls.registry);
  await db.initialize();
  demoCount = await loadRegistryDemoData(db);
  server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked" });
  as.admin = await subgraphHeaders(security, { role: Role.ADMIN });
  as.zanjanProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
  as.zanjanCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
  as.urmiaProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "04" });
  as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

const CREATE = `mutation($input: ManagerCreateInput!) { createManager(input: $input) { id name position positionKind agencyId provinceId countyId tenureStart tenureEnd isCurrent agency { name } } }`;

describe("demo managers and organisations", () => {
  it("keeps the demo manager ids and gives every demo manager its governorate's position and a tenure covering 1404", async () => {
    const counties = await db.query(`SELECT id, province_id AS "provinceId", name FROM county`);
    const expected = demoManagers(counties);
    expect(demoCount.managers).toBe(expected.length);
    const rows: {
      id: string;
      agency_id: string;
      position_kind: string;
      province_id: string;
      county_id: string | null;
      tenure_start: string;
      tenure_end: string | null;
    }[] = await db.query(
      `SELECT id, agency_id, position_kind, province_id, county_id, tenure_start::text, tenure_end::text FROM manager`,
    );
    for (const manager of expected) {
      const stored = rows.find((r) => r.id === manager.id)!;
      expect(stored).toBeDefined();
      expect(manager.id).toBe(demoManagerId(manager.countyId ?? manager.provinceId));
      if (manager.countyId)
        expect(stored).toMatchObject({
          agency_id: countyGovernorateAgencyId(manager.countyId),
          position_kind: "COUNTY_GOVERNOR",
          county_id: manager.countyId,
        });
      else
        expect(stored).toMatchObject({
          agency_id: governorateAgencyId(manager.provinceId),
          position_kind: "DEPUTY_GOVERNOR",
          county_id: null,
        });
      expect(stored.tenure_start < "2025-03-21").toBe(true);
      expect(stored.tenure_end).toBeNull();
    }
    // The agency of every manager is in the manager's territory.
    const inconsistent = await db.query(
      `SELECT m.id FROM manager m JOIN agency a ON a.id = m.agency_id WHERE a.province_id <> m.province_id OR a.county_id IS DISTINCT FROM m.county_id`,
    );
    expect(inconsistent).toEqual([]);
  });

  it("answers the 1404 evaluation query: every demo manager, not the predecessors who left before 1404", async () => {
    const result = await gql(
      "admin",
      `{ y1404: managers(filter: { tenureInJalaliYear: 1404 }, limit: 200) { totalCount items { id } } y1398: managers(filter: { tenureInJalaliYear: 1398 }, limit: 200) { items { id tenureEnd } } }`,
    );
    expect(result.errors).toBeUndefined();
    const ids = result.data!.y1404.items.map((m: { id: string }) => m.id);
    const counties = await db.query(`SELECT id, province_id AS "provinceId", name FROM county`);
    for (const manager of demoManagers(counties)) expect(ids).toContain(manager.id);
    expect(ids).not.toContain(demoOtherManagerId("PAST:1901"));
    expect(ids).toContain(demoOtherManagerId("DG:19:WELFARE"));
    const inYear: number = Number(
      (
        await db.query(
          `SELECT count(*) FROM manager WHERE tenure_start <= '2026-03-20' AND (tenure_end IS NULL OR tenure_end >= '2025-03-21')`,
        )
      )[0].count,
    );
    expect(result.data!.y1404.totalCount).toBe(inYear);
    expect(result.data!.y1398.items.map((m: { id: string }) => m.id).sort()).toEqual([demoOtherManagerId("PAST:0401")]);
    const bad = await gql("admin", `{ managers(filter: { tenureInJalaliYear: 99 }) { totalCount } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("shows a position's history through Agency.managers and the agency through Manager.agency, batched", async () => {
    const queries: string[] = [];
    const spy = jest.spyOn(db.logger, "logQuery").mockImplementation((query: string) => void queries.push(query));
    const result = await gql(
      "admin",
      `{ managers(filter: { provinceId: "19" }, limit: 200) { items { id agency { id name managers { name tenureStart tenureEnd isCurrent } } } } }`,
    );
    spy.mockRestore();
    expect(result.errors).toBeUndefined();
    const zanjan = result.data!.managers.items.find((m: { id: string }) => m.id === demoManagerId("1901"));
    expect(zanjan.agency.name).toBe("فرمانداری زنجان");
    expect(zanjan.agency.managers.map((m: { isCurrent: boolean }) => m.isCurrent)).toEqual([true, false]);
    expect(zanjan.agency.managers[1].name).toBe("حمید صالحی");
    expect(queries.filter((q) => /FROM "registry"\."agency"/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /FROM "registry"\."manager"/.test(q)).length).toBeLessThanOrEqual(3); // list, count, Agency.managers batch
  });

  it("loads demo data idempotently", async () => {
    const before = await counts();
    expect(before.agency).toBeGreaterThan(80);
    expect(await loadRegistryDemoData(db)).toEqual({ ngos: 0, managers: 0 });
    expect(await counts()).toEqual(before);
  });
});

describe("one holder per position", () => {
  const abhar = () => countyGovernorateAgencyId("1902");

  it("a new holder ends the previous tenure the day before, recorded in the audit log", async () => {
    const previous = demoManagerId("1902");
    const before = await row(previous);
    expect(before.tenure_end).toBeNull();
    const created = await gql("zanjanProvince", CREATE, {
      input: { name: "سارا نیک‌نام", agencyId: abhar(), positionKind: "COUNTY_GOVERNOR", tenureStart: "2025-06-01" },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createManager).toMatchObject({
      position: "فرماندار ابهر",
      provinceId: "19",
      countyId: "1902",
      tenureStart: "2025-06-01",
      tenureEnd: null,
      isCurrent: true,
      agency: { name: "فرمانداری ابهر" },
    });
    expect((await row(previous)).tenure_end).toBe("2025-05-31");
    const audit = await auditOf(previous);
    expect(audit).toEqual([expect.objectContaining({ action: "createManager" })]);
    expect(audit[0].before.tenureEnd).toBeNull();
    expect(audit[0].after.tenureEnd).toBe("2025-05-31");
    const current = await gql(
      "admin",
      `query($a: ID!) { managers(filter: { agencyId: $a, current: true }) { items { name } } }`,
      { a: abhar() },
    );
    expect(current.data!.managers.items).toEqual([{ name: "سارا نیک‌نام" }]);
  });

  it("refuses overlapping tenures and leaves everything unchanged", async () => {
    const before = await managerCount();
    const snapshot = await db.query(
      `SELECT id, tenure_start::text, tenure_end::text FROM manager WHERE agency_id = $1 ORDER BY id`,
      [abhar()],
    );
    const attempts = [
      { name: "پیش از همه", tenureStart: "2024-01-01" }, // starts before the (ended) previous tenure: overlaps it
      { name: "در میانه", tenureStart: "2025-01-01", tenureEnd: "2025-02-01" }, // inside the previous tenure
      { name: "هم‌روز", tenureStart: "2025-06-01" }, // the same day as the current holder
      { name: "دوره بسته", tenureStart: "2025-07-01", tenureEnd: "2025-08-01" }, // a closed tenure inside the current one
    ];
    for (const attempt of attempts) {
      const result = await gql("admin", CREATE, {
        input: { agencyId: abhar(), positionKind: "COUNTY_GOVERNOR", ...attempt },
      });
      expect(result.errors?.[0].extensions?.code).toBe("CONFLICT");
      expect(result.errors?.[0].message).toContain("هم‌پوشانی");
    }
    expect(await managerCount()).toBe(before);
    expect(
      await db.query(`SELECT id, tenure_start::text, tenure_end::text FROM manager WHERE agency_id = $1 ORDER BY id`, [
        abhar(),
      ]),
    ).toEqual(snapshot);
  });

  it("accepts a past tenure that overlaps nobody, and refuses moving it onto another", async () => {
    const past = await gql("admin", CREATE, {
      input: {
        name: "یوسف کاظمی",
        agencyId: abhar(),
        positionKind: "COUNTY_GOVERNOR",
        tenureStart: "2015-01-10",
        tenureEnd: "2017-03-01",
      },
    });
    expect(past.data!.createManager).toMatchObject({ tenureEnd: "2017-03-01", isCurrent: false });
    const overlap = await gql(
      "admin",
      `mutation($id: ID!) { updateManager(id: $id, input: { tenureEnd: null }) { id } }`,
      { id: past.data!.createManager.id },
    );
    expect(overlap.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect((await row(past.data!.createManager.id)).tenure_end).toBe("2017-03-01");
  });

  it("tells deputies apart by title: two deputies coexist, a new holder of the same title ends the previous", async () => {
    const governorate = governorateAgencyId("19");
    const economic = await gql("zanjanProvince", CREATE, {
      input: {
        name: "کیوان مرادی",
        agencyId: governorate,
        positionKind: "DEPUTY_GOVERNOR",
        position: "معاون هماهنگی امور اقتصادی استاندار",
        tenureStart: "2024-02-01",
      },
    });
    expect(economic.errors).toBeUndefined();
    expect((await row(demoManagerId("19"))).tenure_end).toBeNull(); // the political deputy keeps the position
    const sameTitle = await gql("zanjanProvince", CREATE, {
      input: {
        name: "شهرام یزدانی",
        agencyId: governorate,
        positionKind: "DEPUTY_GOVERNOR",
        position: "معاون هماهنگي امور اقتصادي  استاندار",
        tenureStart: "2025-09-01",
      },
    });
    expect(sameTitle.errors).toBeUndefined();
    expect((await row(economic.data!.createManager.id)).tenure_end).toBe("2025-08-31");
    expect((await row(demoManagerId("19"))).tenure_end).toBeNull();
  });

  it("is enforced by the database too: an overlapping tenure written directly is refused", async () => {
    const [current] = await db.query(
      `SELECT agency_id, position_key, province_id, county_id FROM manager WHERE agency_id = $1 AND tenure_end IS NULL`,
      [abhar()],
    );
    const insert = (start: string, end: string | null) =>
      db.query(
        `INSERT INTO manager (name, name_normalized, position, position_kind, position_key, agency_id, province_id, county_id, tenure_start, tenure_end)
         VALUES ('مستقیم', 'مستقیم', 'فرماندار ابهر', 'COUNTY_GOVERNOR', $1, $2, $3, $4, $5, $6)`,
        [current.position_key, current.agency_id, current.province_id, current.county_id, start, end],
      );
    await expect(insert("2025-06-02", null)).rejects.toThrow(/manager_open_tenure_unique|overlapping tenures/);
    await expect(insert("2016-01-01", "2016-02-01")).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: "manager_one_holder_per_position" }),
    });
    await expect(insert("2020-01-01", "2019-01-01")).rejects.toThrow(/manager_tenure_order/);
    await expect(insert("2012-01-01", "2012-02-01")).resolves.toBeDefined(); // no overlap: allowed
  });
});

describe("manager lifecycle and validation", () => {
  it("reports every invalid field at once and changes nothing", async () => {
    const before = await managerCount();
    const result = await gql("admin", CREATE, {
      input: {
        name: "ab",
        agencyId: countyGovernorateAgencyId("1903"),
        positionKind: "MAYOR",
        tenureStart: "2999-01-01",
        tenureEnd: "2020-01-01",
      },
    });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "name",
      "positionKind",
      "tenureEnd",
      "tenureStart",
    ]);
    const deputy = await gql("admin", CREATE, {
      input: {
        name: "بی عنوان",
        agencyId: governorateAgencyId("19"),
        positionKind: "DEPUTY_GOVERNOR",
        tenureStart: "2024-01-01",
      },
    });
    expect(deputy.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "position" })]);
    const unknown = await gql("admin", CREATE, {
      input: {
        name: "بی دستگاه",
        agencyId: "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60",
        positionKind: "OTHER",
        position: "مشاور",
        tenureStart: "2024-01-01",
      },
    });
    expect(unknown.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "agencyId" })]);
    expect(await managerCount()).toBe(before);
  });

  it("derives titles, updates, ends a tenure once, and deletes", async () => {
    const dg = await gql("admin", CREATE, {
      input: {
        name: "پروین کریمی",
        agencyId: demoDirectorateId("19", "ENVIRONMENT"),
        positionKind: "DIRECTOR_GENERAL",
        tenureStart: "2024-10-01",
      },
    });
    expect(dg.data!.createManager.position).toBe("مدیرکل حفاظت محیط زیست استان زنجان");
    const id = dg.data!.createManager.id;
    const renamed = await gql(
      "admin",
      `mutation($id: ID!) { updateManager(id: $id, input: { name: "پروین کریمی‌نژاد" }) { name position tenureStart } }`,
      { id },
    );
    expect(renamed.data!.updateManager).toEqual({
      name: "پروین کریمی‌نژاد",
      position: "مدیرکل حفاظت محیط زیست استان زنجان",
      tenureStart: "2024-10-01",
    });
    const tooEarly = await gql(
      "admin",
      `mutation($id: ID!) { endManagerTenure(id: $id, endedOn: "2024-09-30") { id } }`,
      { id },
    );
    expect(tooEarly.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "endedOn" })]);
    const future = await gql(
      "admin",
      `mutation($id: ID!) { endManagerTenure(id: $id, endedOn: "2999-01-01") { id } }`,
      { id },
    );
    expect(future.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const ended = await gql(
      "admin",
      `mutation($id: ID!) { endManagerTenure(id: $id, endedOn: "2025-04-30") { tenureEnd isCurrent } }`,
      { id },
    );
    expect(ended.data!.endManagerTenure).toEqual({ tenureEnd: "2025-04-30", isCurrent: false });
    const twice = await gql("admin", `mutation($id: ID!) { endManagerTenure(id: $id, endedOn: "2025-05-30") { id } }`, {
      id,
    });
    expect(twice.errors?.[0].extensions?.code).toBe("INVALID_TRANSITION");
    expect((await row(id)).tenure_end).toBe("2025-04-30");
    const deleted = await gql("admin", `mutation($id: ID!) { deleteManager(id: $id) { id name } }`, { id });
    expect(deleted.data!.deleteManager).toEqual({ id, name: "پروین کریمی‌نژاد" });
    expect(await row(id)).toBeUndefined();
    expect((await auditOf(id)).map((e: { action: string }) => e.action)).toEqual([
      "createManager",
      "updateManager",
      "endManagerTenure",
      "deleteManager",
    ]);
  });

  it("searches names and titles with Persian spelling variants", async () => {
    const result = await gql(
      "admin",
      `{ managers(filter: { q: "فرماندار ابهر" }, limit: 50) { items { position } } byName: managers(filter: { q: "حميد صالحي" }) { items { id } } }`,
    );
    expect(result.data!.managers.items.length).toBeGreaterThan(0);
    for (const m of result.data!.managers.items) expect(m.position).toBe("فرماندار ابهر");
    expect(result.data!.byName.items).toEqual([{ id: demoOtherManagerId("PAST:1901") }]);
  });
});

describe("manager territory", () => {
  it("lets a county officer appoint in its county only", async () => {
    const before = await managerCount();
    const otherCounty = await gql("zanjanCounty", CREATE, {
      input: {
        name: "خارج از قلمرو",
        agencyId: countyGovernorateAgencyId("1905"),
        positionKind: "COUNTY_GOVERNOR",
        tenureStart: "2025-07-01",
      },
    });
    expect(otherCounty.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "agencyId" })]); // not visible: not found
    const provincial = await gql("zanjanCounty", CREATE, {
      input: {
        name: "استانی",
        agencyId: demoDirectorateId("19", "WELFARE"),
        positionKind: "DIRECTOR_GENERAL",
        tenureStart: "2025-07-01",
      },
    });
    expect(provincial.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await managerCount()).toBe(before);
    expect((await row(demoOtherManagerId("DG:19:WELFARE"))).tenure_end).toBeNull();
    const own = await gql("zanjanCounty", CREATE, {
      input: {
        name: "معاون فرماندار",
        agencyId: countyGovernorateAgencyId("1901"),
        positionKind: "DEPUTY_GOVERNOR",
        position: "معاون فرماندار زنجان",
        tenureStart: "2025-07-01",
      },
    });
    expect(own.data!.createManager).toMatchObject({ countyId: "1901", provinceId: "19" });
  });

  it("answers out-of-territory managers with null and NOT_FOUND, and readable-only ones with FORBIDDEN", async () => {
    const byId = await gql("urmiaProvince", `query($id: ID!) { manager(id: $id) { id } }`, {
      id: demoManagerId("1901"),
    });
    expect(byId.data!.manager).toBeNull();
    const update = await gql(
      "urmiaProvince",
      `mutation($id: ID!) { endManagerTenure(id: $id, endedOn: "2025-07-01") { id } }`,
      { id: demoManagerId("1901") },
    );
    expect(update.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const deputy = await gql(
      "zanjanCounty",
      `mutation($id: ID!) { updateManager(id: $id, input: { name: "تغییر" }) { id } }`,
      { id: demoManagerId("19") },
    );
    expect(deputy.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const moveAway = await gql(
      "zanjanProvince",
      `mutation($id: ID!, $a: ID!) { updateManager(id: $id, input: { agencyId: $a }) { id } }`,
      { id: demoManagerId("1901"), a: countyGovernorateAgencyId("0401") },
    );
    expect(moveAway.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "agencyId" })]);
    expect((await row(demoManagerId("1901"))).agency_id).toBe(countyGovernorateAgencyId("1901"));
    const analyst = await gql("analyst", `mutation($id: ID!) { deleteManager(id: $id) { id } }`, {
      id: demoManagerId("1901"),
    });
    expect(analyst.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("hides agencies outside the territory in nested fields", async () => {
    const result = await gql("zanjanCounty", `{ managers(limit: 200) { items { countyId agency { countyId } } } }`);
    for (const m of result.data!.managers.items) {
      expect(m.countyId === null || m.countyId === "1901").toBe(true);
      expect(m.agency.countyId).toBe(m.countyId);
    }
  });
});

describe("migration of managers registered before tenures", () => {
  it("gives existing managers their governorate or county governorate, a position kind and a 1404 tenure", async () => {
    const provisioned = await createTestDatabase("legacy");
    const source = (migrations: unknown[]) =>
      createServiceDataSource({
        url: provisioned.serviceUrls.registry,
        schema: "registry",
        entities: registryEntities,
        migrations: migrations as never,
      });
    const old = source(registryMigrations.slice(0, 1));
    try {
      await old.initialize();
      await old.runMigrations();
      await loadReferenceData(old);
      await old.query(`INSERT INTO manager (id, name, name_normalized, position, province_id, county_id, created_at) VALUES
        ('00000000-0000-4000-8000-000000000001', 'الف', 'الف', 'فرماندار زنجان', '19', '1901', '2025-10-01T10:00:00Z'),
        ('00000000-0000-4000-8000-000000000002', 'ب', 'ب', 'معاون سیاسی، امنیتی و اجتماعی استاندار', '19', NULL, '2024-06-01T10:00:00Z'),
        ('00000000-0000-4000-8000-000000000003', 'پ', 'پ', 'فرماندار ابهر', '19', '1902', '2025-10-01T10:00:00Z'),
        ('00000000-0000-4000-8000-000000000004', 'ت', 'ت', 'فرماندار ابهر', '19', '1902', '2025-11-01T10:00:00Z')`);
      await old.destroy();
      const current = source(registryMigrations);
      await current.initialize();
      await current.runMigrations();
      const rows = await current.query(
        `SELECT m.id, m.position_kind, m.tenure_start::text, m.tenure_end, a.kind, a.name, a.id AS agency_id FROM manager m JOIN agency a ON a.id = m.agency_id ORDER BY m.id`,
      );
      expect(rows).toEqual([
        expect.objectContaining({
          position_kind: "COUNTY_GOVERNOR",
          tenure_start: "2025-03-21",
          kind: "COUNTY_GOVERNORATE",
          name: "فرمانداری زنجان",
          agency_id: countyGovernorateAgencyId("1901"),
        }),
        expect.objectContaining({
          position_kind: "DEPUTY_GOVERNOR",
          tenure_start: "2024-06-01",
          kind: "GOVERNORATE",
          name: "استانداری زنجان",
          agency_id: governorateAgencyId("19"),
        }),
        expect.objectContaining({ position_kind: "OTHER", kind: "COUNTY_GOVERNORATE" }), // an older duplicate holder of one position
        expect.objectContaining({
          position_kind: "COUNTY_GOVERNOR",
          kind: "COUNTY_GOVERNORATE",
          agency_id: countyGovernorateAgencyId("1902"),
        }),
      ]);
      expect(Number((await current.query(`SELECT count(*) FROM agency`))[0].count)).toBe(3);
      await current.destroy();
    } finally {
      if (old.isInitialized) await old.destroy();
      await provisioned.drop();
    }
  }, 60_000);
});
