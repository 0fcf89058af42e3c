import { randomBytes } from "node:crypto";
import { dropProvisionedDatabase, withClient } from "@hamafza/common";
import { testAdminUrl } from "@hamafza/common/testing";
import { seedNational } from "../src/national";

/**
 * The national data set is the same on every run: two seedings at the smallest scale agree on every row of every
 * table, except the columns listed here, which are written by column defaults or the administrator's bootstrap
 * and which no evaluation reads (docs/performance.md, "The national data set").
 */
const MAY_DIFFER: Record<string, string[]> = {
  "*": ["created_at", "updated_at"], // DEFAULT now() and the tables' updated_at triggers
  "identity.user_account": ["id", "password_hash", "password_changed_at"], // the administrator: a random password
  "identity.audit_entry": ["id", "at", "entity_id", "after"], // the administrator's creation
  "evaluation.evaluation_cycle": ["id"], // the 1404 cycle inserted by a migration (gen_random_uuid())
};

/** Per table: row count and md5 of its rows (without the columns that may differ), in a fixed order. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const columns = await client.query<{ s: string; t: string; c: string }>(
      `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2, c.ordinal_position`,
    );
    const tables = new Map<string, string[]>();
    for (const { s, t, c } of columns.rows) {
      const key = `${s}.${t}`;
      if (MAY_DIFFER["*"].includes(c) || MAY_DIFFER[key]?.includes(c)) continue;
      tables.set(key, [...(tables.get(key) ?? []), `x."${c}"`]);
    }
    const digests: Record<string, string> = {};
    for (const [key, kept] of tables) {
      const [s, t] = key.split(".");
      const { rows } = await client.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS h
           FROM (SELECT ROW(${kept.join(", ")})::text AS r FROM "${s}"."${t}" x) y`,
      );
      digests[key] = `${rows[0].n} rows, ${rows[0].h}`;
    }
    return digests;
  });
}

/** The reference day the licence expiries are set from (the generator's default is today in Tehran). */
const REFERENCE_DAY = "2026-12-07";

/** How many licences are in each state as of a day (the registry's own rule, 60 days' warning). */
const licenceStates = (url: string, day: string) =>
  withClient(
    url,
    async (client) =>
      (
        await client.query<{ state: string; n: number }>(
          `SELECT registry.licence_state(status, NULL, expires_on, $1::date, 60) AS state, count(*)::int AS n
             FROM registry.licence GROUP BY 1 ORDER BY 1`,
          [day],
        )
      ).rows,
  );

describe("the national data set is deterministic", () => {
  const names = [1, 2, 3].map((i) => `t_national${i}_${randomBytes(4).toString("hex")}`);
  const urls: string[] = [];

  afterAll(async () => {
    for (const name of names) await dropProvisionedDatabase(testAdminUrl(), name);
  });

  it("two seedings agree on every table but creation times and the administrator", async () => {
    const digests = [];
    for (const name of names.slice(0, 2)) {
      const { prepared } = await seedNational(testAdminUrl(), name, 0.001, undefined, REFERENCE_DAY);
      urls.push(prepared.adminUrl);
      digests.push(await tableDigests(prepared.adminUrl));
    }
    expect(Object.keys(digests[0]).length).toBeGreaterThan(50);
    expect(digests[0]["engagement.resolution"]).not.toMatch(/^0 rows/);
    expect(digests[1]).toEqual(digests[0]);
  }, 180_000);

  it("the licence states as of the reference day are the same mix on whatever day the set is seeded", async () => {
    const states = await licenceStates(urls[0], REFERENCE_DAY);
    expect(states.map((row) => row.state)).toEqual(["ACTIVE", "EXPIRED"]);
    expect(states[0].n).toBeGreaterThan(states[1].n);
    // Seeded years later, as of that later day: the same counts (fixed expiry dates would have expired by then).
    const later = "2031-06-01";
    const { prepared } = await seedNational(testAdminUrl(), names[2], 0.001, undefined, later);
    expect(await licenceStates(prepared.adminUrl, later)).toEqual(states);
  }, 120_000);
});
