import { slicesInTurns } from "../src/turns";

const collect = async <T>(slices: AsyncIterable<T[]>) => {
  const all: T[][] = [];
  for await (const slice of slices) all.push(slice);
  return all;
};

describe("slicesInTurns", () => {
  it("maps the items into consecutive slices of the size, the last shorter, drawing items only as needed", async () => {
    expect(await collect(slicesInTurns([1, 2, 3, 4, 5, 6, 7], 3, (n) => n * 10))).toEqual([
      [10, 20, 30],
      [40, 50, 60],
      [70],
    ]);
    expect(await collect(slicesInTurns([], 3, (n: number) => n))).toEqual([]);
    expect(await collect(slicesInTurns([1, 2], 2, (n) => n))).toEqual([[1, 2]]);
    let drawn = 0;
    function* counted() {
      for (let i = 0; i < 10; i++) {
        drawn++;
        yield i;
      }
    }
    const slices = slicesInTurns(counted(), 4, (n) => n);
    expect((await slices.next()).value).toEqual([0, 1, 2, 3]);
    expect(drawn).toBeLessThanOrEqual(5);
  });

  it("gives the event loop a turn within a long slice", async () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    let turns = 0;
    let seenAt: number[] = [];
    const tick = () => {
      turns++;
      if (turns < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    let item = 0;
    const [slice] = await collect(
      slicesInTurns(
        Array.from({ length: 20 }, (_, i) => i),
        20,
        (n) => {
          busy(2);
          seenAt = [...seenAt, turns];
          item++;
          return n;
        },
        5,
      ),
    );
    turns = 1000; // stop ticking
    expect(slice).toHaveLength(20);
    expect(item).toBe(20);
    // The immediates ran between the items of the one slice (40 ms of work, a turn after each 5 ms).
    expect(seenAt[19]).toBeGreaterThan(seenAt[0]);
  });
});
