import { withClient } from "@hamafza/common";
import { gatewayUsers, InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Saved queries through the gateway: private to their owner, or shared with exactly the owner's territory; only the
 * owner changes or deletes; a refused write changes nothing; a saved query runs as saved.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const { signIn, call } = gatewayUsers(() => stack);
const SECOND_COUNTY_USER = "county.colleague";
const PASSWORD = "Hamafza@1404-colleague";

beforeAll(async () => {
  prepared = await prepareTestDatabase("savedq", { demo: true });
  stack = await startInProcessStack(prepared);
  await signIn(["demo.admin", "demo.province", "demo.county", "demo.analyst", "demo.evaluator"]);
  const created = await call("demo.admin", `mutation($i: UserCreateInput!) { createUser(input: $i) { id } }`, {
    i: {
      username: SECOND_COUNTY_USER,
      displayName: "همکار فرمانداری زنجان",
      role: "ANALYST",
      countyId: "1901",
      password: PASSWORD,
    },
  });
  expect(created.errors).toBeUndefined();
  await signIn(SECOND_COUNTY_USER, PASSWORD);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const FIELDS = "id name description query variables shared mine ownerUsername provinceId countyId version";

async function save(user: string, input: Record<string, unknown>) {
  const result = await call(
    user,
    `mutation($i: SavedQueryCreateInput!) { createSavedQuery(input: $i) { ${FIELDS} } }`,
    {
      i: input,
    },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createSavedQuery;
}

async function visibleIds(user: string): Promise<string[]> {
  const result = await call(user, `{ savedQueries(limit: 200) { totalCount items { id } } }`);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  expect(result.data!.savedQueries.totalCount).toBe(result.data!.savedQueries.items.length);
  return result.data!.savedQueries.items.map((q: { id: string }) => q.id);
}

const rowCount = () =>
  withClient(prepared.adminUrl, async (client) =>
    Number((await client.query("SELECT count(*) AS n FROM identity.saved_query")).rows[0].n),
  );

describe("saved queries", () => {
  let privateOne: { id: string };
  let nationalShared: { id: string };
  let countyShared: { id: string };

  beforeAll(async () => {
    privateOne = await save("demo.analyst", {
      name: "سمن‌های زنجان",
      query: '{ ngos(filter: { provinceId: "19" }) { totalCount } }',
    });
    nationalShared = await save("demo.analyst", {
      name: "شهرستان‌های بی‌نشست",
      description: "فصل به فصل",
      query: "query($q: Int!) { countiesWithoutProblemCentredMeeting(year: 1404, quarter: $q) { id name } }",
      variables: '{"q": 4}',
      shared: true,
    });
    countyShared = await save("demo.county", {
      name: "نشست‌های شهرستان",
      query: '{ county(id: "1901") { meetings { totalCount } } }',
      shared: true,
    });
  });

  it("are saved with the owner's territory and are the owner's", () => {
    expect(nationalShared).toMatchObject({
      shared: true,
      mine: true,
      ownerUsername: "demo.analyst",
      provinceId: null,
      countyId: null,
      version: 1,
    });
    expect(countyShared).toMatchObject({ shared: true, provinceId: "19", countyId: "1901" });
  });

  it("are seen by their owner, and when shared by exactly the users of the same territory", async () => {
    expect(await visibleIds("demo.analyst")).toEqual(expect.arrayContaining([privateOne.id, nationalShared.id]));
    expect(await visibleIds("demo.evaluator")).toEqual([nationalShared.id]); // national, like the analyst
    expect(await visibleIds("demo.admin")).toEqual([nationalShared.id]);
    expect(await visibleIds("demo.province")).toEqual([]); // Zanjan province: neither national nor county 1901
    expect(await visibleIds("demo.county")).toEqual([countyShared.id]);
    expect(await visibleIds(SECOND_COUNTY_USER)).toEqual([countyShared.id]);
    const one = await call("demo.evaluator", `query($id: ID!) { savedQuery(id: $id) { id mine } }`, {
      id: privateOne.id,
    });
    expect(one.data!.savedQuery).toBeNull();
    const shared = await call(SECOND_COUNTY_USER, `query($id: ID!) { savedQuery(id: $id) { id mine } }`, {
      id: countyShared.id,
    });
    expect(shared.data!.savedQuery).toEqual({ id: countyShared.id, mine: false });
    const mine = await call("demo.analyst", `{ savedQueries(filter: { mine: false }) { totalCount } }`);
    expect(mine.data!.savedQueries.totalCount).toBe(0);
  });

  it("are changed and deleted only by their owner; refusals change nothing", async () => {
    const before = await rowCount();
    const update = `mutation($id: ID!) { updateSavedQuery(id: $id, input: { name: "دزدیده" }) { id } }`;
    const remove = `mutation($id: ID!) { deleteSavedQuery(id: $id) { id } }`;
    expect((await call("demo.evaluator", update, { id: nationalShared.id })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await call("demo.evaluator", remove, { id: nationalShared.id })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await call("demo.evaluator", update, { id: privateOne.id })).errors?.[0].extensions?.code).toBe(
      "NOT_FOUND",
    );
    expect((await call("demo.province", remove, { id: countyShared.id })).errors?.[0].extensions?.code).toBe(
      "NOT_FOUND",
    );
    expect(await rowCount()).toBe(before);
    const unchanged = await call("demo.analyst", `query($id: ID!) { savedQuery(id: $id) { name version } }`, {
      id: nationalShared.id,
    });
    expect(unchanged.data!.savedQuery).toEqual({ name: "شهرستان‌های بی‌نشست", version: 1 });

    const renamed = await call(
      "demo.analyst",
      `mutation($id: ID!) { updateSavedQuery(id: $id, input: { name: "بی‌نشست‌ها", shared: false }, expectedVersion: 1) { name shared version updatedBy } }`,
      { id: nationalShared.id },
    );
    expect(renamed.data!.updateSavedQuery).toEqual({
      name: "بی‌نشست‌ها",
      shared: false,
      version: 2,
      updatedBy: "demo.analyst",
    });
    expect(await visibleIds("demo.evaluator")).toEqual([]);
    const stale = await call(
      "demo.analyst",
      `mutation($id: ID!) { updateSavedQuery(id: $id, input: { shared: true }, expectedVersion: 1) { id } }`,
      { id: nationalShared.id },
    );
    expect(stale.errors?.[0].extensions?.code).toBe("CONFLICT");
    const deleted = await call("demo.county", remove, { id: countyShared.id });
    expect(deleted.data!.deleteSavedQuery).toEqual({ id: countyShared.id });
    expect(await visibleIds(SECOND_COUNTY_USER)).toEqual([]);
    expect(await rowCount()).toBe(before - 1);
  });

  it("refuses mutations, unreadable text, bad variables and a second query of the same name, saving nothing", async () => {
    const before = await rowCount();
    const attempt = (input: Record<string, unknown>) =>
      call("demo.analyst", `mutation($i: SavedQueryCreateInput!) { createSavedQuery(input: $i) { id } }`, { i: input });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "حذف", query: 'mutation { deleteNgo(id: "x") { id } }' }, "BAD_USER_INPUT", "query"],
      [{ name: "ناقص", query: "{ ngos { " }, "BAD_USER_INPUT", "query"],
      [{ name: "متغیر", query: "{ me { id } }", variables: "[1, 2]" }, "BAD_USER_INPUT", "variables"],
      [{ name: "", query: "{ me { id } }" }, "BAD_USER_INPUT", "name"],
    ];
    for (const [input, code, field] of cases) {
      const result = await attempt(input);
      expect(result.errors?.[0].extensions?.code).toBe(code);
      expect(result.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toContain(field);
      expect(result.errors?.[0].message).toMatch(/[\u0600-\u06FF]/);
    }
    // The same name in another spelling (Arabic yeh and kaf, no ZWNJ) is the same name.
    const duplicate = await attempt({ name: "سمنهاي زنجان", query: "{ me { id } }" });
    expect(duplicate.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(duplicate.errors?.[0].message).toMatch(/همین نام/);
    expect(await rowCount()).toBe(before);
  });

  it("run as saved, with their variables", async () => {
    const { data } = await call("demo.analyst", `query($id: ID!) { savedQuery(id: $id) { query variables } }`, {
      id: nationalShared.id,
    });
    const result = await call("demo.analyst", data!.savedQuery.query, JSON.parse(data!.savedQuery.variables));
    expect(result.errors).toBeUndefined();
    expect(Array.isArray(result.data!.countiesWithoutProblemCentredMeeting)).toBe(true);
  });
});
