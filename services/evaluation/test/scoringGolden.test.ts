import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalResults, computeResults, DEFAULT_RUBRIC, FactsSnapshot, FactsSnapshotV2 } from "@hamafza/evaluation";
import { resultValues } from "../src/resultRows";
import { syntheticFacts } from "../src/seed/syntheticFacts";

/**
 * The bytes of the scoring and of the stored rows, pinned: the hashes below were recorded with the scoring as it was
 * before issue 13's seventh round made it cheaper (precomputed licence states and tenure filters), so any change
 * of the results' text, of the results hash or of the INSERT's values shows here. A guard, not a specification:
 * the rules themselves are in scoring.test.ts.
 */

const STATES = ["ACTIVE", "EXPIRING", "EXPIRED", "SUSPENDED", "REVOKED", "ACTIVE", "NONE"];

/** Synthetic facts with what the plain generator lacks: tenures that end, several NGOs a meeting, every licence state. */
function variedFacts(count: number): FactsSnapshotV2 {
  const snapshot = JSON.parse(JSON.stringify(syntheticFacts(count))) as FactsSnapshotV2;
  snapshot.managers.forEach((m, i) => {
    if (i % 13 === 0) m.tenureEnd = "2025-11-30";
    if (i % 17 === 0) m.tenureEnd = "2025-03-01"; // no tenure in the year
    if (i % 19 === 0) m.tenureStart = "2025-07-01";
  });
  let n = 0;
  for (const own of snapshot.facts)
    for (const m of own.meetings) {
      const extra = [0, 1, 2].map(
        (k) => `30000000-0000-4000-8000-${((n * 3 + k) % 500).toString(16).padStart(12, "0")}`,
      );
      m.ngoIds = [...m.ngoIds, ...extra, ...(n % 9 === 0 ? [extra[0]] : [])];
      for (const ngo of m.ngoIds) if (n++ % 11) snapshot.licenceStates[`${ngo}|${m.date}`] = STATES[n % STATES.length];
    }
  return snapshot;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("scoring bytes (pinned)", () => {
  const varied = variedFacts(700);
  const format1 = (
    JSON.parse(readFileSync(join(__dirname, "fixtures", "format1Run.json"), "utf8")) as { snapshot: FactsSnapshot }
  ).snapshot;

  it.each([
    [
      "varied synthetic facts, rules 2",
      () => varied,
      2,
      "09a1cc4f9c51f858f96eff87f9ea64211ebcefcb6a41384de54094011d1e5985",
    ],
    [
      "varied synthetic facts, rules 1",
      () => varied,
      1,
      "9a1276351efb2b78f59ba272871380c502ab9e1271678ee796cc5fb6fc72d7b8",
    ],
    [
      "the format 1 fixture, rules 1",
      () => format1,
      1,
      "02f4e35965c4a821f58ac8cda15407e138aa6bcfbad6339a1d4b05bbd6c44198",
    ],
  ] as const)("%s: the results hash", (_, facts, version, hash) => {
    expect(canonicalResults(computeResults(facts(), DEFAULT_RUBRIC, version)).hash).toBe(hash);
  });

  it("the stored rows' values of the varied facts", () => {
    const results = computeResults(varied, DEFAULT_RUBRIC, 2);
    // Recorded as the parameters of the multi-row INSERT that the COPY replaced: the run, cycle and year, then each
    // result's values.
    const params = [
      "00000000-0000-4000-8000-000000000001",
      "00000000-0000-4000-8000-000000000002",
      1404,
      ...results.slice(0, 2000).flatMap(resultValues),
    ];
    expect(sha(JSON.stringify(params))).toBe("b076eb7f650d40d20c42c35fe95a678d6f464fe7e0a10cc5b780ced2f9929df5");
  });
});
