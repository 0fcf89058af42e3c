import { randomBytes } from "node:crypto";
import { bearer, dropProvisionedDatabase, login, postGraphQL } from "@hamafza/common";
import { testAdminUrl } from "@hamafza/common/testing";
import { countStatements } from "@hamafza/common/testing";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareDatabase, PreparedDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * SQL statements per request must not grow with the page size: every list the dashboard uses is requested through
 * the gateway at page 10 and page 100, counting the statements of all subgraphs (they share this process's `pg`).
 */
const database = `t_stmtcount_${randomBytes(4).toString("hex")}`;
let prepared: PreparedDatabase;
let stack: InProcessStack;
let asAdmin: Record<string, string>;

beforeAll(async () => {
  prepared = await prepareDatabase(testAdminUrl(), database, { demo: true });
  stack = await startInProcessStack(prepared);
  asAdmin = bearer(await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD));
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await dropProvisionedDatabase(testAdminUrl(), database);
});

/** Each dashboard list with the cross-service fields its screen shows; `$limit` is the page size. */
const LISTS: Record<string, { query: string; bound: number }> = {
  ngos: {
    query: `query($limit: Int!) { ngos(limit: $limit) { totalCount items { id name county { name province { name } } licenceState licence { number state }
              meetings { id title chair { name scores { year total grade } } } } } }`,
    bound: 14,
  },
  meetings: {
    query: `query($limit: Int!) { meetings(limit: $limit) { totalCount items { id title meetingDate county { name } chair { name } organisingAgency { name }
              attendance { ngoId licenceStateOnMeetingDate licenceFlagged ngo { name } } resolutions { id text status ownerAgency { name } } } } }`,
    bound: 16,
  },
  scoreboard: {
    query: `query($limit: Int!) { evaluationResults(filter: { year: 1404 }, limit: $limit) { totalCount items { id managerName total grade provinceRank manager { name agency { name } county { name } } } } }`,
    bound: 12,
  },
  managers: {
    query: `query($limit: Int!) { managers(limit: $limit) { totalCount items { id name position agency { name } province { name } county { name } scores { year total grade } } } }`,
    bound: 12,
  },
  agencies: {
    query: `query($limit: Int!) { agencies(limit: $limit) { totalCount items { id name kind province { name } county { name } managers { name } } } }`,
    bound: 10,
  },
  licences: {
    query: `query($limit: Int!) { licences(limit: $limit) { totalCount items { id number state daysToExpiry ngo { name county { name } } } } }`,
    bound: 10,
  },
  workingGroups: {
    query: `query($limit: Int!) { workingGroups(limit: $limit) { totalCount items { id name sessionsHeld active chairManager { name } chairAgency { name } members { id } } } }`,
    bound: 12,
  },
  projects: {
    query: `query($limit: Int!) { projects(limit: $limit) { totalCount items { id title status late partnerNgos { name } workingGroup { name } responsibleAgency { name } } } }`,
    bound: 12,
  },
  proposals: {
    query: `query($limit: Int!) { proposals(limit: $limit) { totalCount items { id topic status responseDays ngo { name } agency { name } meeting { title } } } }`,
    bound: 12,
  },
  demands: {
    query: `query($limit: Int!) { demands(limit: $limit) { totalCount items { id title status responseDays ngo { name } agency { name } meeting { title } } } }`,
    bound: 12,
  },
  resolutions: {
    query: `query($limit: Int!) { resolutions(limit: $limit) { totalCount items { id text status overdue ownerAgency { name } ownerManager { name } meeting { title } } } }`,
    bound: 12,
  },
  users: {
    query: `query($limit: Int!) { users(limit: $limit) { totalCount items { id username role province { name } county { name } } } }`,
    bound: 10,
  },
  audit: {
    query: `query($limit: Int!) { auditEntries(limit: $limit) { totalCount items { id at action outcome service actorUsername } } }`,
    bound: 8,
  },
};

async function statementsFor(
  query: string,
  limit: number,
): Promise<{ count: number; items: number; statements: readonly string[] }> {
  const counter = countStatements();
  try {
    const result = await postGraphQL(stack.gatewayUrl, query, { limit }, asAdmin);
    expect(result.errors).toBeUndefined();
    const list = Object.values(result.data!)[0] as { items: unknown[] };
    return { count: counter.count, items: list.items.length, statements: counter.statements };
  } finally {
    counter.stop();
  }
}

/** A statement's shape: its text with parameter lists collapsed, so one batch of 10 ids and one of 100 look alike. */
const shape = (sql: string) =>
  sql
    .replace(/\$\d+(\s*,\s*\$\d+)*/g, "$n")
    .replace(/\s+/g, " ")
    .trim();

function shapes(statements: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sql of statements) counts.set(shape(sql), (counts.get(shape(sql)) ?? 0) + 1);
  return counts;
}

describe("SQL statements per dashboard list request", () => {
  it.each(Object.entries(LISTS))(
    "%s: no more statements at page 100 than at page 10, and none repeated per item",
    async (_name, { query, bound }) => {
      await statementsFor(query, 10); // warm-up: sessions, first-use caches
      const small = await statementsFor(query, 10);
      const large = await statementsFor(query, 100);
      // A page shorter than its limit needs no COUNT (the total is known), so page 100 may have one statement fewer;
      // a field empty on all of the first 10 items may need one more batch at page 100 — never one per item.
      const smallShapes = shapes(small.statements);
      const grown = [...shapes(large.statements)].filter(([sql, n]) => n > Math.max(1, smallShapes.get(sql) ?? 0));
      if (grown.length)
        throw new Error(
          `statements repeated at page 100 (N+1):\n${grown.map(([sql, n]) => `${n}× ${sql}`).join("\n")}`,
        );
      expect(small.count).toBeGreaterThan(0);
      expect(small.count).toBeLessThanOrEqual(bound);
      expect(large.count).toBeLessThanOrEqual(bound);
    },
  );

  it("S1 (the dashboard's NGO page filtered by licence state): the state from the NGO's row, no licence read", async () => {
    // Issue 13: the licence state is filtered and answered from the current licence's columns on the NGO's row
    // (registry migration NgoCurrentLicence), not from a subquery on `licence` per NGO plus a current-licence batch.
    const s1 = `query($limit: Int!) { ngos(limit: $limit, filter: { provinceId: "19", licenceState: ACTIVE }) { totalCount items { id name status county { name } licenceState meetingsAttended { totalCount } } } }`;
    await statementsFor(s1, 2); // warm-up
    const { count, items, statements } = await statementsFor(s1, 2);
    expect(items).toBe(2);
    expect(statements.filter((sql) => /\blicence\b/.test(sql))).toEqual([]);
    // The page, its count (the page is full), the page's meeting counts (one grouped count, no meeting read).
    expect(count).toBe(3);
    expect(statements.filter((sql) => /row_number/.test(sql))).toEqual([]);
  });

  it("S4 (the scoreboard): a page without indicators reads neither them nor their evidence, and answers the same", async () => {
    const page = (extra: string) =>
      `query($limit: Int!) { evaluationResults(filter: { year: 1404 }, limit: $limit) { totalCount items { id managerName position total grade provinceRank ${extra} } } }`;
    const resultStatements = (statements: readonly string[]) =>
      statements.filter((sql) => /FROM "evaluation"\."evaluation_result"/.test(sql));
    const light = await statementsFor(page(""), 25);
    const full = await statementsFor(page("indicators { code score evidence { kind } }"), 25);
    expect(light.items).toBeGreaterThan(5);
    expect(resultStatements(light.statements).length).toBeGreaterThan(0);
    for (const sql of resultStatements(light.statements)) expect(sql).not.toMatch(/"indicators"|"evidence_strings"/);
    expect(resultStatements(full.statements).some((sql) => /"evidence_strings"/.test(sql))).toBe(true);
    const answer = async (extra: string) =>
      (await postGraphQL(stack.gatewayUrl, page(extra), { limit: 25 }, asAdmin)).data!.evaluationResults as {
        items: Record<string, unknown>[];
      };
    const withIndicators = await answer("indicators { code score evidence { kind } }");
    expect(
      withIndicators.items.some((item) =>
        (item.indicators as { evidence: unknown[] }[]).some((i) => i.evidence.length > 0),
      ),
    ).toBe(true);
    expect((await answer("")).items).toEqual(withIndicators.items.map(({ indicators: _indicators, ...rest }) => rest));
  });

  it("a sort on a column that cannot be null states no nulls placement (a plain index serves it); a nullable one does", async () => {
    const page = (field: string, order: string) =>
      `query($limit: Int!) { meetings(limit: $limit, sort: { field: "${field}", order: ${order} }) { totalCount items { id scheduledAt heldAt countyId } } }`;
    const orderOf = (statements: readonly string[]) =>
      statements
        .filter((sql) => /FROM "engagement"\."meeting" "meeting"/.test(sql) && /ORDER BY/.test(sql))
        .map((sql) => /ORDER BY (.*?)(?: LIMIT| OFFSET|$)/s.exec(sql)![1].trim());
    const cases: [string, string, string][] = [
      ["scheduledAt", "DESC", `"meeting"."scheduled_at" DESC, "meeting"."id" ASC`],
      ["scheduledAt", "ASC", `"meeting"."scheduled_at" ASC, "meeting"."id" ASC`],
      ["heldAt", "DESC", `"meeting"."held_at" DESC NULLS LAST, "meeting"."id" ASC`],
      ["heldAt", "ASC", `"meeting"."held_at" ASC NULLS FIRST, "meeting"."id" ASC`],
      ["countyId", "ASC", `"meeting"."county_id" ASC NULLS FIRST, "meeting"."id" ASC`],
    ];
    for (const [field, order, expected] of cases) {
      const { statements } = await statementsFor(page(field, order), 100);
      expect({ field, order, sql: orderOf(statements) }).toEqual({ field, order, sql: [expected] });
    }
    // Empty values still come first when ascending and last when descending.
    const held = async (order: string) =>
      (
        (await postGraphQL(stack.gatewayUrl, page("heldAt", order), { limit: 200 }, asAdmin)).data!.meetings as {
          items: { heldAt: string | null }[];
        }
      ).items.map((m) => m.heldAt);
    const ascending = await held("ASC");
    const descending = await held("DESC");
    expect(ascending[0]).toBeNull();
    expect(descending[0]).not.toBeNull();
    expect(descending.at(-1)).toBeNull();
  });

  it("S3 (a county's meetings with the attendees' names and licence flags): the attendees' NGOs read by id and name alone", async () => {
    // Issue 13, eighth round: the gateway asks the registry for `... on Ngo { name }` of every attendance row; the
    // registry then reads two columns of the NGOs (ngoNameById), not the whole row of each.
    const s3 = `query($limit: Int!) { meetings(limit: $limit, filter: { withNgos: true }) { totalCount items { title meetingDate
                  attendance { ngo { name } licenceStateOnMeetingDate licenceFlagged } resolutions { text status deadline } } } }`;
    await statementsFor(s3, 10); // warm-up
    const counter = countStatements();
    try {
      const result = await postGraphQL<{ meetings: { items: { attendance: { ngo: { name: string } | null }[] }[] } }>(
        stack.gatewayUrl,
        s3,
        { limit: 10 },
        asAdmin,
      );
      expect(result.errors).toBeUndefined();
      const names = result.data!.meetings.items.flatMap((meeting) => meeting.attendance.map((a) => a.ngo?.name));
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((name) => typeof name === "string" && name.length > 0)).toBe(true);
      const ngoReads = counter.statements.filter((sql) => /FROM "registry"\."ngo"/.test(sql));
      expect(ngoReads).toHaveLength(1);
      expect(ngoReads[0]).not.toMatch(/national_id/);
    } finally {
      counter.stop();
    }
  });

  it("the demo data makes page 100 larger than page 10 for the lists that matter", async () => {
    for (const name of ["ngos", "meetings", "managers", "agencies", "licences"]) {
      const { items } = await statementsFor(LISTS[name].query, 100);
      expect(items).toBeGreaterThan(10);
    }
  });
});
