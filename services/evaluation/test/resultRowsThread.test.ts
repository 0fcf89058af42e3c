import { canonicalResults, computeResults, DEFAULT_RUBRIC, FactsSnapshot } from "@hamafza/evaluation";
import { resultValues } from "../src/resultRows";
import { ResultRowsThread } from "../src/resultRowsThread";
import { syntheticFacts } from "../src/seed/syntheticFacts";

describe("ResultRowsThread", () => {
  const results = computeResults(JSON.parse(JSON.stringify(syntheticFacts(400))) as FactsSnapshot, DEFAULT_RUBRIC, 2);

  it.each([true, false])(
    "on a second thread (%s) or not: each result's row values and the results hash, in order",
    async (threaded) => {
      const rows = new ResultRowsThread(threaded);
      try {
        // The worker is the compiled one (`npm run build:services` before the tests, as `npm test` does).
        expect(rows.threaded).toBe(threaded);
        const taken: unknown[][] = [];
        for (const [n, result] of results.entries()) {
          rows.add(result);
          if (n % 97 === 96) {
            await rows.whenBacklogUnder(0);
            taken.push(...(await rows.take(97)));
          }
        }
        taken.push(...(await rows.take(results.length - taken.length)));
        expect(taken).toEqual(results.map(resultValues));
        expect(JSON.stringify(taken)).toBe(JSON.stringify(results.map(resultValues)));
        expect(await rows.digest()).toBe(canonicalResults(results).hash);
      } finally {
        await rows.close();
      }
    },
  );

  it("rejects when the thread fails", async () => {
    const rows = new ResultRowsThread(true);
    try {
      rows.add({ ...results[0], indicators: null } as never); // packing fails on the thread
      await expect(rows.take(1)).rejects.toThrow();
    } finally {
      await rows.close();
    }
  });
});
