import { generateServiceSecurity, postGraphQL, Role, RunningServer } from "@hamafza/common";
import { subgraphHeaders, withStatementCount } from "@hamafza/common/testing";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, loadReferenceData, startRegistry } from "@hamafza/registry";
import { isValidLegalNationalId } from "../src/validation";
import { DataSource } from "typeorm";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
let asAdmin: Record<string, string>;
const security = generateServiceSecurity();
const gql = (query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, asAdmin);

beforeAll(async () => {
  database = await prepareTestDatabase("registry", { demo: false });
  db = createRegistryDataSource(database.serviceUrls.registry);
  await db.initialize();
  server = await startRegistry({ db, port: 0, security, engagementUrl: "unchecked" });
  asAdmin = await subgraphHeaders(security, { role: Role.ADMIN });
});

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

const CREATE = `mutation($input: NgoCreateInput!) { createNgo(input: $input) { id name nationalId countyId provinceId status foundedOn phone county { name } province { name } } }`;
const valid = {
  name: "انجمن حمایت از کودکان کار زنجان",
  nationalId: "14905484270",
  countyId: "1901",
  foundedOn: "2009-07-03",
  phone: "۰۲۴ ۳۳۴۴ ۱۲۵۸",
};
const ngoCount = async () => Number((await db.query("SELECT count(*) FROM ngo"))[0].count);

describe("NGO registry", () => {
  let createdId: string;

  it("creates an NGO, deriving the province and normalising the phone", async () => {
    const result = await gql(CREATE, { input: valid });
    expect(result.errors).toBeUndefined();
    const ngo = result.data!.createNgo;
    createdId = ngo.id;
    expect(ngo).toMatchObject({
      name: valid.name,
      countyId: "1901",
      provinceId: "19",
      status: "ACTIVE",
      phone: "02433441258",
    });
    expect(ngo.county.name).toBe("زنجان");
    expect(ngo.province.name).toBe("زنجان");
  });

  it("refuses a second NGO with the same national id, and changes nothing", async () => {
    const before = await ngoCount();
    const result = await gql(CREATE, { input: { ...valid, name: "نامی دیگر" } });
    expect(result.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(result.errors?.[0].message).toContain("شناسه ملی");
    expect(await ngoCount()).toBe(before);
  });

  it("refuses the same name in the same county written with Arabic letters and no ZWNJ", async () => {
    const result = await gql(CREATE, {
      input: { ...valid, nationalId: "14506416517", name: "انجمن حمايت از كودكان  كار زنجان" },
    });
    expect(result.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(result.errors?.[0].message).toContain("همین نام");
  });

  it("reports every invalid field at once with Persian messages", async () => {
    const before = await ngoCount();
    const result = await gql(CREATE, {
      input: { name: "x", nationalId: "12345678901", countyId: "9999", phone: "123", foundedOn: "2999-01-01" },
    });
    const error = result.errors![0];
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "countyId",
      "foundedOn",
      "name",
      "nationalId",
      "phone",
    ]);
    expect(error.extensions).not.toHaveProperty("stacktrace");
    expect(await ngoCount()).toBe(before);
  });

  it("refuses a date that does not exist", async () => {
    const result = await gql(CREATE, { input: { ...valid, foundedOn: "2023-02-30" } });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("finds the NGO from an Arabic-keyboard spelling without ZWNJ", async () => {
    const result = await gql(`{ ngos(filter: { q: "كودكان كار" }) { totalCount items { id } } }`);
    expect(result.data!.ngos.items.map((n: { id: string }) => n.id)).toEqual([createdId]);
  });

  it("updates and deletes", async () => {
    const updated = await gql(
      `mutation($id: ID!) { updateNgo(id: $id, input: { status: INACTIVE, phone: null }) { status phone name } }`,
      { id: createdId },
    );
    expect(updated.data!.updateNgo).toEqual({ status: "INACTIVE", phone: null, name: valid.name });
    const deleted = await gql(`mutation($id: ID!) { deleteNgo(id: $id) { id name } }`, { id: createdId });
    expect(deleted.data!.deleteNgo).toEqual({ id: createdId, name: valid.name });
    const missing = await gql(`mutation($id: ID!) { deleteNgo(id: $id) { id } }`, { id: createdId });
    expect(missing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("list convention", () => {
  it("pages counties with a stable total and filters by ids and province", async () => {
    const first = await gql(
      `{ counties(filter: { provinceId: "19" }, limit: 3, offset: 0, sort: { field: "id", order: ASC }) { totalCount items { id } } }`,
    );
    const second = await gql(
      `{ counties(filter: { provinceId: "19" }, limit: 3, offset: 3, sort: { field: "id", order: ASC }) { totalCount items { id } } }`,
    );
    const total = Number((await db.query("SELECT count(*) FROM county WHERE province_id = '19'"))[0].count);
    expect(first.data!.counties.totalCount).toBe(total);
    expect(first.data!.counties.items.map((c: { id: string }) => c.id)).toEqual(["1901", "1902", "1903"]);
    expect(second.data!.counties.items[0].id).toBe("1904");
    const byIds = await gql(`{ counties(filter: { ids: ["1901", "2301"] }) { items { id name } } }`);
    expect(byIds.data!.counties.items.map((c: { id: string }) => c.id)).toEqual(["1901", "2301"]);
  });

  it("loads the 31 provinces and every county of the five source provinces", async () => {
    const result = await gql(
      `{ provinces(limit: 200) { totalCount } zanjan: counties(filter: { provinceId: "19" }, limit: 200) { items { name } } }`,
    );
    expect(result.data!.provinces.totalCount).toBe(31);
    expect(result.data!.zanjan.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["زنجان", "ابهر", "خرمدره", "ماه‌نشان"]),
    );
  });

  it("refuses an unknown sort field and an oversized page", async () => {
    const badSort = await gql(`{ ngos(sort: { field: "password", order: ASC }) { totalCount } }`);
    expect(badSort.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const badLimit = await gql(`{ ngos(limit: 1000) { totalCount } }`);
    expect(badLimit.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("resolves entity references in one batch", async () => {
    const result = await gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on County { id name province { id } } } }`,
      {
        r: [
          { __typename: "County", id: "1901" },
          { __typename: "County", id: "0401" },
          { __typename: "County", id: "nope" },
        ],
      },
    );
    expect(result.data!._entities).toEqual([
      { id: "1901", name: "زنجان", province: { id: "19" } },
      { id: "0401", name: "ارومیه", province: { id: "04" } },
      null,
    ]);
  });

  it("answers null for a malformed NGO id without failing the rest of the batch", async () => {
    const created = (
      await gql(CREATE, {
        input: { ...valid, nationalId: "14506416517", name: "جمعیت زنان کارآفرین ابهر", countyId: "1902" },
      })
    ).data!.createNgo;
    const one = await gql(`{ ngo(id: "not-a-uuid") { id } }`);
    expect(one).toEqual({ data: { ngo: null } });
    const entities = await gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id } } }`, {
      r: [
        { __typename: "Ngo", id: "not-a-uuid" },
        { __typename: "Ngo", id: created.id },
      ],
    });
    expect(entities).toEqual({ data: { _entities: [null, { id: created.id }] } });
  });

  it("loads reference data idempotently", async () => {
    const again = await loadReferenceData(db);
    const provinces = Number((await db.query("SELECT count(*) FROM province"))[0].count);
    expect(provinces).toBe(again.provinces);
  });
});

describe("NGO entity references asking the name only (S3's attendees)", () => {
  /** Legal national ids with a valid checksum that no other test of this file uses. */
  function legalIds(count: number): string[] {
    const ids: string[] = [];
    for (let n = 10_000_000_000 + 777_000; ids.length < count; n++)
      if (isValidLegalNationalId(String(n))) ids.push(String(n));
    return ids;
  }

  it("answers exactly what the full read answers, in and outside the territory, reading id and name only", async () => {
    const [inside, outside] = await Promise.all(
      [
        { county: "1901", name: "کانون نام‌ها در زنجان" },
        { county: "0401", name: "کانون نام‌ها در ارومیه" },
      ].map(
        async ({ county, name }, i) =>
          (await gql(CREATE, { input: { ...valid, nationalId: legalIds(2)[i], name, countyId: county } })).data!
            .createNgo.id as string,
      ),
    );
    const zanjanCounty = await subgraphHeaders(security, {
      role: Role.COUNTY_OFFICER,
      provinceId: "19",
      countyId: "1901",
    });
    const representations = [inside, outside, inside, "not-a-uuid"].map((id) => ({ __typename: "Ngo", id }));
    const ask = async (selection: string) =>
      withStatementCount(() =>
        postGraphQL(
          server.url,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { ${selection} } } }`,
          { r: representations },
          zanjanCounty,
        ),
      );
    const namesOnly = await ask("name");
    const full = await ask("name status");
    expect(namesOnly.result.errors).toBeUndefined();
    const fullNames = (full.result.data!._entities as ({ name: string } | null)[]).map((ngo) =>
      ngo ? { name: ngo.name } : null,
    );
    expect(namesOnly.result.data!._entities).toEqual(fullNames);
    expect(fullNames).toEqual([{ name: "کانون نام‌ها در زنجان" }, null, { name: "کانون نام‌ها در زنجان" }, null]);
    // The same statements (the merge lookup, the NGOs), but the NGOs' read selects two columns, not the row.
    expect(namesOnly.count).toBe(full.count);
    const ngoRead = namesOnly.statements.find((text) => /FROM "registry"\."ngo"|FROM "ngo"/.test(text));
    expect(ngoRead).toBeDefined();
    expect(ngoRead).not.toMatch(/national_id/);
    expect(full.statements.find((text) => /FROM "registry"\."ngo"|FROM "ngo"/.test(text))).toMatch(/national_id/);
  });
});
