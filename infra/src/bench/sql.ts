import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withClient } from "@hamafza/common";
import { cpuMs } from "./processes";

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

/** Turn pg_stat_statements on for the next start of this cluster (ALTER SYSTEM writes postgresql.auto.conf). */
export async function preloadPgStatStatements(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`),
  );
}

export async function createPgStatStatements(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`));
}

/** CPU ms of the postmaster and each of its children (backends, workers) of the cluster in `clusterDir`, by pid. */
export function postgresCpuByPid(clusterDir: string): Record<string, number> {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return {};
  }
  const byPid: Record<string, number> = { [postmaster]: cpuMs(postmaster) ?? 0 };
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) byPid[entry] = cpuMs(Number(entry)) ?? 0;
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}
