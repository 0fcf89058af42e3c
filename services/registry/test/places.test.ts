import { generateServiceSecurity, postGraphQL, Role, RunningServer, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import {
  countyGovernorateAgencyId,
  createRegistryDataSource,
  demoAreaId,
  demoDirectorateId,
  demoMunicipalityId,
  demoNgoHouseId,
  demoNgoId,
  loadRegistryDemoData,
  startRegistry,
} from "@hamafza/registry";
import { DataSource } from "typeorm";

/**
 * Informal-settlement areas, facilitation offices, NGO Houses and networks of aligned NGOs: lifecycles, validation,
 * territory of reads (lists, nested fields) and writes, masking, audit — on top of the demo data.
 */

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
const as: Record<string, Record<string, string>> = {};
const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, as[who]);
const count = async (table: string) => Number((await db.query(`SELECT count(*) FROM ${table}`))[0].count);
const auditOf = (entityId: string) =>
  withClient(
    database.adminUrl,
    async (client) =>
      (
        await client.query(
          `SELECT action, province_id, county_id, before, after FROM identity.audit_entry WHERE entity_id = $1 ORDER BY at`,
          [entityId],
        )
      ).rows,
  );
const fieldsOf = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  (result.errors?.[0].extensions?.fields ?? []).map((f: { field: string }) => f.field).sort();

/** Demo NGOs by national id (see data/demo-ngos.csv). */
const NGO = {
  zanjanChildLabour: demoNgoId("14905484270"), // 1901
  zanjanYouthNetwork: demoNgoId("14487385191"), // 1901
  zanjanUrban: demoNgoId("14953907576"), // 1901
  abharWomen: demoNgoId("14506416517"), // 1902
  abharDiabetes: demoNgoId("14804450068"), // 1902
  khorramdarrehYouth: demoNgoId("14354049740"), // 1905
  taromAddiction: demoNgoId("14971446687"), // 1907
  urmiaDisability: demoNgoId("14563873056"), // 0401
  urmiaLake: demoNgoId("14556725949"), // 0401
  khoyAddiction: demoNgoId("14365781602"), // 0409
  isfahanEnvironment: demoNgoId("14687729620"), // 1001
};

beforeAll(async () => {
  database = await prepareTestDatabase("places", { demo: false });
  db = createRegistryDataSource(database.serviceUrls.registry);
  await db.initialize();
  await loadRegistryDemoData(db);
  server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked" });
  as.admin = await subgraphHeaders(security, { role: Role.ADMIN });
  as.zanjanProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
  as.zanjanCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
  as.urmiaProvince = await subgraphHeaders(security, { role: Role.PROVINCE_OFFICER, provinceId: "04" });
  as.urmiaCounty = await subgraphHeaders(security, { role: Role.COUNTY_OFFICER, provinceId: "04", countyId: "0401" });
  as.analyst = await subgraphHeaders(security, { role: Role.ANALYST });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

describe("informal-settlement areas", () => {
  const CREATE = `mutation($input: InformalSettlementAreaCreateInput!) { createInformalSettlementArea(input: $input) { id name kind countyId provinceId estimatedPopulation notes county { name } } }`;
  let createdId: string;

  it("lets a county officer register an area of its county, deriving the province", async () => {
    const result = await gql("zanjanCounty", CREATE, {
      input: {
        name: "  کوی  ولیعصر ",
        kind: "NEIGHBOURHOOD",
        countyId: "1901",
        estimatedPopulation: 7000,
        notes: "نیازسنجی در ۱۴۰۴",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createInformalSettlementArea).toMatchObject({
      name: "کوی ولیعصر",
      kind: "NEIGHBOURHOOD",
      countyId: "1901",
      provinceId: "19",
      county: { name: "زنجان" },
    });
    createdId = result.data!.createInformalSettlementArea.id;
    expect(await auditOf(createdId)).toEqual([
      expect.objectContaining({ action: "createInformalSettlementArea", province_id: "19", county_id: "1901" }),
    ]);
  });

  it("refuses the same normalised name in the county, allows it in another county", async () => {
    const before = await count("informal_settlement_area");
    const duplicate = await gql("zanjanProvince", CREATE, {
      input: { name: "اسلام آباد", kind: "INFORMAL_SETTLEMENT", countyId: "1901" },
    });
    expect(duplicate.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await count("informal_settlement_area")).toBe(before);
    const elsewhere = await gql("zanjanProvince", CREATE, {
      input: { name: "اسلام آباد", kind: "INFORMAL_SETTLEMENT", countyId: "1902" },
    });
    expect(elsewhere.data!.createInformalSettlementArea.countyId).toBe("1902");
  });

  it("reports every invalid field at once and refuses writes outside the territory", async () => {
    const before = await count("informal_settlement_area");
    const invalid = await gql("admin", CREATE, {
      input: { name: "x", kind: "NEIGHBOURHOOD", countyId: "9999", estimatedPopulation: -5 },
    });
    expect(fieldsOf(invalid)).toEqual(["countyId", "estimatedPopulation", "name"]);
    const otherCounty = await gql("zanjanCounty", CREATE, {
      input: { name: "محله خرمدره", kind: "NEIGHBOURHOOD", countyId: "1905" },
    });
    expect(otherCounty.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const foreign = await gql("urmiaProvince", `mutation($id: ID!) { deleteInformalSettlementArea(id: $id) { id } }`, {
      id: createdId,
    });
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(await count("informal_settlement_area")).toBe(before);
  });

  it("scopes County.areas and the list to the user's territory", async () => {
    const query = `{ counties(filter: { ids: ["0401", "1901"] }) { items { id areas { name } } } informalSettlementAreas(limit: 200) { totalCount } }`;
    const admin = (await gql("admin", query)).data!;
    const urmia = admin.counties.items.find((c: { id: string }) => c.id === "0401");
    expect(urmia.areas).toHaveLength(8);
    expect(admin.informalSettlementAreas.totalCount).toBe(await count("informal_settlement_area"));
    const county = (await gql("zanjanCounty", query)).data!;
    expect(county.counties.items.find((c: { id: string }) => c.id === "0401").areas).toEqual([]);
    expect(
      county.counties.items.find((c: { id: string }) => c.id === "1901").areas.map((a: { name: string }) => a.name),
    ).toContain("کوی ولیعصر");
    const expected = Number(
      (await db.query(`SELECT count(*) FROM informal_settlement_area WHERE county_id = '1901'`))[0].count,
    );
    expect(county.informalSettlementAreas.totalCount).toBe(expected);
  });

  it("keeps areas that have offices: no delete, no move; updates and deletes others", async () => {
    const islamabad = demoAreaId("0401", "اسلام‌آباد");
    const del = await gql("urmiaCounty", `mutation($id: ID!) { deleteInformalSettlementArea(id: $id) { id } }`, {
      id: islamabad,
    });
    expect(del.errors?.[0].extensions?.code).toBe("CONFLICT");
    const move = await gql(
      "urmiaProvince",
      `mutation($id: ID!) { updateInformalSettlementArea(id: $id, input: { countyId: "0409" }) { id } }`,
      { id: islamabad },
    );
    expect(move.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(
      (await db.query(`SELECT county_id FROM informal_settlement_area WHERE id = $1`, [islamabad]))[0].county_id,
    ).toBe("0401");
    const updated = await gql(
      "zanjanCounty",
      `mutation($id: ID!) { updateInformalSettlementArea(id: $id, input: { kind: INFORMAL_SETTLEMENT, notes: null }) { name kind notes estimatedPopulation } }`,
      { id: createdId },
    );
    expect(updated.data!.updateInformalSettlementArea).toEqual({
      name: "کوی ولیعصر",
      kind: "INFORMAL_SETTLEMENT",
      notes: null,
      estimatedPopulation: 7000,
    });
    const deleted = await gql(
      "zanjanCounty",
      `mutation($id: ID!) { deleteInformalSettlementArea(id: $id) { id name } }`,
      { id: createdId },
    );
    expect(deleted.data!.deleteInformalSettlementArea).toEqual({ id: createdId, name: "کوی ولیعصر" });
  });
});

describe("facilitation offices", () => {
  const CREATE = `mutation($input: FacilitationOfficeCreateInput!) { createFacilitationOffice(input: $input) { id name countyId provinceId hasDedicatedSpace openedOn area { name } partnerAgency { name } operators { id } } }`;
  let abharArea: string;
  let officeId: string;

  beforeAll(async () => {
    const area = await gql(
      "admin",
      `mutation { createInformalSettlementArea(input: { name: "کوی امام", kind: NEIGHBOURHOOD, countyId: "1902" }) { id } }`,
    );
    abharArea = area.data!.createInformalSettlementArea.id;
  });

  it("seeds Urmia's eight offices, most without a dedicated space, filterable for analysts", async () => {
    const result = await gql(
      "analyst",
      `{
      urmia: facilitationOffices(filter: { countyId: "0401" }) { totalCount items { provinceId operators { id } partnerAgency { id } area { countyId } } }
      noSpace: facilitationOffices(filter: { countyId: "0401", hasDedicatedSpace: false }) { totalCount }
    }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.urmia.totalCount).toBe(8);
    const withoutSpace = Number(
      (
        await db.query(`SELECT count(*) FROM facilitation_office WHERE county_id = '0401' AND NOT has_dedicated_space`)
      )[0].count,
    );
    expect(withoutSpace).toBeGreaterThan(4);
    expect(result.data!.noSpace.totalCount).toBe(withoutSpace);
    for (const office of result.data!.urmia.items) {
      expect(office.provinceId).toBe("04");
      expect(office.area.countyId).toBe("0401");
      expect(office.operators.length).toBeGreaterThan(0);
      expect(office.partnerAgency).not.toBeNull();
    }
  });

  it("creates an office whose territory is its area's, with operators and a partner agency", async () => {
    const result = await gql("zanjanProvince", CREATE, {
      input: {
        name: "دفتر تسهیل‌گری کوی امام",
        areaId: abharArea,
        operatorNgoIds: [NGO.abharWomen, NGO.zanjanUrban],
        partnerAgencyId: countyGovernorateAgencyId("1902"),
        openedOn: "2025-05-10",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createFacilitationOffice).toMatchObject({
      countyId: "1902",
      provinceId: "19",
      hasDedicatedSpace: false,
      area: { name: "کوی امام" },
      partnerAgency: { name: "فرمانداری ابهر" },
    });
    expect(result.data!.createFacilitationOffice.operators.map((o: { id: string }) => o.id).sort()).toEqual(
      [NGO.abharWomen, NGO.zanjanUrban].sort(),
    );
    officeId = result.data!.createFacilitationOffice.id;
    const [audit] = await auditOf(officeId);
    expect(audit).toMatchObject({ action: "createFacilitationOffice", province_id: "19", county_id: "1902" });
    expect(audit.after.operatorNgoIds.sort()).toEqual([NGO.abharWomen, NGO.zanjanUrban].sort());
  });

  it("reports every invalid field: operators of another province, none, a partner of another county, a future day", async () => {
    const before = await count("facilitation_office");
    const invalid = await gql("admin", CREATE, {
      input: {
        name: "د",
        areaId: abharArea,
        operatorNgoIds: [NGO.urmiaLake, NGO.urmiaLake],
        partnerAgencyId: demoMunicipalityId("1901"),
        openedOn: "2999-01-01",
      },
    });
    expect(fieldsOf(invalid)).toEqual([
      "name",
      "openedOn",
      "operatorNgoIds",
      "operatorNgoIds.0",
      "operatorNgoIds.1",
      "partnerAgencyId",
    ]);
    const none = await gql("admin", CREATE, {
      input: {
        name: "دفتر بی‌سمن",
        areaId: abharArea,
        operatorNgoIds: [],
        partnerAgencyId: demoDirectorateId("19", "WELFARE"),
        openedOn: "2025-01-01",
      },
    });
    expect(fieldsOf(none)).toEqual(["operatorNgoIds"]);
    const outside = await gql("zanjanCounty", CREATE, {
      input: {
        name: "دفتر ابهر",
        areaId: abharArea,
        operatorNgoIds: [NGO.zanjanUrban],
        partnerAgencyId: demoDirectorateId("19", "WELFARE"),
        openedOn: "2025-01-01",
      },
    });
    expect(fieldsOf(outside)).toEqual(["areaId"]); // the area of another county is not visible to a county officer
    expect(await count("facilitation_office")).toBe(before);
  });

  it("records a dedicated space, and the filter follows", async () => {
    const before = (await gql("admin", `{ facilitationOffices(filter: { hasDedicatedSpace: true }) { totalCount } }`))
      .data!.facilitationOffices.totalCount;
    const updated = await gql(
      "zanjanProvince",
      `mutation($id: ID!) { updateFacilitationOffice(id: $id, input: { hasDedicatedSpace: true, notes: "مکان اختصاصی در سرای محله" }) { hasDedicatedSpace notes openedOn } }`,
      { id: officeId },
    );
    expect(updated.data!.updateFacilitationOffice).toEqual({
      hasDedicatedSpace: true,
      notes: "مکان اختصاصی در سرای محله",
      openedOn: "2025-05-10",
    });
    const after = (await gql("admin", `{ facilitationOffices(filter: { hasDedicatedSpace: true }) { totalCount } }`))
      .data!.facilitationOffices.totalCount;
    expect(after).toBe(before + 1);
  });

  it("scopes offices and their operators to the territory, both ways", async () => {
    const query = `{ facilitationOffices(limit: 200) { totalCount items { id operators { countyId } } } ngo(id: "${NGO.zanjanUrban}") { facilitationOffices { countyId } } }`;
    const county = (await gql("zanjanCounty", query)).data!;
    expect(county.facilitationOffices.items.every((o: { id: string }) => o.id !== officeId)).toBe(true); // an office of Abhar
    expect(county.facilitationOffices.totalCount).toBe(
      Number((await db.query(`SELECT count(*) FROM facilitation_office WHERE county_id = '1901'`))[0].count),
    );
    expect(county.ngo.facilitationOffices.map((o: { countyId: string }) => o.countyId)).toEqual(["1901"]);
    const province = (await gql("zanjanProvince", query)).data!;
    expect(province.ngo.facilitationOffices.map((o: { countyId: string }) => o.countyId).sort()).toEqual([
      "1901",
      "1902",
    ]);
    const office = province.facilitationOffices.items.find((o: { id: string }) => o.id === officeId);
    expect(office.operators.map((o: { countyId: string }) => o.countyId).sort()).toEqual(["1901", "1902"]);
    const foreign = await gql("urmiaProvince", `query($id: ID!) { facilitationOffice(id: $id) { id } }`, {
      id: officeId,
    });
    expect(foreign.data!.facilitationOffice).toBeNull();
    const update = await gql(
      "urmiaProvince",
      `mutation($id: ID!) { updateFacilitationOffice(id: $id, input: { hasDedicatedSpace: false }) { id } }`,
      { id: officeId },
    );
    expect(update.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("deletes an office with its operators", async () => {
    const deleted = await gql(
      "zanjanProvince",
      `mutation($id: ID!) { deleteFacilitationOffice(id: $id) { id name } }`,
      { id: officeId },
    );
    expect(deleted.data!.deleteFacilitationOffice).toEqual({ id: officeId, name: "دفتر تسهیل‌گری کوی امام" });
    expect(
      Number(
        (
          await db.query(`SELECT count(*) FROM facilitation_office_operator WHERE facilitation_office_id = $1`, [
            officeId,
          ])
        )[0].count,
      ),
    ).toBe(0);
  });
});

describe("NGO Houses", () => {
  const CREATE = `mutation($input: NgoHouseCreateInput!) { createNgoHouse(input: $input) { id name provinceId countyId managerPhone facilities openedOn memberships { ngoId joinedOn } } }`;
  const zanjanHouse = demoNgoHouseId("19");
  let countyHouse: string;

  it("shows a provincial house's members of the user's territory only, and masks the manager's phone for analysts", async () => {
    const query = `query($id: ID!) { ngoHouse(id: $id) { managerName managerPhone countyId members { id countyId } memberships { ngoId joinedOn ngo { name } } } }`;
    const province = (await gql("zanjanProvince", query, { id: zanjanHouse })).data!.ngoHouse;
    const county = (await gql("zanjanCounty", query, { id: zanjanHouse })).data!.ngoHouse;
    const analyst = (await gql("analyst", query, { id: zanjanHouse })).data!.ngoHouse;
    const stored: { ngo_id: string; county_id: string }[] = await db.query(
      `SELECT m.ngo_id, n.county_id FROM ngo_house_member m JOIN ngo n ON n.id = m.ngo_id WHERE m.ngo_house_id = $1`,
      [zanjanHouse],
    );
    expect(province.members.map((m: { id: string }) => m.id).sort()).toEqual(stored.map((s) => s.ngo_id).sort());
    expect(county.members.map((m: { id: string }) => m.id).sort()).toEqual(
      stored
        .filter((s) => s.county_id === "1901")
        .map((s) => s.ngo_id)
        .sort(),
    );
    expect(county.members.length).toBeLessThan(province.members.length);
    expect(county.memberships.every((m: { ngo: { name: string } | null }) => m.ngo !== null)).toBe(true);
    expect(province.managerPhone).toMatch(/^09\d{9}$/);
    expect(analyst.managerPhone).not.toBe(province.managerPhone);
    expect(analyst.managerPhone).toMatch(/^\d{4}\*+\d{2}$/);
    expect(analyst.managerName).toBe(province.managerName);
    expect((await gql("urmiaProvince", query, { id: zanjanHouse })).data!.ngoHouse).toBeNull();
  });

  it("creates a county house with members of that county, normalising the phone", async () => {
    const result = await gql("zanjanCounty", CREATE, {
      input: {
        name: "خانه سمن‌های شهرستان زنجان",
        countyId: "1901",
        managerName: "علی‌اکبر توکلی",
        managerPhone: "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        facilities: ["اتاق جلسات", "  ", "انبار اقلام امدادی"],
        openedOn: "2025-04-01",
        members: [{ ngoId: NGO.zanjanChildLabour, joinedOn: "2025-04-01" }, { ngoId: NGO.zanjanUrban }],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createNgoHouse).toMatchObject({
      provinceId: "19",
      countyId: "1901",
      managerPhone: "09123456789",
      facilities: ["اتاق جلسات", "انبار اقلام امدادی"],
    });
    countyHouse = result.data!.createNgoHouse.id;
    expect(result.data!.createNgoHouse.memberships).toEqual([
      { ngoId: NGO.zanjanChildLabour, joinedOn: "2025-04-01" },
      { ngoId: NGO.zanjanUrban, joinedOn: null },
    ]);
    const ngo = await gql("zanjanCounty", `query($id: ID!) { ngo(id: $id) { ngoHouses { id } } }`, {
      id: NGO.zanjanChildLabour,
    });
    expect(ngo.data!.ngo.ngoHouses.map((h: { id: string }) => h.id).sort()).toEqual([countyHouse, zanjanHouse].sort());
  });

  it("refuses a second house for a territory, members of another county or province, and a membership before the opening", async () => {
    const before = [await count("ngo_house"), await count("ngo_house_member")];
    const second = await gql("admin", CREATE, { input: { name: "خانه دوم زنجان", countyId: "1901" } });
    expect(second.errors?.[0].extensions?.code).toBe("CONFLICT");
    const provincial = await gql("admin", CREATE, { input: { name: "خانه دیگر استان زنجان", provinceId: "19" } });
    expect(provincial.errors?.[0].extensions?.code).toBe("CONFLICT");
    const invalid = await gql("admin", CREATE, {
      input: {
        name: "خانه سمن‌های خرمدره",
        countyId: "1905",
        managerPhone: "12345",
        openedOn: "2025-05-01",
        members: [
          { ngoId: NGO.khorramdarrehYouth, joinedOn: "2025-04-01" },
          { ngoId: NGO.abharWomen },
          { ngoId: NGO.urmiaLake },
        ],
      },
    });
    expect(fieldsOf(invalid)).toEqual(["managerPhone", "members.0.joinedOn", "members.1.ngoId", "members.2.ngoId"]);
    const provincialMembers = await gql("admin", CREATE, {
      input: {
        name: "خانه سمن‌های آذربایجان غربی",
        provinceId: "04",
        members: [{ ngoId: NGO.urmiaLake }, { ngoId: NGO.isfahanEnvironment }],
      },
    });
    expect(fieldsOf(provincialMembers)).toEqual(["members.1.ngoId"]);
    expect([await count("ngo_house"), await count("ngo_house_member")]).toEqual(before);
  });

  it("replaces the member list on update and records members in the audit log", async () => {
    const updated = await gql(
      "zanjanCounty",
      `mutation($id: ID!, $m: [NgoHouseMemberInput!]) { updateNgoHouse(id: $id, input: { members: $m, managerPhone: null }) { managerPhone name members { id } } }`,
      {
        id: countyHouse,
        m: [{ ngoId: NGO.zanjanYouthNetwork, joinedOn: "2025-06-01" }],
      },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateNgoHouse).toEqual({
      managerPhone: null,
      name: "خانه سمن‌های شهرستان زنجان",
      members: [{ id: NGO.zanjanYouthNetwork }],
    });
    const audit = await auditOf(countyHouse);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(["createNgoHouse", "updateNgoHouse"]);
    expect(audit[1].before.members.map((m: { ngoId: string }) => m.ngoId).sort()).toEqual(
      [NGO.zanjanChildLabour, NGO.zanjanUrban].sort(),
    );
    expect(audit[1].after.members).toEqual([{ ngoId: NGO.zanjanYouthNetwork, joinedOn: "2025-06-01" }]);
    const moveAway = await gql(
      "zanjanProvince",
      `mutation($id: ID!) { updateNgoHouse(id: $id, input: { countyId: "1902" }) { id } }`,
      { id: countyHouse },
    );
    expect(fieldsOf(moveAway)).toEqual(["members.0.ngoId"]); // its member is not an NGO of Abhar
    const forbidden = await gql(
      "zanjanCounty",
      `mutation($id: ID!) { updateNgoHouse(id: $id, input: { name: "تغییر" }) { id } }`,
      { id: zanjanHouse },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("filters houses and deletes one with its memberships", async () => {
    const filtered = await gql(
      "admin",
      `query($n: ID!) { ngoHouses(filter: { memberNgoId: $n }) { items { id } } provincial: ngoHouses(filter: { provincial: true }) { totalCount } }`,
      { n: NGO.zanjanYouthNetwork },
    );
    expect(filtered.data!.ngoHouses.items.map((h: { id: string }) => h.id).sort()).toEqual(
      [countyHouse, zanjanHouse].sort(),
    );
    expect(filtered.data!.provincial.totalCount).toBe(2);
    const deleted = await gql("zanjanCounty", `mutation($id: ID!) { deleteNgoHouse(id: $id) { id } }`, {
      id: countyHouse,
    });
    expect(deleted.data!.deleteNgoHouse).toEqual({ id: countyHouse });
    expect(
      Number((await db.query(`SELECT count(*) FROM ngo_house_member WHERE ngo_house_id = $1`, [countyHouse]))[0].count),
    ).toBe(0);
  });
});

describe("networks of aligned NGOs", () => {
  const CREATE = `mutation($input: NgoNetworkCreateInput!) { createNgoNetwork(input: $input) { id name provinceId countyId field { code name } coordinator { id } members { id } } }`;
  let youthFieldId: string;
  let networkId: string;

  beforeAll(async () => {
    youthFieldId = (await gql("admin", `{ fieldsOfActivity(filter: { codes: ["YOUTH"] }) { items { id } } }`)).data!
      .fieldsOfActivity.items[0].id;
  });

  it("creates a network whose coordinator is a member too, with its field of activity", async () => {
    const result = await gql("zanjanProvince", CREATE, {
      input: {
        name: "شبکه داوطلبان جوان زنجان و خرمدره",
        fieldId: youthFieldId,
        provinceId: "19",
        coordinatorNgoId: NGO.khorramdarrehYouth,
        memberNgoIds: [NGO.zanjanYouthNetwork],
      },
    });
    expect(result.errors).toBeUndefined();
    const network = result.data!.createNgoNetwork;
    networkId = network.id;
    expect(network).toMatchObject({
      provinceId: "19",
      countyId: null,
      field: { code: "YOUTH" },
      coordinator: { id: NGO.khorramdarrehYouth },
    });
    expect(network.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [NGO.khorramdarrehYouth, NGO.zanjanYouthNetwork].sort(),
    );
    expect(await auditOf(networkId)).toEqual([
      expect.objectContaining({ action: "createNgoNetwork", province_id: "19", county_id: null }),
    ]);
  });

  it("refuses members and coordinators outside the network's territory and an unknown field, changing nothing", async () => {
    const before = [await count("ngo_network"), await count("ngo_network_member")];
    const invalid = await gql("admin", CREATE, {
      input: {
        name: "ش",
        fieldId: "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60",
        provinceId: "19",
        coordinatorNgoId: NGO.urmiaLake,
        memberNgoIds: [NGO.taromAddiction, NGO.khoyAddiction],
      },
    });
    expect(fieldsOf(invalid)).toEqual(["coordinatorNgoId", "fieldId", "memberNgoIds.1", "name"]);
    const county = await gql("admin", CREATE, {
      input: {
        name: "شبکه جوانان شهرستان زنجان",
        fieldId: youthFieldId,
        countyId: "1901",
        coordinatorNgoId: NGO.zanjanYouthNetwork,
        memberNgoIds: [NGO.khorramdarrehYouth],
      },
    });
    expect(fieldsOf(county)).toEqual(["memberNgoIds.0"]);
    const duplicateName = await gql("admin", CREATE, {
      input: {
        name: "شبکه داوطلبان جوان زنجان و خرمدره",
        fieldId: youthFieldId,
        provinceId: "19",
        coordinatorNgoId: NGO.zanjanYouthNetwork,
      },
    });
    expect(duplicateName.errors?.[0].extensions?.code).toBe("CONFLICT");
    const otherProvince = await gql("urmiaProvince", CREATE, {
      input: { name: "شبکه جوانان", fieldId: youthFieldId, provinceId: "19", coordinatorNgoId: NGO.zanjanYouthNetwork },
    });
    expect(otherProvince.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT"); // the coordinator is not visible to an officer of province 04
    expect([await count("ngo_network"), await count("ngo_network_member")]).toEqual(before);
  });

  it("replaces members on update, keeping the coordinator, and shows networks from the NGO's side", async () => {
    const updated = await gql(
      "zanjanProvince",
      `mutation($id: ID!, $m: [ID!]) { updateNgoNetwork(id: $id, input: { memberNgoIds: $m }) { members { id } } }`,
      { id: networkId, m: [NGO.taromAddiction] },
    );
    expect(updated.data!.updateNgoNetwork.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [NGO.khorramdarrehYouth, NGO.taromAddiction].sort(),
    );
    const ngo = await gql(
      "zanjanProvince",
      `query($id: ID!) { ngo(id: $id) { networks { id } coordinatedNetworks { id } } }`,
      { id: NGO.khorramdarrehYouth },
    );
    expect(ngo.data!.ngo.coordinatedNetworks).toEqual([{ id: networkId }]);
    expect(ngo.data!.ngo.networks.map((n: { id: string }) => n.id)).toContain(networkId);
    const removed = await gql("zanjanProvince", `query($id: ID!) { ngo(id: $id) { networks { id } } }`, {
      id: NGO.zanjanYouthNetwork,
    });
    expect(removed.data!.ngo.networks.map((n: { id: string }) => n.id)).not.toContain(networkId);
  });

  it("scopes networks and their members to the user's territory", async () => {
    const query = `{ ngoNetworks(limit: 200) { totalCount items { id provinceId countyId members { countyId } } } }`;
    const all: { id: string; province_id: string; county_id: string | null }[] = await db.query(
      `SELECT id, province_id, county_id FROM ngo_network`,
    );
    const county = (await gql("zanjanCounty", query)).data!.ngoNetworks;
    const expected = all.filter((n) => n.county_id === "1901" || (n.county_id === null && n.province_id === "19"));
    expect(county.totalCount).toBe(expected.length);
    for (const network of county.items) for (const member of network.members) expect(member.countyId).toBe("1901");
    const urmia = (await gql("urmiaProvince", query)).data!.ngoNetworks;
    expect(urmia.items.every((n: { provinceId: string }) => n.provinceId === "04")).toBe(true);
    expect(urmia.totalCount).toBe(all.filter((n) => n.province_id === "04").length);
    const del = await gql("urmiaProvince", `mutation($id: ID!) { deleteNgoNetwork(id: $id) { id } }`, {
      id: networkId,
    });
    expect(del.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const own = await gql("zanjanProvince", `mutation($id: ID!) { deleteNgoNetwork(id: $id) { id name } }`, {
      id: networkId,
    });
    expect(own.data!.deleteNgoNetwork).toEqual({ id: networkId, name: "شبکه داوطلبان جوان زنجان و خرمدره" });
  });
});
