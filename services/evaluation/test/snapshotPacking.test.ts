import { collectGarbage } from "@hamafza/common";
import fc from "fast-check";
import { canonicalResults, computeResults } from "../src/scoring";
import { DEFAULT_RUBRIC } from "../src/rubric";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";
import {
  internUuids,
  InternedJson,
  PACKED_SNAPSHOT_BROTLI,
  PACKED_SNAPSHOT_ENCODING,
  TABLE_FIRST_ENCODING,
  jsonPieces,
  packSnapshot,
  packSnapshotWhenReady,
  restoreUuids,
  unpackSnapshot,
  UuidInterner,
} from "../src/snapshotPacking";
import { JsonPiecesReader, TEXT_BATCH } from "../src/jsonPiecesReader";
import { shareStrings } from "../src/shareStrings";
import { syntheticFacts } from "../src/seed/syntheticFacts";
import type { FactsSnapshotV2 } from "../src/scoringTypes";

/** Snapshot format 3: the packing of format 2 facts must give back the very JSON text (byte-equal recomputation). */
const A = "0f8fad5b-d9cb-469f-a165-70867728950e";
const B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("uuid interning", () => {
  it("keeps each id once, in order of first use, and tokenises every use", () => {
    const json = JSON.stringify({ a: A, b: [B, A], key: `${A}|2025-01-01` });
    const interned = internUuids(json);
    const [table, text] = [interned.slice(0, interned.indexOf("\n")), interned.slice(interned.indexOf("\n") + 1)];
    expect(table).toBe(A.replace(/-/g, "") + B.replace(/-/g, ""));
    expect(text).toBe('{"a":"\u00010\u0002","b":["\u00011\u0002","\u00010\u0002"],"key":"\u00010\u0002|2025-01-01"}');
    expect(restoreUuids(interned)).toBe(json);
  });

  it("leaves upper-case ids, near-ids, newlines and escaped control characters as they are", () => {
    const json = JSON.stringify({
      upper: A.toUpperCase(),
      short: A.slice(0, 35),
      text: `line\nnext \u0001 \u0002 ${B}x`,
    });
    expect(restoreUuids(internUuids(json))).toBe(json);
  });

  it("property: restoreUuids(internUuids(text)) is the text, for any JSON of strings with ids", () => {
    const piece = fc.oneof(fc.constantFrom(A, B, "|", "-", "\n", "\u0001"), fc.uuid(), fc.string());
    fc.assert(
      fc.property(fc.array(fc.array(piece).map((parts) => parts.join(""))), (values) => {
        const json = JSON.stringify(values);
        expect(restoreUuids(internUuids(json))).toBe(json);
      }),
    );
  });

  it("refuses text holding a raw U+0001 (JSON.stringify never writes one)", () => {
    expect(() => internUuids("\u0001")).toThrow();
  });
});

describe("packSnapshot / unpackSnapshot", () => {
  it("give back the same facts, scoring to the same bytes, in far fewer bytes", async () => {
    const facts = JSON.parse(JSON.stringify(syntheticFacts(400)));
    const { header, packed, textBytes } = await packSnapshot(facts);
    expect(header).toEqual({
      formatVersion: 3,
      year: facts.year,
      asOf: facts.asOf,
      encoding: PACKED_SNAPSHOT_ENCODING,
    });
    const back = await unpackSnapshot(packed, header.encoding);
    expect(JSON.stringify(back)).toBe(JSON.stringify(facts));
    expect(canonicalResults(computeResults(back, DEFAULT_RUBRIC, 1)).hash).toBe(
      canonicalResults(computeResults(facts, DEFAULT_RUBRIC, 1)).hash,
    );
    expect(packed.length).toBeLessThan(textBytes / 5);
  });
});

describe("the snapshot's JSON text in pieces (jsonPieces, UuidInterner)", () => {
  it("joins to exactly JSON.stringify's text, members JSON leaves out left out, toJSON honoured", () => {
    const value = {
      year: 1404,
      skipped: undefined,
      fn: () => 1,
      managers: [{ id: A, at: new Date(Date.UTC(2025, 0, 2)) }, undefined, null, [B, A]],
      licenceStates: { [`${A}|2025-01-01`]: "ACTIVE", "19": "x", "01": "y", none: undefined },
      day: new Date(Date.UTC(2025, 0, 1)),
      text: "خط\nدوم \u0002",
      empty: { list: [], object: {} },
    };
    expect([...jsonPieces(value)].join("")).toBe(JSON.stringify(value));
    expect([...jsonPieces([])].join("")).toBe("[]");
    expect([...jsonPieces("x")].join("")).toBe('"x"');
  });

  it("property: joins to JSON.stringify's text for any JSON value, and interns as internUuids does", () => {
    const id = fc.oneof(fc.constantFrom(A, B), fc.uuid());
    const leaf = fc.oneof(id, fc.string(), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value")),
        fc.dictionary(fc.oneof(id, fc.string()), tie("value")),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value);
        const pieces = [...jsonPieces(value)];
        expect(pieces.join("")).toBe(text);
        const interner = new UuidInterner();
        const interned = pieces.map((p) => interner.intern(p)).join("");
        expect(`${interner.table()}\n${interned}`).toBe(internUuids(text));
      }),
    );
  });

  it("packSnapshot stores exactly internUuids(JSON.stringify(facts)) (the text format 3 runs always stored): the table and the text compressed apart, the text in many chunks as one buffer", async () => {
    const facts = JSON.parse(JSON.stringify(syntheticFacts(2000)));
    const { packed, textBytes } = await packSnapshot(facts);
    const [table, text] = packedParts(packed);
    const interned = internUuids(JSON.stringify(facts));
    const newline = interned.indexOf("\n");
    expect((await promisify(brotliDecompress)(table)).toString("latin1")).toBe(interned.slice(0, newline));
    expect((await promisify(brotliDecompress)(text)).toString("utf8")).toBe(interned.slice(newline + 1));
    expect(textBytes).toBe(Buffer.byteLength(JSON.stringify(facts), "utf8"));
    expect(Buffer.byteLength(interned.slice(newline + 1), "utf8")).toBeGreaterThan(20 * TEXT_BATCH); // many chunks
    // The very bytes of one brotliCompress of the whole interned text: compressed as it was made, chunk by chunk.
    const once = await promisify(brotliCompress)(Buffer.from(interned.slice(newline + 1), "utf8"), {
      params: PACKED_SNAPSHOT_BROTLI,
    });
    expect(text.equals(once)).toBe(true);
  });

  it("reads the runs stored before the table and the text were compressed apart (TABLE_FIRST_ENCODING), and refuses unknown or cut bytes", async () => {
    const facts = JSON.parse(JSON.stringify(syntheticFacts(300)));
    const earlier = await promisify(brotliCompress)(Buffer.from(internUuids(JSON.stringify(facts)), "utf8"), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 24 },
    });
    expect(JSON.stringify(await unpackSnapshot(earlier, TABLE_FIRST_ENCODING))).toBe(JSON.stringify(facts));
    const { packed } = await packSnapshot(facts);
    await expect(unpackSnapshot(packed, "gzip")).rejects.toThrow(/unknown encoding/);
    await expect(unpackSnapshot(packed.subarray(0, 2), PACKED_SNAPSHOT_ENCODING)).rejects.toThrow(/no id table/);
    await expect(unpackSnapshot(packed.subarray(0, 40), PACKED_SNAPSHOT_ENCODING)).rejects.toThrow(/cut short/);
    await expect(unpackSnapshot(packed.subarray(0, packed.length - 100), PACKED_SNAPSHOT_ENCODING)).rejects.toThrow();
  });
});

/** The bytes of the buffers still held, after a full collection. */
function heldBuffers(): number {
  collectGarbage();
  return process.memoryUsage().arrayBuffers;
}

/** The two parts of a packed snapshot (`PACKED_SNAPSHOT_ENCODING`): the compressed table, then the compressed text. */
function packedParts(packed: Buffer): [Buffer, Buffer] {
  const tableEnd = 4 + packed.readUInt32BE(0);
  return [packed.subarray(4, tableEnd), packed.subarray(tableEnd)];
}

describe("the interned JSON written value by value (InternedJson)", () => {
  /** `InternedJson.stringify` of each value in turn against interning their JSON.stringify texts in turn. */
  const compare = (values: unknown[]) => {
    const expected = new UuidInterner();
    const interner = new UuidInterner();
    const json = new InternedJson(interner);
    let rawBytes = 0;
    let internedBytes = 0;
    for (const value of values) {
      const raw = JSON.stringify(value) as string | undefined;
      const text = json.stringify(value);
      expect(text).toBe(raw === undefined ? undefined : expected.intern(raw));
      rawBytes += raw === undefined ? 0 : Buffer.byteLength(raw, "utf8");
      internedBytes += text === undefined ? 0 : Buffer.byteLength(text, "utf8");
    }
    expect(interner.table()).toBe(expected.table()); // the same ids in the same order
    expect(json.extraBytes).toBe(rawBytes - internedBytes);
  };

  it("writes what interning JSON.stringify's text gives, the ids numbered in the same order", () => {
    const box = Object.assign(Object.create(null) as Record<string, unknown>, { [`${B}|2025-01-02`]: A });
    compare([
      { year: 1404, id: A, skipped: undefined, fn: () => 1, sym: Symbol("s"), nested: { ids: [B, A, `x${B}y`] } },
      [undefined, () => 1, null, -0, NaN, Infinity, 1e21, 0.1, true, false, "", '\u0001\n"', "\ud800"],
      { at: new Date(Date.UTC(2025, 0, 2)), [A]: { toJSON: () => `${B}!` }, boxed: [new String(A), new Number(3)] },
      box,
      { [`${A}|2025-01-01`]: "ACTIVE", "19": "x", "01": "y", [B]: [[[[A]]]] },
      Object.assign([A, , B], { extra: A }), // eslint-disable-line no-sparse-arrays
      `${A}${B}`,
      // Escapes whose hex digits begin an id in the text (`\u0001` + 32 characters, `\b` + 35), and one too short.
      ["\u0001" + A.slice(4), "\b" + A.slice(1), "\u0001" + B.slice(5), `${A}\u0001${B.slice(4)}`],
      A,
      undefined,
      3,
    ]);
  });

  it("numbers a key's ids before its member's, also where the member is written by its toJSON", () => {
    const [C, D, E] = [
      "a0000000-0000-4000-8000-00000000000c",
      "d0000000-0000-4000-8000-00000000000d",
      "e0000000-0000-4000-8000-00000000000e",
    ];
    compare([{ [C]: { toJSON: () => D }, [E]: { [B]: A } }]);
    compare([{ [D]: [C], [E]: { toJSON: () => undefined }, [A]: new Date(0) }]);
  });

  it("refuses what JSON.stringify refuses (a cycle, a bigint); nesting deeper than its own walk still matches", () => {
    const cycle: Record<string, unknown> = { id: A };
    cycle.self = cycle;
    const json = new InternedJson(new UuidInterner());
    expect(() => json.stringify(cycle)).toThrow(TypeError);
    expect(() => json.stringify({ n: 1n })).toThrow(TypeError);
    let deep: unknown = [A];
    for (let i = 0; i < 200; i++) deep = { [B]: deep, i };
    compare([deep, [deep]]);
  });

  it("property: equals interning JSON.stringify's text for any JSON values, strings and ids recurring", () => {
    const id = fc.oneof(fc.constantFrom(A, B), fc.uuid());
    const text = fc.oneof(
      id,
      fc.string(),
      fc.tuple(fc.string(), id, fc.string()).map((parts) => parts.join("")),
    );
    const leaf = fc.oneof(text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("value")), fc.dictionary(text, tie("value"))),
    })).value;
    fc.assert(fc.property(fc.array(json, { maxLength: 5 }), compare));
  });
});

describe("packing while the licence states are still fetched (packSnapshotWhenReady)", () => {
  it("packs the members before licenceStates at once, the rest once ready: the bytes of packSnapshot", async () => {
    const full = JSON.parse(JSON.stringify(syntheticFacts(400))) as FactsSnapshotV2;
    expect(Object.keys(full.licenceStates).length).toBeGreaterThan(100);
    const licenceStates: Record<string, string> = {};
    const partial: FactsSnapshotV2 = { ...full, licenceStates };
    let fill!: () => void;
    const ready = new Promise<void>((resolve) => (fill = resolve));
    let settled = false;
    let compressing = 0;
    const packing = packSnapshotWhenReady(partial, "licenceStates", ready, () => {
      expect(settled).toBe(false);
      compressing++;
    }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false); // waits for the licence states
    expect(compressing).toBe(0);
    for (const [key, state] of Object.entries(full.licenceStates)) licenceStates[key] = state; // as a run fills them
    fill();
    const packed = await packing;
    expect(compressing).toBe(1); // told once, when only the compression remained
    const expected = await packSnapshot(full);
    expect(packed.header).toEqual(expected.header);
    expect(packed.textBytes).toBe(expected.textBytes);
    expect(packed.packed.equals(expected.packed)).toBe(true);
    expect(JSON.stringify(await unpackSnapshot(packed.packed, packed.header.encoding))).toBe(JSON.stringify(full));
  });

  it("hands the text to the compressor as it is made: at the licence states, no more than the compressor's queue is held", async () => {
    const facts = JSON.parse(JSON.stringify(syntheticFacts(12_000))) as FactsSnapshotV2;
    const baseline = heldBuffers();
    let held: number | undefined;
    // The same members in the same order, the licence states read when the packer gets to them (jsonPieces reads a
    // member before it writes its key).
    const partial = {} as FactsSnapshotV2;
    for (const [key, value] of Object.entries(facts))
      Object.defineProperty(partial, key, {
        enumerable: true,
        get: () => {
          if (key === "licenceStates") held ??= heldBuffers() - baseline;
          return value;
        },
      });
    const packed = await packSnapshotWhenReady(partial, "licenceStates", Promise.resolve());
    const { licenceStates: _, ...before } = facts;
    expect(Buffer.byteLength(internUuids(JSON.stringify(before)), "utf8")).toBeGreaterThan(12 << 20);
    // The compressor's queue (4 MiB) and the chunk being made (1 MiB): not the 12 MB made so far.
    expect(held).toBeLessThan(6 << 20);
    expect(packed.packed.equals((await packSnapshot(facts)).packed)).toBe(true);
  }, 60_000);

  it("rejects when the licence states fail, and refuses a snapshot without that member", async () => {
    const facts = JSON.parse(JSON.stringify(syntheticFacts(20))) as FactsSnapshotV2;
    // Under load the packer takes turns of the event loop before it awaits the licence states: it observes them at
    // once, so their failure meanwhile is never an unhandled rejection (which failed this test now and then).
    const down = Promise.reject(new Error("registry down"));
    await expect(packSnapshotWhenReady(facts, "licenceStates", down)).rejects.toThrow("registry down");
    await expect(packSnapshotWhenReady(facts, "noSuchMember", Promise.resolve())).rejects.toThrow(/noSuchMember/);
  });
});

/** `JsonPiecesReader` over `text` cut into chunks at `cuts` (positions, any order), with a small batch size. */
function readInChunks(text: string, cuts: number[], batchLength = 16, restore?: (text: string) => string): unknown {
  const reader = new JsonPiecesReader(restore, batchLength);
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b)) {
    reader.write(text.slice(from, cut));
    from = cut;
  }
  reader.write(text.slice(from));
  return reader.end();
}

describe("reading a JSON text in chunks (JsonPiecesReader, what unpackSnapshot parses with)", () => {
  it("gives JSON.parse's value, whatever the chunks: keys in order, __proto__ an own member, strings with quotes", () => {
    const tricky = [1, { x: [2, "]"] }, '\\"', "\\", '"', "{[,:", []];
    const keys = { 19: "x", "01": "y", "k\\": "}", '"': "]" };
    const text = `{"a":1,"b":${JSON.stringify(tricky)},"__proto__":{"p":1},"c":${JSON.stringify(keys)},"d":[],"e":{},"f":"z"}`;
    const expected = JSON.parse(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const value = readInChunks(text, [cut, cut * 2, cut + 3], cut % 5 === 0 ? 1 : 16) as Record<string, object>;
      expect(JSON.stringify(value)).toBe(text);
      expect(Object.keys(value)).toEqual(["a", "b", "__proto__", "c", "d", "e", "f"]);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value.c)).toEqual(Object.keys(expected.c));
    }
    for (const other of ["[]", "{}", "[1,[2,3],{}]", '"x"', "7", " { } ", "[[],[1]]", "null"])
      expect(readInChunks(other, [1, 2])).toEqual(JSON.parse(other));
  });

  it("property: JSON.parse's value for any JSON value, cut anywhere", () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("value")), fc.dictionary(fc.string(), tie("value"))),
    })).value;
    fc.assert(
      fc.property(json, fc.array(fc.nat()), fc.integer({ min: 1, max: 64 }), (value, cuts, batch) => {
        const text = JSON.stringify(value);
        expect(JSON.stringify(readInChunks(text, cuts, batch))).toBe(text);
      }),
    );
  });

  it("holds one piece and one batch of text at most, not the text read so far", () => {
    const text = JSON.stringify({ list: Array.from({ length: 20_000 }, (_, i) => ({ id: `${A}-${i}`, n: i })) });
    const reader = new JsonPiecesReader(undefined, 4096);
    let held = 0;
    for (let i = 0; i < text.length; i += 1000) {
      reader.write(text.slice(i, i + 1000));
      const state = reader as unknown as { text: string; child?: { length: number } };
      held = Math.max(held, state.text.length + (state.child?.length ?? 0));
    }
    expect(JSON.stringify(reader.end())).toBe(text);
    expect(text.length).toBeGreaterThan(500_000);
    expect(held).toBeLessThan(2 * 4096 + 2000);
  });

  it("refuses malformed text, as JSON.parse does", () => {
    for (const bad of [
      "{",
      '{"a":1,}',
      '{"a":[1,]}',
      '{"a":[,1]}',
      '{"a":[1}}',
      '{"a":[1]"b":2}',
      '{"a":[1]"b":[2]}',
      '{"a":[1] 2}',
      "[1] [2]",
      '{"a":1}x',
      '{"a" 1}',
      "[1,,2]",
      "[1[2]]",
      '"open',
      "]",
    ])
      expect(() => readInChunks(bad, [1, 3])).toThrow(SyntaxError);
  });

  it("unpackSnapshot restores the ids of a packed snapshot piece by piece: the facts of restoreUuids + JSON.parse", async () => {
    const facts = JSON.parse(JSON.stringify(syntheticFacts(300)));
    const { packed, header } = await packSnapshot(facts);
    const [table, tokenised] = packedParts(packed);
    const text = restoreUuids(
      `${(await promisify(brotliDecompress)(table)).toString("latin1")}\n${(await promisify(brotliDecompress)(tokenised)).toString("utf8")}`,
    );
    expect(JSON.stringify(await unpackSnapshot(packed, header.encoding))).toBe(text);
  });
});

describe("shareStrings (what unpackSnapshot applies to each batch it parses)", () => {
  it("leaves the value as it was, and registers each string of 11 characters or more once (keys left alone)", () => {
    const value = JSON.parse(
      JSON.stringify({
        [A]: [A, B, "short", 5, null, { m: [A, { deep: B }], t: "عنوان جلسه مشترک" }],
        s: "عنوان جلسه مشترک",
      }),
    );
    const text = JSON.stringify(value);
    const seen = new Map<string, string>();
    expect(shareStrings(value, seen)).toBe(value);
    expect(JSON.stringify(value)).toBe(text);
    expect([...seen.keys()].sort()).toEqual([A, B, "عنوان جلسه مشترک"].sort());
    shareStrings(JSON.parse(JSON.stringify([B, "another long string"])), seen);
    expect(seen.size).toBe(4);
  });
});
