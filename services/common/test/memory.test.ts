import { constants, PerformanceObserver } from "node:perf_hooks";
import { collectGarbage, collectGarbageSoon, collectOnHeapGrowth } from "@hamafza/common";

/** The next turn of the event loop (a WeakRef's target is kept alive until the turn that made it ends). */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("collectGarbage", () => {
  it("collects what nothing holds any more, now", async () => {
    let job: { rows: number[] } | null = { rows: Array.from({ length: 1000 }, (_, i) => i) };
    const watched = new WeakRef(job);
    job = null;
    await nextTurn();
    collectGarbage();
    expect(watched.deref()).toBeUndefined();
  });

  it("can be called again (the collector is found once)", async () => {
    collectGarbage();
    let job: object | null = { big: "x".repeat(10_000) };
    const watched = new WeakRef(job);
    job = null;
    await nextTurn();
    collectGarbage();
    expect(watched.deref()).toBeUndefined();
  });
});

describe("collectGarbageSoon", () => {
  it("collects on the next turn, once the job's own frames are gone", async () => {
    const watched = await (async () => {
      const job = { rows: Array.from({ length: 1000 }, (_, i) => i) };
      return new WeakRef(job);
    })();
    await nextTurn();
    collectGarbageSoon();
    await new Promise((resolve) => setImmediate(resolve));
    expect(watched.deref()).toBeUndefined();
  });
});

/** Full (major) collections made while `work` runs, as Node's performance timeline reports them. */
async function majorCollectionsDuring(work: () => void): Promise<number> {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) count++;
  });
  observer.observe({ entryTypes: ["gc"] });
  work();
  await new Promise((resolve) => setTimeout(resolve, 50)); // entries are delivered asynchronously
  observer.disconnect();
  return count;
}

describe("collectOnHeapGrowth", () => {
  it("collects once the heap has grown by the margin since it last looked", async () => {
    const collect = collectOnHeapGrowth(8);
    const held = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `row ${i}` })); // ≈ 20 MB alive
    expect(await majorCollectionsDuring(collect)).toBeGreaterThanOrEqual(1);
    // Right after its collection the heap has not grown again: no second one.
    expect(await majorCollectionsDuring(collect)).toBe(0);
    expect(held.length).toBe(300_000);
  });

  it("does not collect while the heap stays within the margin", async () => {
    const collect = collectOnHeapGrowth(1024);
    const held = Array.from({ length: 300_000 }, (_, i) => ({ i, text: `row ${i}` }));
    expect(await majorCollectionsDuring(collect)).toBe(0);
    expect(held.length).toBe(300_000);
  });
});
