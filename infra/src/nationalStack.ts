import { chmodSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { login, withClient } from "@hamafza/common";
import { startEmbeddedPostgres } from "./embeddedPostgres";
import { describeNationalSeed, nationalScale, seedNational } from "./national";
import { PreparedDatabase } from "./prepare";
import { InProcessStack, startInProcessStack } from "./stack";

/** What a measuring script gets: the seeded database, the running stack, an administrator's token. */
export interface NationalStack {
  prepared: PreparedDatabase;
  stack: InProcessStack;
  token: string;
  /** The embedded PostgreSQL's folder (see `postgresCpuSeconds`). */
  workDir: string;
}

/**
 * For the measuring scripts (`measureSnapshot.ts`, `measureRun.ts`): a throw-away embedded PostgreSQL seeded with the
 * national data set at NATIONAL_SCALE, the 1404 cycle OPEN, the in-process stack (every service in this process) and
 * the administrator signed in; all stopped after `body`.
 */
export async function withNationalStack<T>(
  name: string,
  log: (line: string) => void,
  body: (national: NationalStack) => Promise<T>,
): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), `hamafza-${name}-`));
  chmodSync(workDir, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its cluster folder
  const pg = await startEmbeddedPostgres({
    baseDir: join(workDir, "pg"),
    port: 30_000 + (process.pid % 5000),
    persistent: false,
  });
  try {
    const { prepared, summary } = await seedNational(pg.adminUrl, `hamafza_${name}_${Date.now()}`, nationalScale());
    log(describeNationalSeed(summary));
    await withClient(prepared.adminUrl, (c) =>
      c.query(`UPDATE evaluation.evaluation_cycle SET state = 'OPEN' WHERE year = 1404`),
    );
    const stack = await startInProcessStack(prepared);
    try {
      const token = await login(stack.baseUrl, "admin", prepared.admin.generatedPassword!);
      return await body({ prepared, stack, token, workDir });
    } finally {
      await stack.stop();
    }
  } finally {
    await pg.stop();
  }
}

/** CPU seconds of the embedded PostgreSQL under `workDir` so far: the postmaster (with its reaped children) and its live backends. */
export function postgresCpuSeconds(workDir: string): number {
  const pidFile = readdirSync(workDir, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith("postmaster.pid"));
  if (!pidFile) return NaN;
  const postmaster = Number(readFileSync(join(workDir, pidFile), "utf8").split("\n")[0]);
  // /proc/<pid>/stat after the command's closing parenthesis: state, ppid, … utime, stime, cutime, cstime (11–14).
  const statOf = (pid: string | number): string[] | null => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    } catch {
      return null; // exited meanwhile
    }
  };
  const ticks = (fields: string[] | null, withChildren: boolean): number => {
    if (!fields) return 0;
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return utime + stime + (withChildren ? cutime + cstime : 0);
  };
  let total = ticks(statOf(postmaster), true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statOf(entry);
    if (fields && Number(fields[1]) === postmaster) total += ticks(fields, false);
  }
  return total / 100; // clock ticks (USER_HZ, 100 on Linux)
}
