import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withClient } from "@hamafza/common";
import { cpuMs, procStat } from "./processes";

/**
 * Statements the services ran, counted exactly with pg_stat_statements (the bench's PostgreSQL is restarted with
 * it in shared_preload_libraries): calls of every statement in the bench database by any role but the
 * superuser the bench itself uses. Top-level statements only (what a service sends), BEGIN/COMMIT included. The job
 * queues' polls and maintenance (`<service>_jobs` tables, every 2 s per queue whatever the load) are left out, as the
 * tests' statement counter does: they are not the request's, and a slow request would otherwise count more of them.
 */
export async function statementCount(adminUrl: string, database: string): Promise<number> {
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT coalesce(sum(s.calls), 0)::bigint AS calls FROM pg_stat_statements s
         JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
        WHERE d.datname = $1 AND NOT r.rolsuper AND s.query !~ '\\m(registry|engagement|evaluation|identity)_jobs\\.'`,
      [database],
    );
    return Number(rows[0].calls);
  });
}

/** One statement's running totals in pg_stat_statements (times in ms; plan time 0 without `track_planning`). */
export interface StatementTotals {
  text: string;
  calls: number;
  execMs: number;
  planMs: number;
  rows: number;
  blocks: number;
}

/**
 * Every statement's totals in the bench database (the services' roles, job queues left out as in
 * `statementCount`), by query id: two snapshots' difference says what a run's statements cost in PostgreSQL.
 */
export async function statementTotals(adminUrl: string, database: string): Promise<Map<string, StatementTotals>> {
  return withClient(adminUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT s.queryid::text AS id, s.query AS text, s.calls::bigint AS calls, s.total_exec_time AS exec_ms,
              s.total_plan_time AS plan_ms, s.rows::bigint AS rows, (s.shared_blks_hit + s.shared_blks_read)::bigint AS blocks
         FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
        WHERE d.datname = $1 AND NOT r.rolsuper AND s.query !~ '\\m(registry|engagement|evaluation|identity)_jobs\\.'`,
      [database],
    );
    return new Map(
      rows.map((row) => [
        String(row.id),
        {
          text: String(row.text),
          calls: Number(row.calls),
          execMs: Number(row.exec_ms),
          planMs: Number(row.plan_ms),
          rows: Number(row.rows),
          blocks: Number(row.blocks),
        },
      ]),
    );
  });
}

/**
 * The statements of a run (`after` − `before`), most execution time first: per call the mean execution and
 * planning ms, rows and shared blocks, and calls per request; the text shortened to its first `width` characters.
 */
export function statementsOfRun(
  before: Map<string, StatementTotals>,
  after: Map<string, StatementTotals>,
  requests: number,
  limit = 6,
  width = 160,
): Record<string, unknown>[] {
  const runs: (StatementTotals & { id: string })[] = [];
  for (const [id, total] of after) {
    const was = before.get(id);
    const calls = total.calls - (was?.calls ?? 0);
    if (calls <= 0) continue;
    runs.push({
      id,
      text: total.text,
      calls,
      execMs: total.execMs - (was?.execMs ?? 0),
      planMs: total.planMs - (was?.planMs ?? 0),
      rows: total.rows - (was?.rows ?? 0),
      blocks: total.blocks - (was?.blocks ?? 0),
    });
  }
  const round = (n: number) => Number(n.toFixed(3));
  return runs
    .sort((a, b) => b.execMs - a.execMs)
    .slice(0, limit)
    .map((run) => ({
      perRequest: round(run.calls / requests),
      execMs: round(run.execMs / run.calls),
      planMs: round(run.planMs / run.calls),
      rows: round(run.rows / run.calls),
      blocks: round(run.blocks / run.calls),
      text: run.text.replace(/\s+/g, " ").slice(0, width),
    }));
}

/** Turn pg_stat_statements on for the next start of this cluster (ALTER SYSTEM writes postgresql.auto.conf). */
export async function preloadPgStatStatements(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`),
  );
}

/** Planning time in pg_stat_statements too (`track_planning`, off by default; a reload is enough). */
export async function trackPlanning(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`ALTER SYSTEM SET pg_stat_statements.track_planning = on`);
    await client.query(`SELECT pg_reload_conf()`);
  });
}

export async function createPgStatStatements(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`));
}

/**
 * CPU ms so far of the cluster in `clusterDir`: the postmaster with its children that have exited (backends of
 * closed connections, finished workers: the postmaster waits for each) and its live children. Backends come and go
 * during a scenario; an exited one's CPU moves from the live ones' sum to the postmaster's, so the difference of two
 * readings is all the cluster's CPU between them (summing the live backends alone lost the CPU of every connection
 * a pool closed meanwhile). NaN without a running postmaster.
 */
export function postgresCpuMs(clusterDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return NaN;
  }
  let total = cpuMs(postmaster, true) ?? NaN;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry); // null: gone meanwhile, its CPU is the postmaster's now
    if (stat?.ppid === postmaster) total += stat.cpuMs;
  }
  return total;
}
