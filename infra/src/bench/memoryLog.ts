import { appendFileSync } from "node:fs";

/**
 * A preload (`node --require …/memoryLog.js`) for measuring a service's memory over time: with `HAMAFZA_MEMORY_LOG` set
 * to a file, it appends a line every 200 ms — the time (ms since the epoch), then resident size, heap used, heap total,
 * external and array-buffer memory in MiB — and `gap <ms>` when the event loop could not take its turn for more than
 * 600 ms (a long synchronous stretch). `MEASURE_MEMORY_LOG=<folder>` starts every service the bench, hotPath or
 * `measureRun` (with `MEASURE_PROCESSES=1`, which also prints each phase's start on the same clock) launches with it,
 * one file per service (`deployedEnv`).
 */
const file = process.env.HAMAFZA_MEMORY_LOG;
if (file) {
  const mib = (bytes: number) => Math.round(bytes / 1048576);
  let last = Date.now();
  setInterval(() => {
    const now = Date.now();
    const m = process.memoryUsage();
    const gap = now - last > 600 ? ` gap ${now - last}` : "";
    appendFileSync(
      file,
      `${now} ${mib(m.rss)} ${mib(m.heapUsed)} ${mib(m.heapTotal)} ${mib(m.external)} ${mib(m.arrayBuffers)}${gap}\n`,
    );
    last = now;
  }, 200).unref();
}
