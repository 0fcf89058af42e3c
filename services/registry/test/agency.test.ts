import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";

/** Agencies (دستگاه اجرایی): lifecycle, validation, territory of reads and writes, audit, and `_entities`. */

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
const as: Record<string, Record<string, string>> = {};
const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, as[who]);

beforeAll(async () => {
  database = await prepareTestDatabase("agency", { demo: false });
  db = createRegistryDataSource(database.serviceUrls.registry);
  await db.initialize();
  server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked" });
  as.admin = await subgraphHeaders(security, { role: Role.ADMIN });
  as.zanjanProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
  as.zanjanCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
  as.urmiaProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "04" });
  as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
  as.evaluator = await subgraphHeaders(security, { role: Role.EVALUATOR });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

const CREATE = `mutation($input: AgencyCreateInput!) { createAgency(input: $input) { id name kind provinceId countyId province { name } county { name } } }`;
const agencyCount = async () => Number((await db.query("SELECT count(*) FROM agency"))[0].count);
const auditOf = (entityId: string) =>
  withClient(
    database.adminUrl,
    async (client) =>
      (
        await client.query(
          `SELECT action, outcome, province_id, county_id, before, after FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`,
          [entityId],
        )
      ).rows,
  );
const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();

const created: Record<string, string> = {};

describe("agency lifecycle and validation", () => {
  it("creates a governorate, a county governorate and a directorate-general, deriving the province from the county", async () => {
    const governorate = await gql("admin", CREATE, {
      input: { name: "استانداری زنجان", kind: "GOVERNORATE", provinceId: "19" },
    });
    expect(governorate.errors).toBeUndefined();
    expect(governorate.data!.createAgency).toMatchObject({
      kind: "GOVERNORATE",
      provinceId: "19",
      countyId: null,
      province: { name: "زنجان" },
      county: null,
    });
    created.governorate = governorate.data!.createAgency.id;

    const county = await gql("zanjanProvince", CREATE, {
      input: { name: "فرمانداری ابهر", kind: "COUNTY_GOVERNORATE", countyId: "1902" },
    });
    expect(county.data!.createAgency).toMatchObject({ provinceId: "19", countyId: "1902", county: { name: "ابهر" } });
    created.abhar = county.data!.createAgency.id;

    const welfare = await gql("zanjanProvince", CREATE, {
      input: { name: "اداره کل بهزیستی استان زنجان", kind: "DIRECTORATE_GENERAL", provinceId: "19" },
    });
    expect(welfare.errors).toBeUndefined();
    created.welfare = welfare.data!.createAgency.id;

    const audit = await auditOf(created.abhar);
    expect(audit).toEqual([
      expect.objectContaining({
        action: "createAgency",
        outcome: "SUCCESS",
        province_id: "19",
        county_id: "1902",
        before: null,
      }),
    ]);
    expect(audit[0].after).toMatchObject({ name: "فرمانداری ابهر", kind: "COUNTY_GOVERNORATE" });
    expect(audit[0].after).not.toHaveProperty("nameNormalized");
  });

  it("refuses a second governorate of a province and a second county governorate of a county, changing nothing", async () => {
    const before = await agencyCount();
    const governorate = await gql("admin", CREATE, {
      input: { name: "استانداری دوم زنجان", kind: "GOVERNORATE", provinceId: "19" },
    });
    expect(governorate.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(governorate.errors?.[0].message).toContain("استانداری");
    const county = await gql("admin", CREATE, {
      input: { name: "فرمانداری شهرستان ابهر", kind: "COUNTY_GOVERNORATE", countyId: "1902" },
    });
    expect(county.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await agencyCount()).toBe(before);
  });

  it("refuses the same normalised name in the same territory (Arabic letters, no ZWNJ)", async () => {
    const result = await gql("admin", CREATE, {
      input: { name: "اداره كل بهزيستي  استان زنجان", kind: "OTHER", provinceId: "19" },
    });
    expect(result.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(result.errors?.[0].message).toContain("همین نام");
  });

  it("reports every invalid field at once: kind and level, unknown county, short name, province not matching the county", async () => {
    const before = await agencyCount();
    const noCounty = await gql("admin", CREATE, { input: { name: "ش", kind: "MUNICIPALITY", provinceId: "19" } });
    expect(noCounty.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(noCounty.errors![0].extensions!.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "countyId",
      "name",
    ]);
    const provincialWithCounty = await gql("admin", CREATE, {
      input: { name: "اداره کل ورزش و جوانان", kind: "DIRECTORATE_GENERAL", countyId: "1901" },
    });
    expect(provincialWithCounty.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: "countyId" }),
    ]);
    const unknown = await gql("admin", CREATE, {
      input: { name: "شهرداری ناکجا", kind: "MUNICIPALITY", countyId: "9999" },
    });
    expect(unknown.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "countyId" })]);
    const mismatch = await gql("admin", CREATE, {
      input: { name: "شهرداری ابهر", kind: "MUNICIPALITY", provinceId: "04", countyId: "1902" },
    });
    expect(mismatch.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "provinceId" })]);
    const nothing = await gql("admin", CREATE, { input: { name: "دستگاه بی‌جا", kind: "OTHER" } });
    expect(nothing.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "provinceId" })]);
    expect(await agencyCount()).toBe(before);
  });

  it("updates (omitted fields kept) and deletes, returning the record as it was", async () => {
    const temp = (
      await gql("admin", CREATE, { input: { name: "شورای اسلامی شهر ابهر", kind: "CITY_COUNCIL", countyId: "1902" } })
    ).data!.createAgency;
    const renamed = await gql(
      "admin",
      `mutation($id: ID!) { updateAgency(id: $id, input: { name: "شورای اسلامی شهر ابهر (دوره ششم)" }) { name kind countyId } }`,
      { id: temp.id },
    );
    expect(renamed.data!.updateAgency).toEqual({
      name: "شورای اسلامی شهر ابهر (دوره ششم)",
      kind: "CITY_COUNCIL",
      countyId: "1902",
    });
    const provincialCouncil = await gql(
      "admin",
      `mutation($id: ID!) { updateAgency(id: $id, input: { countyId: null }) { id } }`,
      { id: temp.id },
    );
    expect(provincialCouncil.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "countyId" })]);
    const deleted = await gql("admin", `mutation($id: ID!) { deleteAgency(id: $id) { id name } }`, { id: temp.id });
    expect(deleted.data!.deleteAgency).toEqual({ id: temp.id, name: "شورای اسلامی شهر ابهر (دوره ششم)" });
    expect((await gql("admin", `query($id: ID!) { agency(id: $id) { id } }`, { id: temp.id })).data!.agency).toBeNull();
    const again = await gql("admin", `mutation($id: ID!) { deleteAgency(id: $id) { id } }`, { id: temp.id });
    expect(again.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await auditOf(temp.id)).map((e: { action: string }) => e.action)).toEqual([
      "createAgency",
      "updateAgency",
      "deleteAgency",
    ]);
  });

  it("keeps an agency with managers: no delete, no change of kind or territory", async () => {
    const manager = await gql(
      "admin",
      `mutation($input: ManagerCreateInput!) { createManager(input: $input) { id position } }`,
      {
        input: {
          name: "مرتضی نادری",
          agencyId: created.abhar,
          positionKind: "COUNTY_GOVERNOR",
          tenureStart: "2024-05-01",
        },
      },
    );
    expect(manager.data!.createManager.position).toBe("فرماندار ابهر");
    const before = await agencyCount();
    const del = await gql("zanjanProvince", `mutation($id: ID!) { deleteAgency(id: $id) { id } }`, {
      id: created.abhar,
    });
    expect(del.errors?.[0].extensions?.code).toBe("CONFLICT");
    const move = await gql(
      "zanjanProvince",
      `mutation($id: ID!) { updateAgency(id: $id, input: { countyId: "1903" }) { id } }`,
      { id: created.abhar },
    );
    expect(move.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await agencyCount()).toBe(before);
    expect((await db.query("SELECT county_id FROM agency WHERE id = $1", [created.abhar]))[0].county_id).toBe("1902");
  });
});

describe("agency territory", () => {
  beforeAll(async () => {
    for (const input of [
      { name: "فرمانداری زنجان", kind: "COUNTY_GOVERNORATE", countyId: "1901" },
      { name: "شهرداری زنجان", kind: "MUNICIPALITY", countyId: "1901" },
      { name: "استانداری آذربایجان غربی", kind: "GOVERNORATE", provinceId: "04" },
      { name: "شهرداری ارومیه", kind: "MUNICIPALITY", countyId: "0401" },
    ]) {
      const result = await gql("admin", CREATE, { input });
      created[input.name] = result.data!.createAgency.id;
    }
  });

  it("lists exactly the agencies of each user's territory, with matching totals", async () => {
    const all: { id: string; province_id: string; county_id: string | null }[] = await db.query(
      "SELECT id, province_id, county_id FROM agency",
    );
    const query = `{ agencies(limit: 200) { totalCount items { id } } }`;
    const expectations: [string, (row: (typeof all)[number]) => boolean][] = [
      ["admin", () => true],
      ["analyst", () => true],
      ["zanjanProvince", (r) => r.province_id === "19"],
      ["zanjanCounty", (r) => r.county_id === "1901" || (r.county_id === null && r.province_id === "19")],
      ["urmiaProvince", (r) => r.province_id === "04"],
    ];
    for (const [who, visible] of expectations) {
      const page = (await gql(who, query)).data!.agencies;
      const expected = all
        .filter(visible)
        .map((r) => r.id)
        .sort();
      expect(ids(page)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
    }
    const county = (await gql("zanjanCounty", query)).data!.agencies;
    expect(ids(county)).toContain(created.governorate); // provincial agencies of its province
    expect(ids(county)).not.toContain(created.abhar); // another county
  });

  it("answers an agency outside the territory with null by id and NOT_FOUND on change; FORBIDDEN when readable but not writable", async () => {
    const byId = await gql(
      "zanjanCounty",
      `query($a: ID!, $b: ID!) { a: agency(id: $a) { id } b: agency(id: $b) { id } }`,
      { a: created.abhar, b: created.governorate },
    );
    expect(byId.data).toEqual({ a: null, b: { id: created.governorate } });
    const before = await agencyCount();
    const foreign = await gql(
      "urmiaProvince",
      `mutation($id: ID!) { updateAgency(id: $id, input: { name: "تغییر" }) { id } }`,
      { id: created.governorate },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const provincial = await gql(
      "zanjanCounty",
      `mutation($id: ID!) { updateAgency(id: $id, input: { name: "استانداری استان زنجان" }) { id } }`,
      { id: created.governorate },
    );
    expect(provincial.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const otherCounty = await gql("zanjanCounty", CREATE, {
      input: { name: "شهرداری خرمدره", kind: "MUNICIPALITY", countyId: "1905" },
    });
    expect(otherCounty.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const provincialCreate = await gql("zanjanCounty", CREATE, {
      input: { name: "اداره کل میراث فرهنگی استان زنجان", kind: "DIRECTORATE_GENERAL", provinceId: "19" },
    });
    expect(provincialCreate.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const moveAway = await gql(
      "zanjanCounty",
      `mutation($id: ID!) { updateAgency(id: $id, input: { countyId: "1905" }) { id } }`,
      { id: created["شهرداری زنجان"] },
    );
    expect(moveAway.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await agencyCount()).toBe(before);
    expect((await db.query("SELECT name FROM agency WHERE id = $1", [created.governorate]))[0].name).toBe(
      "استانداری زنجان",
    );
    const own = await gql("zanjanCounty", CREATE, {
      input: { name: "اداره بهزیستی شهرستان زنجان", kind: "COUNTY_DEPARTMENT", countyId: "1901" },
    });
    expect(own.data!.createAgency).toMatchObject({ provinceId: "19", countyId: "1901" });
  });

  it("lets analysts and evaluators read but not write", async () => {
    for (const who of ["analyst", "evaluator"]) {
      const result = await gql(who, CREATE, {
        input: { name: "شهرداری ماه‌نشان", kind: "MUNICIPALITY", countyId: "1908" },
      });
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(
      (await gql("analyst", `{ agencies(filter: { kind: GOVERNORATE }) { totalCount } }`)).data!.agencies.totalCount,
    ).toBe(2);
  });

  it("filters by kind, county, level and a Persian-variant search, and sorts", async () => {
    const result = await gql(
      "admin",
      `{
      municipalities: agencies(filter: { kind: MUNICIPALITY }, sort: { field: "name", order: ASC }) { items { name } }
      provincial: agencies(filter: { provincial: true, provinceId: "19" }) { items { kind } }
      search: agencies(filter: { q: "شهرداري اروميه" }) { items { id } }
    }`,
    );
    expect(result.data!.municipalities.items.map((a: { name: string }) => a.name)).toEqual([
      "شهرداری ارومیه",
      "شهرداری زنجان",
    ]);
    expect(result.data!.provincial.items.map((a: { kind: string }) => a.kind).sort()).toEqual([
      "DIRECTORATE_GENERAL",
      "GOVERNORATE",
    ]);
    expect(result.data!.search.items).toEqual([{ id: created["شهرداری ارومیه"] }]);
    const badSort = await gql("admin", `{ agencies(sort: { field: "secret" }) { totalCount } }`);
    expect(badSort.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Agency as a federation entity", () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agency { id name countyId managers { name } } } }`;

  it("resolves references in one batched statement, scoped by the caller's territory", async () => {
    const representations = [
      { __typename: "Agency", id: created["شهرداری زنجان"] },
      { __typename: "Agency", id: created.abhar },
      { __typename: "Agency", id: "not-a-uuid" },
      { __typename: "Agency", id: created.governorate },
      { __typename: "Agency", id: created["شهرداری ارومیه"] },
    ];
    const queries: string[] = [];
    const spy = jest.spyOn(db.logger, "logQuery").mockImplementation((query: string) => void queries.push(query));
    const county = await gql("zanjanCounty", ENTITIES, { r: representations });
    spy.mockRestore();
    expect(county.errors).toBeUndefined();
    expect(county.data!._entities).toEqual([
      { id: created["شهرداری زنجان"], name: "شهرداری زنجان", countyId: "1901", managers: [] },
      null,
      null,
      { id: created.governorate, name: "استانداری زنجان", countyId: null, managers: [] },
      null,
    ]);
    expect(queries.filter((q) => /FROM "registry"\."agency"/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /FROM "registry"\."manager"/.test(q))).toHaveLength(1);

    const province = await gql("zanjanProvince", ENTITIES, { r: representations });
    expect(province.data!._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([
      created["شهرداری زنجان"],
      created.abhar,
      null,
      created.governorate,
      null,
    ]);
    expect(province.data!._entities[1].managers).toEqual([{ name: "مرتضی نادری" }]);
    const admin = await gql("admin", ENTITIES, { r: representations });
    expect(admin.data!._entities.filter(Boolean)).toHaveLength(4);
  });
});
