import { appendFileSync, readFileSync } from "node:fs";

/**
 * A preload (`node --require …/memoryLog.js`) for measuring a service's memory over time: with `HAMAFZA_MEMORY_LOG` set
 * to a file, it appends a line every 200 ms — the time (ms since the epoch), then resident size, heap used, heap total,
 * external and array-buffer memory, and the resident size's anonymous and file-backed parts (Linux's
 * `/proc/self/status`: `RssAnon`, `RssFile`; `-` elsewhere) in MiB — and `gap <ms>` when the event loop could not take
 * its turn for more than 600 ms (a long synchronous stretch). What is resident but neither in V8's heap nor external
 * is then told apart: the program's own mapped code (file) from memory allocated outside V8 (anonymous: brotli's,
 * the thread pool's, the allocator's). `MEASURE_MEMORY_LOG=<folder>` starts every service the bench, hotPath or
 * `measureRun` (with `MEASURE_PROCESSES=1`, which also prints each phase's start on the same clock) launches with it,
 * one file per service (`deployedEnv`).
 */
const file = process.env.HAMAFZA_MEMORY_LOG;
if (file) {
  const mib = (bytes: number) => Math.round(bytes / 1048576);
  const ANON = /^RssAnon:\s+(\d+) kB/m;
  const MAPPED = /^RssFile:\s+(\d+) kB/m;
  /** `RssAnon` and `RssFile` of /proc/self/status in MiB, or `-` where there is no such file. */
  const residentParts = (): string => {
    try {
      const status = readFileSync("/proc/self/status", "latin1");
      const mibOf = (field: RegExp) => Math.round(Number(field.exec(status)?.[1] ?? NaN) / 1024);
      return `${mibOf(ANON)} ${mibOf(MAPPED)}`;
    } catch {
      return "- -";
    }
  };
  let last = Date.now();
  setInterval(() => {
    const now = Date.now();
    const m = process.memoryUsage();
    const gap = now - last > 600 ? ` gap ${now - last}` : "";
    appendFileSync(
      file,
      `${now} ${mib(m.rss)} ${mib(m.heapUsed)} ${mib(m.heapTotal)} ${mib(m.external)} ${mib(m.arrayBuffers)} ${residentParts()}${gap}\n`,
    );
    last = now;
  }, 200).unref();
}
