import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { integerSetting, login } from "@hamafza/common";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { domainSnapshot, formatCounts, runFuzz } from "./fuzz/run";
import { prepareDatabase } from "./prepare";
import { freePort } from "./processStack";
import { startInProcessStack } from "./stack";

/**
 * `npm run fuzz`: the hostile-input suite at full size on a throw-away embedded PostgreSQL with demo data —
 * FUZZ_RUNS (20,000) requests, half poisoned (must be refused, database unchanged) and half hostile but
 * well-formed, from a random seed it prints (FUZZ_SEED replays a run). Exits 1 on any finding.
 */
async function main() {
  const seed = integerSetting("FUZZ_SEED", Math.floor(Math.random() * 2 ** 31), { min: 0, max: 2 ** 31 });
  const runs = integerSetting("FUZZ_RUNS", 20_000, { min: 2, max: 10_000_000 });
  console.log(`[fuzz] seed ${seed} (replay with FUZZ_SEED=${seed}), ${runs} requests`);
  const baseDir = mkdtempSync(join(tmpdir(), "hamafza-fuzz-pg-"));
  const postgres = await startEmbeddedPostgres({ baseDir, port: await freePort(), persistent: false });
  let failed = false;
  try {
    const prepared = await prepareDatabase(postgres.adminUrl, "hamafza_fuzz", { demo: true });
    const stack = await startInProcessStack(prepared);
    try {
      const tokens: Record<string, string> = {};
      for (const user of ["demo.admin", "demo.province", "demo.county", "demo.evaluator", "demo.analyst"])
        tokens[user] = await login(stack.baseUrl, user, DEMO_PASSWORD);
      const before = await domainSnapshot(prepared.adminUrl);
      const poisoned = await runFuzz({
        baseUrl: stack.baseUrl,
        tokens,
        seed,
        runs: Math.ceil(runs / 2),
        poisoned: true,
      });
      const unchanged = JSON.stringify(await domainSnapshot(prepared.adminUrl)) === JSON.stringify(before);
      console.log(
        `\n[fuzz] poisoned: ${poisoned.requests} requests over ${poisoned.operations} operations; database unchanged: ${unchanged}\n${formatCounts(poisoned)}`,
      );
      const hostile = await runFuzz({
        baseUrl: stack.baseUrl,
        tokens,
        seed: seed + 1,
        runs: Math.floor(runs / 2),
        poisoned: false,
      });
      console.log(`\n[fuzz] hostile: ${hostile.requests} requests\n${formatCounts(hostile)}`);
      const findings = [...poisoned.findings, ...hostile.findings];
      for (const finding of findings.slice(0, 20)) console.log(`[fuzz] FINDING ${JSON.stringify(finding)}`);
      console.log(`\n[fuzz] ${findings.length} findings (INTERNAL_SERVER_ERROR, HTTP 5xx, undocumented codes)`);
      failed = findings.length > 0 || !unchanged;
    } finally {
      await stack.stop();
    }
  } finally {
    await postgres.stop();
    rmSync(baseDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
