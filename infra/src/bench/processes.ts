import { ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** A process the bench started, with the figures /proc gives about it. */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * What /proc/<pid>/stat says of a process: its parent, and its CPU time (user + system) in ms — its own, and that of
 * its children it has waited for (cutime, cstime), i.e. those that have exited. Null where /proc is missing or the
 * process is gone.
 */
export function procStat(pid: number | string): { ppid: number; cpuMs: number; exitedChildrenCpuMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command's closing parenthesis: state, ppid, … utime, stime, cutime, cstime (fields 3, 4, 14–17).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return {
      ppid: Number(fields[1]),
      cpuMs: ((utime + stime) * 1000) / CLOCK_TICKS,
      exitedChildrenCpuMs: ((cutime + cstime) * 1000) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

/** CPU time (user + system) of a process in ms (`procStat`); `withChildren`: with that of its exited children. */
export function cpuMs(pid: number, withChildren = false): number | null {
  const stat = procStat(pid);
  return stat && stat.cpuMs + (withChildren ? stat.exitedChildrenCpuMs : 0);
}

/** Resident memory now and at its peak (VmRSS, VmHWM) in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/**
 * Start a new peak: VmHWM is set back to the current VmRSS (`5` into /proc/<pid>/clear_refs, Linux ≥ 4.0, our own
 * children only), so the next `memoryMb(pid).peak` is the peak of what ran in between — one scenario's, not the
 * process's lifetime's. False where /proc does not allow it (the peak then stays the lifetime's).
 */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * The runtime settings the Kubernetes manifest of `name` gives its container (`infra/k8s/base/<name>.yaml`): its
 * `NODE_OPTIONS` (e.g. the V8 heap cap) and the C library allocator's `MALLOC_*` variables, so the bench runs each
 * service as it is deployed; empty when the manifest sets none.
 */
export function deployedRuntime(root: string, name: string): Record<string, string> {
  let manifest: string;
  try {
    manifest = readFileSync(join(root, "infra", "k8s", "base", `${name}.yaml`), "utf8");
  } catch {
    return {};
  }
  const runtime: Record<string, string> = {};
  for (const [, key, value] of manifest.matchAll(/\{\s*name:\s*(NODE_OPTIONS|MALLOC_\w+),\s*value:\s*"([^"]*)"\s*\}/g))
    runtime[key] = value;
  return runtime;
}

/**
 * The service's manifest's runtime settings (`deployedRuntime`) for a launch's environment. With
 * `MEASURE_MEMORY_LOG=<folder>` (bench, hotPath, measureRun) also the memory-log preload (`memoryLog.ts`), writing to
 * `<folder>/<name>.log`.
 */
export function deployedEnv(root: string, name: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const { NODE_OPTIONS: deployed, ...allocator } = deployedRuntime(root, name);
  const folder = env.MEASURE_MEMORY_LOG;
  const preload = folder ? `--require ${join(root, "infra", "dist", "bench", "memoryLog.js")}` : undefined;
  const options = [deployed, preload].filter(Boolean).join(" ");
  const launched = { ...allocator, ...(options ? { NODE_OPTIONS: options } : {}) };
  if (!folder) return launched;
  mkdirSync(folder, { recursive: true });
  return { ...launched, HAMAFZA_MEMORY_LOG: join(folder, `${name}.log`) };
}

/** Start `node <script>` (or any command) with its own environment; its output goes to the bench log only on failure. */
export function launch(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  url: string,
  cwd?: string,
): BenchProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    cwd,
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString().split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (!stopping)
      console.error(`[bench] ${name} exited (code ${code}, signal ${signal}); its last lines:\n${tail.join("\n")}`);
  });
  return {
    name,
    child,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

export async function waitForHealth(name: string, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export const serviceScript = (root: string, name: string) => join(root, "services", name, "dist", "main.js");

/** A port free right now on 127.0.0.1 (the kernel's choice), for a process about to be started. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
