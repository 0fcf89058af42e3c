import { countStatements, withStatementCount } from "@hamafza/common/testing";
import { gatewayUsers, InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * The navigable graph (Province.counties/ngos/agencies/managers/meetings/resolutions, County.ngos/agencies/managers/
 * meetings/resolutions, Agency.resolutions, Ngo.meetingsAttended): N+1-free — 10 parents and all parents (78
 * counties, 40 NGOs …) cost the same number of SQL statements — paged like the root lists, and limited to the
 * caller's territory exactly as the root lists are (same items, same totals).
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const { signIn, call, gql } = gatewayUsers(() => stack);
const USERS = ["demo.admin", "demo.province", "demo.county", "demo.analyst"];

beforeAll(async () => {
  prepared = await prepareTestDatabase("graph", { demo: true });
  stack = await startInProcessStack(prepared);
  await signIn(USERS);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

async function statements(query: string, limit: number): Promise<{ count: number; parents: number }> {
  const counter = countStatements();
  try {
    const data = await gql("demo.admin", query, { limit });
    const list = Object.values(data)[0] as { items: unknown[] };
    return { count: counter.count, parents: list.items.length };
  } finally {
    counter.stop();
  }
}

const NESTED: Record<string, string> = {
  "County.ngos/agencies/managers/meetings/resolutions": `query($limit: Int!) { counties(limit: $limit) { items { id
      ngos(limit: 3) { totalCount items { id name } }
      agencies(limit: 2) { totalCount items { id name } }
      managers(limit: 2, filter: { current: true }) { totalCount items { id name } }
      meetings(limit: 2) { totalCount items { id title } }
      resolutions(limit: 2, filter: { overdue: true }) { totalCount items { id text } } } } }`,
  "Province.counties/ngos/agencies/managers/meetings/resolutions": `query($limit: Int!) { provinces(limit: $limit) { items { id
      counties { id name }
      ngos(limit: 2) { totalCount items { id } }
      agencies(limit: 2) { totalCount items { id } }
      managers(limit: 2) { totalCount items { id } }
      meetings(limit: 2, filter: { jalaliYear: 1404 }) { totalCount items { id } }
      resolutions(limit: 2) { totalCount items { id } } } } }`,
  "Agency.resolutions": `query($limit: Int!) { agencies(limit: $limit) { items { id resolutions(limit: 2) { totalCount items { id } } } } }`,
  "Ngo.meetingsAttended": `query($limit: Int!) { ngos(limit: $limit) { items { id meetingsAttended(limit: 2) { totalCount items { id title } } } } }`,
};

describe("relationship fields are N+1-free", () => {
  it.each(Object.entries(NESTED))("%s: 10 parents and 100 cost the same statements", async (_name, query) => {
    await statements(query, 10); // warm-up
    const small = await statements(query, 10);
    const large = await statements(query, 100);
    expect(small.parents).toBe(10);
    expect(large.parents).toBeGreaterThan(25);
    // The root page of 100 may be shorter than its limit and then needs no COUNT: one statement fewer at most.
    expect(large.count).toBeLessThanOrEqual(small.count);
    expect(large.count).toBeGreaterThanOrEqual(small.count - 1);
    expect(small.count).toBeLessThanOrEqual(12);
  });
});

describe("relationship fields are the root lists narrowed to the parent", () => {
  it.each(USERS)("%s: County.ngos/meetings/managers/agencies equal the root lists filtered by county", async (user) => {
    const nested = await gql(
      user,
      `{ counties(limit: 100, filter: { provinceId: "19" }) { items { id
          ngos(limit: 200) { totalCount items { id } } meetings(limit: 200) { totalCount items { id } }
          managers(limit: 200) { totalCount items { id } } agencies(limit: 200) { totalCount items { id } } } } }`,
    );
    for (const county of nested.counties.items) {
      const root = await gql(
        user,
        `query($c: ID!) { ngos(filter: { countyId: $c }, limit: 200) { totalCount items { id } }
           meetings(filter: { countyId: $c }, limit: 200) { totalCount items { id } }
           managers(filter: { countyId: $c }, limit: 200) { totalCount items { id } }
           agencies(filter: { countyId: $c }, limit: 200) { totalCount items { id } } }`,
        { c: county.id },
      );
      for (const list of ["ngos", "meetings", "managers", "agencies"]) {
        expect({ county: county.id, list, page: county[list] }).toEqual({ county: county.id, list, page: root[list] });
      }
    }
  });

  it("a county officer sees nothing of another county or province through the graph", async () => {
    const data = await gql(
      "demo.county",
      `{ county(id: "1902") { ngos { totalCount } meetings { totalCount } managers { totalCount } resolutions { totalCount } }
         province(id: "10") { ngos { totalCount } meetings { totalCount } agencies { totalCount } counties { id } } }`,
    );
    expect(data.county).toEqual({
      ngos: { totalCount: 0 },
      meetings: { totalCount: 0 },
      managers: { totalCount: 0 },
      resolutions: { totalCount: 0 },
    });
    expect(data.province.ngos.totalCount).toBe(0);
    expect(data.province.meetings.totalCount).toBe(0);
    expect(data.province.agencies.totalCount).toBe(0);
    // Counties are reference data, readable by everyone (as the root `counties` list).
    expect(data.province.counties.length).toBeGreaterThan(10);
    const own = await gql("demo.county", `{ county(id: "1901") { ngos { totalCount } meetings { totalCount } } }`);
    expect(own.county.ngos.totalCount).toBeGreaterThan(0);
    expect(own.county.meetings.totalCount).toBeGreaterThan(0);
  });

  it("Agency.resolutions and Ngo.meetingsAttended equal the root lists filtered by owner / NGO", async () => {
    const data = await gql(
      "demo.province",
      `{ agencies(limit: 200) { items { id resolutions(limit: 200) { totalCount items { id } } } }
         ngos(limit: 200) { items { id meetingsAttended(limit: 200) { totalCount items { id } } } } }`,
    );
    let seen = 0;
    for (const agency of data.agencies.items.slice(0, 15)) {
      const root = await gql(
        "demo.province",
        `query($a: ID!) { resolutions(filter: { ownerAgencyId: $a }, limit: 200) { totalCount items { id } } }`,
        { a: agency.id },
      );
      expect(agency.resolutions).toEqual(root.resolutions);
      seen += root.resolutions.totalCount;
    }
    for (const ngo of data.ngos.items.slice(0, 15)) {
      const root = await gql(
        "demo.province",
        `query($n: ID!) { meetings(filter: { ngoId: $n }, limit: 200) { totalCount items { id } } }`,
        { n: ngo.id },
      );
      expect(ngo.meetingsAttended).toEqual(root.meetings);
      seen += root.meetings.totalCount;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("pages: offset, limit and sort per parent; past the end the total is still known; bad bounds refused", async () => {
    const all = await gql("demo.admin", `{ county(id: "1901") { ngos(limit: 200) { totalCount items { id name } } } }`);
    const { totalCount, items } = all.county.ngos;
    expect(totalCount).toBeGreaterThan(3);
    const second = await gql(
      "demo.admin",
      `{ county(id: "1901") { ngos(offset: 2, limit: 2) { totalCount items { id } } } }`,
    );
    expect(second.county.ngos).toEqual({
      totalCount,
      items: items.slice(2, 4).map((n: { id: string }) => ({ id: n.id })),
    });
    const past = await gql("demo.admin", `{ county(id: "1901") { ngos(offset: 500) { totalCount items { id } } } }`);
    expect(past.county.ngos).toEqual({ totalCount, items: [] });
    const desc = await gql(
      "demo.admin",
      `{ county(id: "1901") { ngos(limit: 200, sort: { field: "name", order: DESC }) { items { id } } } }`,
    );
    const root = await gql(
      "demo.admin",
      `{ ngos(filter: { countyId: "1901" }, limit: 200, sort: { field: "name", order: DESC }) { items { id } } }`,
    );
    expect(desc.county.ngos.items).toEqual(root.ngos.items);
    const bad = await call("demo.admin", `{ county(id: "1901") { ngos(limit: 500) { totalCount } } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0].message).toMatch(/limit/);
  });
});

describe("a nested page asked for its totalCount alone is counted, not read", () => {
  const FIELDS = `ngos(filter: { status: ACTIVE }) PAGE agencies PAGE managers(filter: { current: true }) PAGE
      meetings(filter: { jalaliYear: 1404 }) PAGE resolutions PAGE`;
  const QUERIES = [
    `{ counties(limit: 100) { items { id ${FIELDS} } } }`,
    `{ provinces(limit: 40) { items { id ${FIELDS} } } }`,
    `{ agencies(limit: 100) { items { id resolutions(filter: { overdue: true }) PAGE } } }`,
    `{ ngos(limit: 100) { items { id meetingsAttended PAGE } } }`,
  ];

  it.each(USERS)("%s: every nested list's total equals its full page's, from grouped counts", async (user) => {
    for (const query of QUERIES) {
      const full = await gql(user, query.replaceAll("PAGE", "{ totalCount items { id } }"));
      const counted = await withStatementCount(() => gql(user, query.replaceAll("PAGE", "{ totalCount __typename }")));
      const totalsOf = (data: Record<string, { items: Record<string, unknown>[] }>) =>
        Object.values(data)[0].items.map((parent) =>
          Object.fromEntries(
            Object.entries(parent).map(([field, value]) =>
              field === "id" ? [field, value] : [field, (value as { totalCount: number }).totalCount],
            ),
          ),
        );
      expect(totalsOf(counted.result)).toEqual(totalsOf(full));
      // The children are counted per parent and none is read: no row numbering, no page join.
      const children = counted.statements.filter((text) => /GROUP BY|row_number/i.test(text));
      expect(children.length).toBeGreaterThan(0);
      for (const text of children) expect(text).not.toMatch(/row_number|child_page_row/);
    }
    const anyTotal = await gql(user, `{ ngos(limit: 100) { items { meetingsAttended { totalCount } } } }`);
    if (user !== "demo.county") {
      const totals = anyTotal.ngos.items.map(
        (n: { meetingsAttended: { totalCount: number } }) => n.meetingsAttended.totalCount,
      );
      expect(Math.max(...totals)).toBeGreaterThan(0);
    }
  });

  it("bad page bounds are still refused when only the total is asked", async () => {
    const bad = await call("demo.admin", `{ county(id: "1901") { meetings(limit: 0) { totalCount } } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("territory-wide analytics take a province", () => {
  const WITHOUT = `query($y: Int!, $q: Int!, $p: ID, $c: [ID!]) {
    countiesWithoutProblemCentredMeeting(year: $y, quarter: $q, provinceId: $p, countyIds: $c) { id } }`;
  const ids = (data: any) => data.countiesWithoutProblemCentredMeeting.map((c: { id: string }) => c.id);

  it("provinceId answers as the list of the province's counties did, for every quarter of 1404", async () => {
    const counties = await gql("demo.admin", `{ province(id: "19") { counties { id } } }`);
    const all = counties.province.counties.map((c: { id: string }) => c.id);
    let found = 0;
    for (const q of [1, 2, 3, 4]) {
      const byProvince = ids(await gql("demo.admin", WITHOUT, { y: 1404, q, p: "19" }));
      const byList = ids(await gql("demo.admin", WITHOUT, { y: 1404, q, c: all }));
      expect(byProvince).toEqual(byList);
      // The province officer's default is their province.
      expect(ids(await gql("demo.province", WITHOUT, { y: 1404, q }))).toEqual(byProvince);
      found += byProvince.length;
      expect(byProvince.length).toBeLessThan(all.length + 1);
    }
    expect(found).toBeGreaterThan(0);
  });

  it("defaults to the caller's territory: a county officer's county, every county for national users", async () => {
    const county = ids(await gql("demo.county", WITHOUT, { y: 1404, q: 4 }));
    expect(county.every((id: string) => id === "1901")).toBe(true);
    const national = ids(await gql("demo.analyst", WITHOUT, { y: 1404, q: 4 }));
    const everyCounty = (await gql("demo.admin", `{ counties(limit: 200) { items { id } } }`)).counties.items.map(
      (c: { id: string }) => c.id,
    );
    expect(national).toEqual(ids(await gql("demo.admin", WITHOUT, { y: 1404, q: 4, c: everyCounty })));
    expect(national.some((id: string) => id.startsWith("10"))).toBe(true);
  });

  it("refuses a malformed or unknown province and one outside the territory", async () => {
    const ask = (user: string, p: string) => call(user, WITHOUT, { y: 1404, q: 1, p });
    for (const bad of ["1", "19x", "99"]) {
      const result = await ask("demo.admin", bad);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].extensions?.fields?.[0].field).toBe("provinceId");
      expect(result.errors?.[0].message).toMatch(/استان/);
    }
    const outside = await ask("demo.province", "10");
    expect(outside.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(outside.errors?.[0].message).toMatch(/قلمرو/);
  });
});

describe("ngosWithoutEngagement takes a province or county", () => {
  const WITHOUT = `query($y: Int, $p: ID, $c: ID, $n: [ID!]) {
    ngosWithoutEngagement(year: $y, provinceId: $p, countyId: $c, ngoIds: $n) { id } }`;
  const ids = (data: any) => data.ngosWithoutEngagement.map((n: { id: string }) => n.id).sort();
  const ngoIdsOf = async (user: string, filter: Record<string, string>) =>
    (
      await gql(user, `query($f: NgoFilter) { ngos(filter: $f, limit: 200) { items { id } } }`, { f: filter })
    ).ngos.items.map((n: { id: string }) => n.id);

  it("answers for a province, a county and by default the caller's territory as for the same NGOs listed", async () => {
    for (const year of [1404, undefined]) {
      const province = ids(await gql("demo.province", WITHOUT, { y: year, p: "19" }));
      expect(province).toEqual(
        ids(await gql("demo.province", WITHOUT, { y: year, n: await ngoIdsOf("demo.province", { provinceId: "19" }) })),
      );
      expect(ids(await gql("demo.province", WITHOUT, { y: year }))).toEqual(province);
      const county = ids(await gql("demo.county", WITHOUT, { y: year }));
      expect(county).toEqual(ids(await gql("demo.county", WITHOUT, { y: year, n: await ngoIdsOf("demo.county", {}) })));
      expect(ids(await gql("demo.admin", WITHOUT, { y: year, c: "1901" }))).toEqual(
        ids(await gql("demo.admin", WITHOUT, { y: year, n: await ngoIdsOf("demo.admin", { countyId: "1901" }) })),
      );
      const national = ids(await gql("demo.analyst", WITHOUT, { y: year }));
      expect(national).toEqual(
        ids(await gql("demo.analyst", WITHOUT, { y: year, n: await ngoIdsOf("demo.analyst", {}) })),
      );
      expect(national.length).toBeGreaterThanOrEqual(province.length);
    }
    // Within 1404 some NGOs did not engage; the demo data has NGOs that never did at all.
    expect(ids(await gql("demo.analyst", WITHOUT, { y: 1404 })).length).toBeGreaterThan(0);
  });

  it("refuses a malformed county, a county outside the province or the territory", async () => {
    const ask = (user: string, variables: Record<string, unknown>) => call(user, WITHOUT, variables);
    const malformed = await ask("demo.admin", { c: "19x" });
    expect(malformed.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(malformed.errors?.[0].extensions?.fields?.[0].field).toBe("countyId");
    const elsewhere = await ask("demo.admin", { p: "19", c: "1001" });
    expect(elsewhere.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await ask("demo.province", { c: "1001" })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await ask("demo.county", { c: "1902" })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await ask("demo.province", { p: "10" })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

/** Analytics that also refuse a well-formed code of a province or county that does not exist. */
const KNOWN_TERRITORY_ANALYTICS: Record<string, string> = {
  overdueResolutions: `query($p: ID, $c: ID) { overdueResolutions(provinceId: $p, countyId: $c) { totalCount } }`,
  overdueResolutionCounts: `query($p: ID, $c: ID) { overdueResolutionCounts(provinceId: $p, countyId: $c) { overdue } }`,
  ngoCounts: `query($p: ID, $c: ID) { ngoCounts(groupBy: FIELD, filter: { provinceId: $p, countyId: $c }) { count } }`,
  trainingNeedSummary: `query($p: ID, $c: ID) { trainingNeedSummary(filter: { provinceId: $p, countyId: $c }) { ngoCount } }`,
};

describe("the analytics' province and county arguments are validated", () => {
  it.each(Object.entries(KNOWN_TERRITORY_ANALYTICS))(
    "%s: an unknown province or county → BAD_USER_INPUT with a Persian message",
    async (_name, query) => {
      for (const [variables, field] of [
        [{ p: "99" }, "provinceId"],
        [{ c: "1999" }, "countyId"],
        [{ p: "19", c: "1999" }, "countyId"],
      ] as const) {
        const answer = await call("demo.admin", query, variables);
        expect(answer.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
        expect(answer.errors?.[0].extensions?.fields?.[0].field).toBe(field);
        expect(answer.errors?.[0].message).toMatch(/[\u0600-\u06FF]/);
      }
    },
  );

  const ANALYTICS: Record<string, string> = {
    meetingStatistics: `query($p: ID, $c: ID) { meetingStatistics(fromYear: 1404, provinceId: $p, countyId: $c) { total } }`,
    resolutionCompletionRates: `query($p: ID, $c: ID) { resolutionCompletionRates(provinceId: $p, countyId: $c) { total } }`,
    socialHarmsMostDiscussed: `query($p: ID, $c: ID) { socialHarmsMostDiscussed(provinceId: $p, countyId: $c) { meetings } }`,
    responseTimes: `query($p: ID, $c: ID) { responseTimes(provinceId: $p, countyId: $c) { received } }`,
    expiringLicences: `query($p: ID, $c: ID) { expiringLicences(provinceId: $p, countyId: $c) { totalCount } }`,
    parallelWork: `query($p: ID, $c: ID) { parallelWork(provinceId: $p, countyId: $c) { ngoCount } }`,
    duplicateNgoCandidates: `query($p: ID, $c: ID) { duplicateNgoCandidates(provinceId: $p, countyId: $c) { score } }`,
    meetingMonthlyRhythm: `query($p: ID, $c: ID) { meetingMonthlyRhythm(year: 1404, provinceId: $p, countyId: $c) { total } }`,
    ...KNOWN_TERRITORY_ANALYTICS,
  };

  it.each(Object.entries(ANALYTICS))(
    "%s: malformed → BAD_USER_INPUT, outside the territory → FORBIDDEN, inside → data",
    async (_name, query) => {
      const ask = (user: string, variables: Record<string, unknown>) => call(user, query, variables);
      const malformed = await ask("demo.admin", { p: "1" });
      expect(malformed.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(malformed.errors?.[0].extensions?.fields?.[0].field).toBe("provinceId");
      expect((await ask("demo.admin", { c: "abcd" })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect((await ask("demo.province", { p: "10" })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect((await ask("demo.county", { c: "1902" })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      for (const [user, variables] of [
        ["demo.province", { p: "19" }],
        ["demo.county", { p: "19", c: "1901" }],
        ["demo.analyst", {}],
      ] as const) {
        const answer = await ask(user, variables);
        expect(answer.errors).toBeUndefined();
      }
    },
  );
});
