import { withStatementCount } from "@hamafza/common/testing";
import { countyTable, provinceTable } from "@hamafza/registry/dist/loaders";
import { createNgo, RegistryHarness, startHarness } from "./profileHelpers";

/**
 * Provinces and counties are held in memory (`ReferenceTableCache`, HAMAFZA_REFERENCE_CACHE_MS): a list that
 * resolves each row's county and province reads them with no SQL once the tables are loaded (issue 13).
 */
let h: RegistryHarness;
beforeAll(async () => {
  h = await startHarness("refcache");
  for (const [i, countyId] of ["1901", "1902", "1905"].entries())
    await createNgo(h, { name: `سمن مرجع ${i}`, countyId });
});
afterAll(async () => {
  delete process.env.HAMAFZA_REFERENCE_CACHE_MS;
  await h?.stop();
});

const LIST = `{ ngos(limit: 50) { items { id county { id name province { id name } } province { name } } } }`;
const PLACE_SQL = /FROM "(registry"\.")?(county|province)"/;
const placeStatements = (statements: readonly string[]) => statements.filter((sql) => PLACE_SQL.test(sql));

describe("reference data cache", () => {
  beforeEach(() => {
    provinceTable.invalidate(h.db);
    countyTable.invalidate(h.db);
  });

  it("reads provinces and counties once, then answers from memory: fewer statements per request", async () => {
    const first = await withStatementCount(() => h.admin(LIST));
    expect(first.result.errors).toBeUndefined();
    const items = first.result.data!.ngos.items as { county: { id: string; name: string; province: { id: string } } }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((ngo) => ngo.county.name && ngo.county.province.id === ngo.county.id.slice(0, 2))).toBe(true);
    expect(placeStatements(first.statements)).toHaveLength(2); // each table once, whole
    const second = await withStatementCount(() => h.admin(LIST));
    expect(second.result.data).toEqual(first.result.data);
    expect(placeStatements(second.statements)).toHaveLength(0);
    expect(second.count).toBe(first.count - 2);
  });

  it("reads per request when turned off (HAMAFZA_REFERENCE_CACHE_MS=0), with the same answer", async () => {
    const cached = await h.admin(LIST);
    process.env.HAMAFZA_REFERENCE_CACHE_MS = "0";
    try {
      for (let i = 0; i < 2; i++) {
        const uncached = await withStatementCount(() => h.admin(LIST));
        expect(uncached.result.data).toEqual(cached.data);
        expect(placeStatements(uncached.statements)).toHaveLength(2);
      }
    } finally {
      delete process.env.HAMAFZA_REFERENCE_CACHE_MS;
    }
  });

  it("reloads a table after its copy expires, and sees a change made meanwhile", async () => {
    process.env.HAMAFZA_REFERENCE_CACHE_MS = "300";
    try {
      const county = `{ county(id: "1901") { name } }`;
      const before = (await h.admin(county)).data!.county.name as string;
      await h.superQuery(`UPDATE registry.county SET name = name || ' (آزمون)' WHERE id = '1901'`);
      expect((await h.admin(county)).data!.county.name).toBe(before); // still the copy in memory
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await h.admin(county)).data!.county.name).toBe(`${before} (آزمون)`);
      await h.superQuery(`UPDATE registry.county SET name = $1 WHERE id = '1901'`, [before]);
    } finally {
      delete process.env.HAMAFZA_REFERENCE_CACHE_MS;
    }
  });
});
