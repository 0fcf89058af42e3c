/**
 * Reading numeric settings from the environment: a value that is not a whole number in range stops the process
 * with a message naming the variable (never NaN, never a silent default for a typo).
 */
export function integerSetting(
  name: string,
  fallback: number,
  range: { min: number; max: number },
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not valid: expected a whole number from ${range.min} to ${range.max}.`,
    );
  }
  return value;
}

/** Timeouts and grace periods in milliseconds, documented in the README's configuration table. */
export const timeoutSettings = (env: NodeJS.ProcessEnv = process.env) => ({
  /** Longest a single SQL statement may run (PostgreSQL `statement_timeout`). */
  statementMs: integerSetting("HAMAFZA_STATEMENT_TIMEOUT_MS", 30_000, { min: 100, max: 3_600_000 }, env),
  /** How long a stopping server waits for requests in flight before closing its database pool. */
  shutdownGraceMs: integerSetting("HAMAFZA_SHUTDOWN_GRACE_MS", 10_000, { min: 0, max: 600_000 }, env),
  /** How long an idle keep-alive connection is kept open by a server (longer than any client's idle timeout). */
  serverKeepAliveMs: integerSetting("HAMAFZA_KEEP_ALIVE_MS", 65_000, { min: 1_000, max: 600_000 }, env),
});
