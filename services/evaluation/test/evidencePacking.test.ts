import fc from "fast-check";
import { packEvidence, unpackEvidence } from "../src/evidencePacking";
import { DEFAULT_RUBRIC } from "../src/rubric";
import { computeResults, EvidenceItem } from "../src/scoring";
import { syntheticFacts } from "../src/seed/syntheticFacts";

/** Packed evidence: what a result stores must unpack to the very indicators that were scored. */
describe("packEvidence / unpackEvidence", () => {
  const results = computeResults(JSON.parse(JSON.stringify(syntheticFacts(300))), DEFAULT_RUBRIC, 2);

  it("give back every result's indicators as scored (values and order), in fewer bytes", () => {
    let inline = 0;
    let packed = 0;
    expect(results.some((r) => r.indicators.some((i) => i.evidence.some((e) => e.reasons.length > 0)))).toBe(true);
    for (const result of results) {
      const { indicators, strings } = packEvidence(result.indicators);
      expect(indicators.every((i) => !("evidence" in i) && typeof i.packedEvidence === "string")).toBe(true);
      const stored = JSON.parse(JSON.stringify({ indicators, strings }));
      expect(unpackEvidence(stored.indicators, stored.strings)).toEqual(result.indicators);
      inline += JSON.stringify(result.indicators).length;
      packed += JSON.stringify(indicators).length + JSON.stringify(strings).length;
    }
    expect(packed).toBeLessThan(inline * 0.7); // on the national data set: 27.5 MB → 10.7 MB with the indicators
  });

  it("keeps each distinct string once, and an indicator without evidence as an empty string", () => {
    const item = (over: Partial<EvidenceItem>): EvidenceItem => ({
      kind: "MEETING",
      id: "m1",
      label: "نشست فصلی",
      date: "2025-04-01",
      counted: true,
      reasons: [],
      ...over,
    });
    const [first] = results[0].indicators;
    const { indicators, strings } = packEvidence([
      {
        ...first,
        evidence: [item({}), item({ kind: "NGO_ATTENDANCE", id: "n1", counted: false, reasons: ["x", "y"] })],
      },
      { ...first, evidence: [item({ date: null, reasons: ["x"], counted: false })] },
      { ...first, evidence: [] },
    ]);
    expect(strings).toEqual(["MEETING", "m1", "نشست فصلی", "2025-04-01", "NGO_ATTENDANCE", "n1", "x", "y"]);
    expect(indicators.map((i) => i.packedEvidence)).toEqual(["0,1,2,3,1;4,5,2,3,0,6,7", "0,1,2,,0,6", ""]);
    expect(unpackEvidence(indicators, strings).map((i) => i.evidence)).toEqual([
      [item({}), item({ kind: "NGO_ATTENDANCE", id: "n1", counted: false, reasons: ["x", "y"] })],
      [item({ date: null, reasons: ["x"], counted: false })],
      [],
    ]);
  });

  it("reads rows stored before packing (evidence inline, no strings) as they are", () => {
    const { indicators } = results[0];
    expect(unpackEvidence(indicators, null)).toBe(indicators);
  });

  it("property: any evidence (separators, empty strings, Persian text) round-trips", () => {
    const text = fc.oneof(fc.string(), fc.constantFrom(",", ";", "", "مصوبه با مهلت ۱۴۰۴/۰۱/۰۱"));
    const evidence = fc.array(
      fc.record({
        kind: fc.constantFrom<EvidenceItem["kind"]>("MEETING", "RESOLUTION", "QUARTER", "NGO_ATTENDANCE"),
        id: text,
        label: text,
        date: fc.option(text, { nil: null }),
        counted: fc.boolean(),
        reasons: fc.array(text, { maxLength: 3 }),
      }),
      { maxLength: 60 },
    );
    const [first] = results[0].indicators;
    fc.assert(
      fc.property(fc.array(evidence, { minLength: 1, maxLength: 6 }), (lists) => {
        const scored = lists.map((list) => ({ ...first, evidence: list }));
        const { indicators, strings } = packEvidence(scored);
        expect(unpackEvidence(indicators, strings)).toEqual(scored);
      }),
    );
  });
});
