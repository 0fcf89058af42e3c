import { EntityManager } from "typeorm";
import { LoginThrottle } from "../entities/LoginThrottle";
import { LoginPolicy } from "./policy";

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

/** The row of a throttle key, locked for this transaction (created when missing). */
async function lockRow(em: EntityManager, key: string, now: Date): Promise<LoginThrottle> {
  await em.query(
    `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 0, $2) ON CONFLICT (key) DO NOTHING`,
    [key, now],
  );
  return em.findOneOrFail(LoginThrottle, { where: { key }, lock: { mode: "pessimistic_write" } });
}

/** Seconds until every given key is unlocked; 0 when none is locked. */
export async function lockedForSeconds(em: EntityManager, keys: string[], now: Date): Promise<number> {
  let seconds = 0;
  for (const key of keys) {
    const row = await lockRow(em, key, now);
    if (row.lockedUntil && row.lockedUntil > now)
      seconds = Math.max(seconds, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
  }
  return seconds;
}

/** Counts one failure against a key (a new window when the old one is over); returns the count. */
export async function countFailure(
  em: EntityManager,
  key: string,
  limit: number,
  policy: LoginPolicy,
  now: Date,
): Promise<number> {
  const row = await lockRow(em, key, now);
  const windowOver = now.getTime() - row.windowStartedAt.getTime() > policy.failureWindowSeconds * 1000;
  row.failures = windowOver ? 1 : row.failures + 1;
  if (windowOver) row.windowStartedAt = now;
  if (row.failures >= limit) row.lockedUntil = new Date(now.getTime() + policy.lockSeconds * 1000);
  await em.save(row);
  return row.failures;
}

/** Forgets an account's failures after a successful sign-in (address counts decay with their window only). */
export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.delete(LoginThrottle, { key });
}

/** Drops counters whose window and lock are both over, so the table does not grow with every name tried. */
export async function pruneExpired(em: EntityManager, policy: LoginPolicy, now: Date): Promise<void> {
  await em.query(
    `DELETE FROM login_throttle WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until < $2)`,
    [new Date(now.getTime() - policy.failureWindowSeconds * 1000), now],
  );
}
