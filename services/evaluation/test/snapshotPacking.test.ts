import fc from "fast-check";
import { canonicalResults, computeResults } from "../src/scoring";
import { DEFAULT_RUBRIC } from "../src/rubric";
import { internUuids, packSnapshot, restoreUuids, unpackSnapshot } from "../src/snapshotPacking";
import { syntheticFacts } from "../src/seed/syntheticFacts";

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
    expect(header).toMatchObject({ formatVersion: 3, year: facts.year, asOf: facts.asOf });
    const back = await unpackSnapshot(packed);
    expect(JSON.stringify(back)).toBe(JSON.stringify(facts));
    expect(canonicalResults(computeResults(back, DEFAULT_RUBRIC, 1)).hash).toBe(
      canonicalResults(computeResults(facts, DEFAULT_RUBRIC, 1)).hash,
    );
    expect(packed.length).toBeLessThan(textBytes / 5);
  });
});
