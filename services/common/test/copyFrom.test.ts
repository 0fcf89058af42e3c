import { copyField, copyFrom, copyLine, createServiceDataSource } from "@hamafza/common";
import { createTestDatabase } from "@hamafza/common/testing";
import fc from "fast-check";
import { DataSource } from "typeorm";

/**
 * `copyFrom` against a real PostgreSQL: rows written as COPY text come back as the values they were made from (text
 * with every character COPY treats specially, numbers, integer arrays, JSON, nulls), a failing producer leaves the
 * transaction with nothing written and the connection usable, and it refuses to run outside a transaction.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: DataSource;

const COPY_SQL = "COPY copy_probe (id, name, tags, total, doc, note, flag) FROM STDIN";

async function* chunksOf(lines: string[], perChunk = 2): AsyncGenerator<string> {
  for (let i = 0; i < lines.length; i += perChunk) yield lines.slice(i, i + perChunk).join("");
}

beforeAll(async () => {
  database = await createTestDatabase("copyfrom");
  db = createServiceDataSource({
    url: database.serviceUrls.registry,
    schema: "registry",
    entities: [],
    migrations: [],
    poolSize: 2,
  });
  await db.initialize();
  await db.query(
    `CREATE TABLE copy_probe (id int PRIMARY KEY, name text NOT NULL, tags int[], total numeric(6, 2), doc json, note text, flag boolean)`,
  );
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

beforeEach(() => db.query(`TRUNCATE copy_probe`));

const rowsBack = async () =>
  (await db.query(
    `SELECT id, name, tags, total::text AS total, doc::text AS doc, note, flag FROM copy_probe ORDER BY id`,
  )) as {
    id: number;
    name: string;
    tags: number[] | null;
    total: string | null;
    doc: string | null;
    note: string | null;
    flag: boolean | null;
  }[];

describe("copyField", () => {
  it("writes null, text, numbers, booleans and integer arrays as COPY's text format does", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField("سمن")).toBe("سمن");
    expect(copyField(87.25)).toBe("87.25");
    expect(copyField(true)).toBe("t");
    expect(copyField([1, 2, 3])).toBe("{1,2,3}");
    expect(copyField([])).toBe("{}");
    expect(copyLine(["a", null, 1])).toBe("a\t\\N\t1\n");
  });

  it("refuses what it cannot write faithfully", () => {
    expect(() => copyField(Number.NaN)).toThrow(TypeError);
    expect(() => copyField(["a"])).toThrow(TypeError);
    expect(() => copyField({})).toThrow(TypeError);
  });
});

describe("copyFrom", () => {
  it("writes the rows in one transaction; each comes back as the values it was made from", async () => {
    const nasty = ["\\N", "\\.", "a\tb", "line\nbreak", "cr\r", "back\\slash", "", "نام «سمن» ۱۴۰۴", " x "];
    const rows = nasty.map((name, i) => [
      i + 1,
      name,
      i % 2 ? [i, i + 1] : null,
      i % 3 ? i + 0.25 : null,
      JSON.stringify({ name, n: i }),
      i % 2 ? null : name,
      i % 2 === 0,
    ]);
    const copied = await db.transaction((em) => copyFrom(em, COPY_SQL, chunksOf(rows.map(copyLine))));
    expect(copied).toBe(rows.length);
    expect(await rowsBack()).toEqual(
      rows.map(([id, name, tags, total, doc, note, flag]) => ({
        id,
        name,
        tags,
        total: total === null ? null : (total as number).toFixed(2),
        doc,
        note,
        flag,
      })),
    );
  });

  it("gives back any text (but NUL, which PostgreSQL's text cannot hold) as it was written", async () => {
    // Characters COPY treats specially (and what follows a backslash in its escapes) often, any other character too.
    const special = fc.constantFrom("\\", "\t", "\n", "\r", "N", ".", "t", "n", "0", "x", "س", "۱", "\u200c");
    const unit = fc.oneof(special, fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }));
    const text = fc.string({ unit, maxLength: 40 }).filter((s) => !s.includes("\u0000"));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (names) => {
        await db.query(`TRUNCATE copy_probe`);
        const lines = names.map((name, i) => copyLine([i, name, null, null, null, name, null]));
        await db.transaction((em) => copyFrom(em, COPY_SQL, chunksOf(lines, 3)));
        const back = await rowsBack();
        expect(back.map((r) => r.name)).toEqual(names);
        expect(back.map((r) => r.note)).toEqual(names);
      }),
      { numRuns: 40 },
    );
  });

  it("writes nothing when the producer fails midway, and the connection goes on working", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield copyLine([1, "first", null, null, null, null, null]);
      yield copyLine([2, "second", null, null, null, null, null]);
      throw new Error("scoring failed");
    }
    await expect(db.transaction((em) => copyFrom(em, COPY_SQL, failing()))).rejects.toThrow("scoring failed");
    expect(await rowsBack()).toEqual([]);
    // Both pooled connections still answer, in a transaction too.
    await Promise.all([db.query("SELECT 1"), db.query("SELECT 1")]);
    await db.transaction((em) =>
      copyFrom(em, COPY_SQL, chunksOf([copyLine([3, "after", null, null, null, null, null])])),
    );
    expect((await rowsBack()).map((r) => r.name)).toEqual(["after"]);
  });

  it("fails the transaction when PostgreSQL refuses a row (nothing written)", async () => {
    const lines = [
      copyLine([1, "ok", null, null, null, null, null]),
      copyLine([1, "same id", null, null, null, null, null]),
    ];
    await expect(db.transaction((em) => copyFrom(em, COPY_SQL, chunksOf(lines, 1)))).rejects.toThrow(/duplicate key/);
    expect(await rowsBack()).toEqual([]);
  });

  it("refuses to run outside a transaction", async () => {
    await expect(copyFrom(db.manager, COPY_SQL, chunksOf([]))).rejects.toThrow(/not inside a transaction/);
  });
});
