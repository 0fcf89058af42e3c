import { mergeRefusal, MergeSide, orderedPair, reasonProblem } from "../src/merging/ngoMergeRules";

/** The refusal rules of merging duplicate NGOs (docs/merging.md), without a database. */
const side = (id: string, over: Partial<MergeSide> = {}): MergeSide => ({
  id,
  name: `سمن ${id}`,
  status: "ACTIVE",
  writable: true,
  mergedInto: null,
  aliases: 0,
  ...over,
});

describe("merge rules", () => {
  it("lets a plain pair in the user's territory merge", () => {
    expect(mergeRefusal(side("a"), side("b"))).toBeNull();
  });

  it("answers 'already' for the merge in effect (idempotent), even if the user could not start it now", () => {
    expect(mergeRefusal(side("a", { mergedInto: "b" }), side("b", { aliases: 1 }))).toBe("already");
  });

  it("refuses out of territory (FORBIDDEN), into an alias, a merged NGO and one others were merged into (CONFLICT)", () => {
    expect(mergeRefusal(side("a", { writable: false }), side("b"))).toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    expect(mergeRefusal(side("a"), side("b", { writable: false }))).toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    const intoAlias = mergeRefusal(side("a"), side("b", { mergedInto: "c", status: "MERGED" }));
    expect(intoAlias).toMatchObject({ extensions: { code: "CONFLICT", survivorOf: "c" } });
    expect((intoAlias as Error).message).toContain("سمن «سمن b» خود در سمن دیگری ادغام شده است");
    expect(mergeRefusal(side("a", { mergedInto: "c" }), side("b"))).toMatchObject({
      extensions: { code: "CONFLICT" },
    });
    const chain = mergeRefusal(side("a", { aliases: 2 }), side("b"));
    expect((chain as Error).message).toContain("«سمن b» را در آن ادغام کنید");
  });

  it("orders a pair as the database does (smaller id first, case-insensitive)", () => {
    const [a, b] = ["0b1e6f4e-0000-4000-8000-000000000001", "0B1E6F4E-0000-4000-8000-000000000000"];
    expect(orderedPair(a, b)).toEqual([b.toLowerCase(), a]);
    expect(orderedPair(b, a)).toEqual(orderedPair(a, b));
  });

  it("requires a reason of 3 to 1000 characters", () => {
    expect(reasonProblem("  ")).toMatch(/دلیل/);
    expect(reasonProblem("تکراری")).toBeNull();
    expect(reasonProblem("ا".repeat(1001))).toMatch(/۱۰۰۰/);
  });
});
