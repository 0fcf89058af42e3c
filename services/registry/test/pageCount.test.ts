import { totalFromPage } from "@hamafza/common";
import { withStatementCount } from "@hamafza/common/testing";
import { RegistryHarness, startHarness } from "./profileHelpers";

/**
 * `paginate` (services/common/src/list.ts) runs a list's COUNT only when the request selects `totalCount`, and not
 * at all when the page itself proves the total (issue 13: every page, and every page of the gateway's export loop,
 * paid a COUNT). Counted on the registry's `counties` (reference data, hundreds of rows).
 */
let h: RegistryHarness;
let counties: number;
beforeAll(async () => {
  h = await startHarness("pagecount");
  counties = await h.count("county");
});
afterAll(async () => {
  await h?.stop();
});

const COUNT_SQL = /\bCOUNT\(/i;
const page = (offset: number, selection: string) =>
  withStatementCount(() =>
    h.admin(`{ counties(offset: ${offset}, limit: 5, sort: { field: "id" }) { ${selection} } }`),
  );
const counts = (statements: readonly string[]) => statements.filter((sql) => COUNT_SQL.test(sql)).length;

describe("paginate's COUNT", () => {
  it("has enough rows to page", () => {
    expect(counties).toBeGreaterThan(20);
  });

  it("is not run when totalCount is not selected", async () => {
    const { result, statements } = await page(5, "items { id }");
    expect(result.errors).toBeUndefined();
    expect(result.data!.counties.items).toHaveLength(5);
    expect(counts(statements)).toBe(0);
  });

  it("is run once when totalCount is selected (even twice under aliases) and gives the total", async () => {
    const { result, statements } = await page(5, "a: totalCount b: totalCount items { id }");
    expect(result.errors).toBeUndefined();
    expect(result.data!.counties).toMatchObject({ a: counties, b: counties });
    expect(counts(statements)).toBe(1);
  });

  it("is not run on the last, shorter page: the page shows the total", async () => {
    const { result, statements } = await page(counties - 2, "totalCount items { id }");
    expect(result.data!.counties.items).toHaveLength(2);
    expect(result.data!.counties.totalCount).toBe(counties);
    expect(counts(statements)).toBe(0);
  });

  it("is run for a page past the end (an empty page proves nothing) and on a full last page", async () => {
    const past = await page(counties + 10, "totalCount items { id }");
    expect(past.result.data!.counties).toEqual({ totalCount: counties, items: [] });
    expect(counts(past.statements)).toBe(1);
    const fullLast = await page(counties - 5, "totalCount items { id }");
    expect(fullLast.result.data!.counties.items).toHaveLength(5);
    expect(fullLast.result.data!.counties.totalCount).toBe(counties);
    expect(counts(fullLast.statements)).toBe(1);
  });

  it("costs one statement fewer per page without totalCount", async () => {
    const withTotal = await page(10, "totalCount items { id }");
    const without = await page(10, "items { id }");
    expect(without.count).toBe(withTotal.count - 1);
  });
});

describe("totalFromPage", () => {
  it.each([
    [3, 0, 5, 3],
    [0, 0, 5, 0],
    [2, 10, 5, 12],
    [5, 10, 5, undefined],
    [0, 10, 5, undefined],
  ])("rows %i at offset %i, limit %i → %p", (rows, offset, limit, total) => {
    expect(totalFromPage(rows, offset, limit)).toBe(total);
  });
});
