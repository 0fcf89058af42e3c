import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Giving memory back after a large job. V8 collects its old generation only once it has grown well past what
 * survived the last full collection (up to four times that under a large heap cap), and returns pages to the system
 * only after such a collection. A process that has just finished a job of hundreds of MB and then serves small
 * requests keeps the job's garbage resident until its heap grows that far again — the evaluation after a
 * whole-country run kept ≈ 800 MB resident for ≈ 150 MB alive (docs/performance.md, issue 13, tenth round). After a
 * full collection V8 returns the freed pages within about half a second.
 */

let collect: (() => void) | undefined;

/**
 * A full garbage collection now (it pauses this thread for as long as marking what is alive takes: tens to a few
 * hundred ms). V8's `gc` when the process was started with `--expose-gc`; otherwise exposed once, as V8 installs it
 * in contexts created after the flag is set.
 */
export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") collect = exposed;
    else {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    }
  }
  collect();
}

/**
 * `collectGarbage` on the event loop's next turn, when the frames of the job that just ended (and what only they
 * held) are gone; for the end of a large job, not for every request.
 */
export function collectGarbageSoon(): void {
  setImmediate(collectGarbage);
}

/**
 * For a long job whose live data stays about level while it makes garbage that outlives V8's young generation (the
 * evaluation storing 20,000 results: ≈ 175 MB alive, and every result in flight promoted to the old generation as it
 * is written): call the returned function every little while (each call reads the heap's size, a few microseconds);
 * it collects whenever the heap has grown by `growthMb` since the last collection it saw, so the job stays within its
 * live data plus that margin instead of V8's up-to-fourfold headroom. Each collection costs a pause of marking what is
 * alive; a larger margin means fewer of them.
 */
export function collectOnHeapGrowth(growthMb: number): () => void {
  const growth = growthMb * 1024 * 1024;
  let after = getHeapStatistics().used_heap_size;
  return () => {
    const used = getHeapStatistics().used_heap_size;
    if (used < after)
      after = used; // V8 collected by itself meanwhile
    else if (used - after > growth) {
      collectGarbage();
      after = getHeapStatistics().used_heap_size;
    }
  };
}
