import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployedEnv, deployedRuntime } from "../src/bench/processes";

/**
 * The memory log the measuring scripts can start each service with (`MEASURE_MEMORY_LOG`): a real Node process with
 * the preload writes a line every 200 ms with the time and its memory, and notes when its event loop was held.
 */
const ROOT = join(__dirname, "..", "..");
const PRELOAD = join(ROOT, "infra", "dist", "bench", "memoryLog.js");
let folder: string;

beforeAll(() => (folder = mkdtempSync(join(tmpdir(), "memory-log-"))));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Without MEASURE_MEMORY_LOG, deployedEnv is the manifest's runtime settings alone (deploy.test.ts, every service).
describe("deployedEnv with MEASURE_MEMORY_LOG", () => {
  it("keeps the manifest's runtime settings and adds the preload, one file per service", () => {
    const { NODE_OPTIONS: deployed, ...allocator } = deployedRuntime(ROOT, "evaluation");
    expect(deployed).toMatch(/--max-old-space-size=\d+/);
    expect(allocator).toEqual({ MALLOC_MMAP_THRESHOLD_: "131072" });
    expect(deployedEnv(ROOT, "evaluation", { MEASURE_MEMORY_LOG: folder })).toEqual({
      ...allocator,
      NODE_OPTIONS: `${deployed} --require ${PRELOAD}`,
      HAMAFZA_MEMORY_LOG: join(folder, "evaluation.log"),
    });
  });
});

describe("memoryLog preload", () => {
  it("writes the time and the process's memory every 200 ms (the resident size's anonymous and file-backed parts too), and a held event loop as a gap", () => {
    const file = join(folder, "probe.log");
    // 1.1 s idle, then 0.9 s of a held event loop, then a little more idle time.
    const script = `setTimeout(() => { const end = Date.now() + 900; while (Date.now() < end); setTimeout(() => {}, 500); }, 1100);`;
    execFileSync(process.execPath, ["--require", PRELOAD, "-e", script], {
      env: { ...process.env, HAMAFZA_MEMORY_LOG: file },
    });
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      const [time, rss, heapUsed, heapTotal, external, arrayBuffers, anon, mapped] = line.split(" ").map(Number);
      expect(Math.abs(time - Date.now())).toBeLessThan(60_000);
      expect(rss).toBeGreaterThan(heapUsed);
      expect(heapTotal).toBeGreaterThanOrEqual(heapUsed);
      expect([external, arrayBuffers].every(Number.isFinite)).toBe(true);
      // Linux: the resident size is its anonymous and file-backed parts (and shared memory, none here).
      expect(anon).toBeGreaterThan(heapUsed);
      expect(mapped).toBeGreaterThan(0);
      expect(Math.abs(anon + mapped - rss)).toBeLessThanOrEqual(3);
    }
    expect(lines.some((line) => / gap \d+$/.test(line) && Number(line.split(" gap ")[1]) >= 800)).toBe(true);
  });
});
