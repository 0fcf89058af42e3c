import { batchBySize } from "../src/upstream";

describe("batchBySize (licence-state requests under the subgraphs' body limit)", () => {
  const size = (n: number) => n;

  it("keeps consecutive items together while the estimated size stays under the limit", () => {
    expect(batchBySize([4, 3, 2, 5, 1], size, 9)).toEqual([
      [4, 3, 2],
      [5, 1],
    ]);
    expect(batchBySize([4, 3, 2, 5, 1], size, 100)).toEqual([[4, 3, 2, 5, 1]]);
  });

  it("puts an item larger than the limit alone rather than dropping it, and makes no empty batches", () => {
    expect(batchBySize([2, 20, 2], size, 9)).toEqual([[2], [20], [2]]);
    expect(batchBySize([], size, 9)).toEqual([]);
  });

  it("keeps every item exactly once and in order", () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 97);
    const batches = batchBySize(items, size, 150);
    expect(batches.flat()).toEqual(items);
    for (const batch of batches) expect(batch.length === 1 || batch.reduce((a, b) => a + b, 0) <= 150).toBe(true);
  });
});
