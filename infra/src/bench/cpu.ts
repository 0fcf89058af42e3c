import { BenchProcess, cpuMs } from "./processes";
import { postgresCpuByPid } from "./sql";

/**
 * CPU ms so far of each bench process by name and, when the bench runs its own PostgreSQL (`clusterDir`), of the
 * postmaster and every backend as `postgres:<pid>` (backends come and go; `cpuDelta` sums them per pid).
 */
export function cpuSnapshot(processes: BenchProcess[], clusterDir: string | null): Record<string, number> {
  return {
    ...Object.fromEntries(processes.filter((p) => p.child.pid).map((p) => [p.name, cpuMs(p.child.pid!) ?? NaN])),
    ...(clusterDir
      ? Object.fromEntries(Object.entries(postgresCpuByPid(clusterDir)).map(([pid, ms]) => [`postgres:${pid}`, ms]))
      : {}),
  };
}

/** CPU ms spent between two snapshots per process, PostgreSQL's processes summed as `postgres`. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const cpu: Record<string, number> = {};
  for (const [name, value] of Object.entries(after)) {
    const key = name.startsWith("postgres:") ? "postgres" : name;
    cpu[key] = (cpu[key] ?? 0) + value - (before[name] ?? 0);
  }
  return cpu;
}
