import { ChildProcess, spawn } from "node:child_process";

/** Restart delays: 0.5 s doubling to 30 s; a process that stayed up for a minute starts again from 0.5 s. */
export const RESTART_POLICY = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000 };

export type LogLine = (source: string, line: string, error?: boolean) => void;

interface Supervised {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess | null;
  startedAt: number;
  attempt: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Runs each Hamafza process (subgraphs, gateway) as a child and keeps it running: a process that exits without
 * being asked to is started again after a growing delay, and every exit, restart and stop is logged. While one is
 * down the others keep serving (the gateway answers SERVICE_UNAVAILABLE for its part).
 */
export class Supervisor {
  private readonly processes = new Map<string, Supervised>();
  private stopping = false;

  constructor(
    private readonly log: LogLine,
    private readonly policy = RESTART_POLICY,
  ) {}

  launch(name: string, script: string, env: NodeJS.ProcessEnv): void {
    const entry: Supervised = { name, script, env, child: null, startedAt: 0, attempt: 0, timer: null };
    this.processes.set(name, entry);
    this.spawn(entry);
  }

  /** The running child of `name` (for tests that kill or freeze it), or null while it is down. */
  child(name: string): ChildProcess | null {
    return this.processes.get(name)?.child ?? null;
  }

  private spawn(entry: Supervised) {
    const child = spawn(process.execPath, [entry.script], { env: entry.env, stdio: ["ignore", "pipe", "pipe"] });
    entry.child = child;
    entry.startedAt = Date.now();
    const relay = (stream: NodeJS.ReadableStream, error: boolean) =>
      stream.on("data", (chunk: Buffer) =>
        chunk
          .toString()
          .split("\n")
          .filter(Boolean)
          .forEach((line) => this.log(entry.name, line, error)),
      );
    relay(child.stdout!, false);
    relay(child.stderr!, true);
    child.on("exit", (code, signal) => {
      entry.child = null;
      if (this.stopping) return;
      if (Date.now() - entry.startedAt >= this.policy.stableAfterMs) entry.attempt = 0;
      const delay = Math.min(this.policy.firstDelayMs * 2 ** entry.attempt, this.policy.maxDelayMs);
      entry.attempt += 1;
      this.log(
        entry.name,
        `exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${(delay / 1000).toFixed(1)} s (attempt ${entry.attempt})`,
        true,
      );
      entry.timer = setTimeout(() => {
        entry.timer = null;
        if (this.stopping) return;
        this.log(entry.name, "restarting");
        this.spawn(entry);
      }, delay);
    });
  }

  /** Stops every child: SIGTERM (graceful: in-flight requests finish), SIGKILL after `killAfterMs`. */
  async stopAll(killAfterMs = 15_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.processes.values()].map(
        (entry) =>
          new Promise<void>((resolve) => {
            if (entry.timer) clearTimeout(entry.timer);
            const child = entry.child;
            if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => {
              this.log(entry.name, `did not stop within ${killAfterMs / 1000} s; killing it`, true);
              child.kill("SIGKILL");
            }, killAfterMs);
            child.once("exit", (code, signal) => {
              clearTimeout(timer);
              this.log(entry.name, `stopped (${signal ? `signal ${signal}` : `code ${code}`})`);
              resolve();
            });
            child.kill("SIGCONT"); // a frozen process cannot handle SIGTERM
            child.kill("SIGTERM");
          }),
      ),
    );
  }
}
