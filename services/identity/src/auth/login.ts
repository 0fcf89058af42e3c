import { AppError, ErrorCode, recordAudit, RequestContext, toAsciiDigits, TokenKeys } from "@hamafza/common";
import { DataSource } from "typeorm";
import { User } from "../entities/User";
import { spendVerificationTime, verifyPassword } from "./passwords";
import { LoginPolicy, slowdownMs } from "./policy";
import { issueToken, openSession, SignInResult } from "./sessions";
import { accountKey, addressKey, clearFailures, countFailure, lockedForSeconds, pruneExpired } from "./throttle";

export const WRONG_CREDENTIALS_MESSAGE = "نام کاربری یا گذرواژه نادرست است.";

export function lockedMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `به دلیل تلاش‌های ناموفق پیاپی، ورود برای مدتی بسته شده است؛ ${minutes.toLocaleString("fa-IR")} دقیقه دیگر دوباره تلاش کنید.`;
}

/** Usernames are compared lower-case, with Persian/Arabic digits as ASCII and no surrounding spaces. */
export function canonicalUsername(username: string): string {
  return toAsciiDigits(username.trim()).toLowerCase();
}

export type AuditContext = Pick<RequestContext, "service" | "requestId" | "clientAddress" | "user">;

/**
 * Checks a username and password. Wrong password, unknown username and disabled account all get the same
 * answer after the same work; failures are counted per account name and per address, delayed past a few, and
 * locked past the limit, whether or not the account exists. Every attempt is audited.
 */
export async function signIn(
  db: DataSource,
  keys: TokenKeys,
  policy: LoginPolicy,
  input: { username: string; password: string; clientAddress: string | null; requestId: string },
): Promise<SignInResult> {
  const username = canonicalUsername(input.username);
  const audit: AuditContext = {
    service: "identity",
    requestId: input.requestId,
    clientAddress: input.clientAddress,
    user: null,
  };
  const keysToCheck = [accountKey(username), addressKey(input.clientAddress ?? "unknown")];
  const outcome = await db.transaction(async (em) => {
    const now = new Date();
    const lockedSeconds = await lockedForSeconds(em, keysToCheck, now);
    const user = await em.findOneBy(User, { username });
    const actor = { id: user?.id ?? null, username, role: user?.role ?? null };
    if (lockedSeconds > 0) {
      await recordAudit(em, audit, { action: "LOGIN", outcome: "DENIED", actor, after: { reason: "locked" } });
      return { kind: "locked" as const, seconds: lockedSeconds };
    }
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : (await spendVerificationTime(input.password), false);
    if (!user || !passwordOk || user.disabled) {
      const accountFailures = await countFailure(em, keysToCheck[0], policy.maxAccountFailures, policy, now);
      const addressFailures = await countFailure(em, keysToCheck[1], policy.maxAddressFailures, policy, now);
      const reason = !user ? "unknown username" : user.disabled && passwordOk ? "disabled account" : "wrong password";
      await recordAudit(em, audit, {
        action: "LOGIN",
        outcome: "FAILED",
        actor,
        after: { reason, accountFailures, addressFailures },
      });
      return { kind: "failed" as const, failures: Math.max(accountFailures, addressFailures) };
    }
    await clearFailures(em, keysToCheck[0]);
    await pruneExpired(em, policy, now);
    user.lastLoginAt = now;
    await em.save(user);
    const session = await openSession(em, user, policy, input.clientAddress, now);
    await recordAudit(
      em,
      { ...audit, user: null },
      { action: "LOGIN", outcome: "SUCCESS", actor, entityType: "Session", entityId: session.id },
    );
    return { kind: "ok" as const, result: await issueToken(keys, policy, user, session, now) };
  });
  if (outcome.kind === "ok") return outcome.result;
  if (outcome.kind === "locked")
    throw new AppError(ErrorCode.LOCKED, lockedMessage(outcome.seconds), { retryAfterSeconds: outcome.seconds });
  await new Promise((resolve) => setTimeout(resolve, slowdownMs(policy, outcome.failures)));
  throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS_MESSAGE);
}
