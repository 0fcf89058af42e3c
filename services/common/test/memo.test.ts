import { memoized } from "@hamafza/common";

describe("memoized", () => {
  it("computes once per key, by value for strings and by identity for objects", () => {
    const calls: unknown[] = [];
    const length = memoized((text: string) => (calls.push(text), text.length));
    expect([length("ab"), length("abc"), length("ab")]).toEqual([2, 3, 2]);
    expect(calls).toEqual(["ab", "abc"]);

    const a = { n: 1 };
    const twin = { n: 1 };
    const copy = memoized((o: { n: number }) => ({ ...o }));
    expect(copy(a)).toBe(copy(a));
    expect(copy(twin)).not.toBe(copy(a));
  });

  it("does not remember undefined", () => {
    let calls = 0;
    const nothing = memoized(() => (calls++, undefined));
    nothing("x");
    nothing("x");
    expect(calls).toBe(2);
  });
});
