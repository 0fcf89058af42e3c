import { BenchProcess, cpuMs } from "./processes";
import { postgresCpuMs } from "./sql";

/**
 * CPU ms so far of each bench process by name and, when the bench runs its own PostgreSQL (`clusterDir`), of the whole
 * cluster as `postgres` (`postgresCpuMs`: the postmaster, its live backends and those that have exited).
 */
export function cpuSnapshot(processes: BenchProcess[], clusterDir: string | null): Record<string, number> {
  return {
    ...Object.fromEntries(processes.filter((p) => p.child.pid).map((p) => [p.name, cpuMs(p.child.pid!) ?? NaN])),
    ...(clusterDir ? { postgres: postgresCpuMs(clusterDir) } : {}),
  };
}

/** CPU ms spent between two snapshots per process. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([name, value]) => [name, value - (before[name] ?? 0)]));
}
