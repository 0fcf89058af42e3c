import { types } from "pg";
import { createServiceDataSource } from "../src";
import { parseTimestamptz } from "../src/pgTimestamps";
import { createTestDatabase } from "../src/testing";

const pgDefault = types.getTypeParser(1184, "text") as (text: string) => Date | number | null;
const same = (text: string) => {
  const ours = parseTimestamptz(text);
  const theirs = pgDefault(text);
  return ours instanceof Date && theirs instanceof Date ? ours.getTime() === theirs.getTime() : ours === theirs;
};

describe("parseTimestamptz", () => {
  it("gives the Date pg's parser gives for 20,000 UTC timestamps with 0 to 6 fractional digits", () => {
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Any instant of the years 1000–9999, to the millisecond.
      const span = Date.UTC(9999, 11, 31) - Date.UTC(1000, 0, 1);
      const iso = new Date(Date.UTC(1000, 0, 1) + Math.floor((next() / 2 ** 31) * span)).toISOString();
      const digits = next() % 7;
      const fraction = digits === 0 ? "" : `.${String(next()).padStart(10, "0").slice(0, digits)}`;
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction}+00`;
      if (!same(text)) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it("leaves every other shape to pg's parser (offsets, BC, infinity, short and long years)", () => {
    for (const text of [
      "2026-12-06 14:45:00+03:30",
      "2026-12-06 14:45:00.5-05",
      "0044-03-15 12:00:00+00 BC",
      "infinity",
      "-infinity",
      "12026-12-06 14:45:00+00",
      "0001-01-01 00:00:00+00",
      "0099-12-31 23:59:59.999999+00",
    ])
      expect([text, same(text)]).toEqual([text, true]);
  });

  it("reads what PostgreSQL sends to a service's session (timezone UTC) as the stored instants", async () => {
    const database = await createTestDatabase("pgtimestamps");
    const db = createServiceDataSource({ url: database.adminUrl, schema: "public", entities: [], migrations: [] });
    await db.initialize();
    try {
      const rows = (await db.query(
        `SELECT t AS value, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS text
           FROM unnest(ARRAY['2026-12-06 18:15:00.123456+03:30', '1404-01-01 00:00:00+00', '2025-03-20 20:31:00+00',
                             '0044-03-15 12:00:00+00 BC', 'infinity']::timestamptz[]) AS t`,
      )) as { value: Date | number; text: string | null }[];
      expect(rows[0].value).toEqual(new Date("2026-12-06T14:45:00.123Z"));
      expect(rows[1].value).toEqual(new Date("1404-01-01T00:00:00Z"));
      expect(rows[2].value).toEqual(new Date("2025-03-20T20:31:00Z"));
      expect((rows[3].value as Date).getUTCFullYear()).toBe(-43);
      expect(rows[4].value).toBe(Infinity);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
