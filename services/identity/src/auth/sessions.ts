import { AuthUser, isBoundRole, signAccessToken, TokenKeys } from "@hamafza/common";
import { DataSource, EntityManager, IsNull } from "typeorm";
import { Session } from "../entities/Session";
import { User } from "../entities/User";
import { LoginPolicy } from "./policy";

/** What POST /auth/login and /auth/refresh answer. */
export interface SignInResult {
  token: string;
  expiresAt: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: string;
    provinceId: string | null;
    countyId: string | null;
    boundId: string | null;
  };
}

/**
 * What the token says of a user. An invited user's token names their record and no territory: the province and
 * county stored with them are their record's, kept for officials' lists, never a scope (docs/security.md).
 */
export function tokenUser(user: User, sessionId: string): AuthUser {
  const bound = isBoundRole(user.role);
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    provinceId: bound ? null : user.provinceId,
    countyId: bound ? null : user.countyId,
    boundId: bound ? user.boundId : null,
    sessionId,
  };
}

/** A token for the session, ending at the token lifetime or the session's end, whichever is first. */
export async function issueToken(
  keys: TokenKeys,
  policy: LoginPolicy,
  user: User,
  session: Session,
  now = new Date(),
): Promise<SignInResult> {
  const expiresAt = new Date(Math.min(now.getTime() + policy.tokenTtlSeconds * 1000, session.expiresAt.getTime()));
  const token = await signAccessToken(keys, tokenUser(user, session.id), expiresAt);
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      provinceId: user.provinceId,
      countyId: user.countyId,
      boundId: user.boundId,
    },
  };
}

export function openSession(
  em: EntityManager,
  user: User,
  policy: LoginPolicy,
  clientAddress: string | null,
  now = new Date(),
): Promise<Session> {
  return em.save(
    em.create(Session, {
      userId: user.id,
      expiresAt: new Date(now.getTime() + policy.sessionMaxSeconds * 1000),
      revokedAt: null,
      clientAddress,
    }),
  );
}

/** The session and its user when both are still good: not revoked, not past its end, user not disabled. */
export async function activeSession(
  db: DataSource | EntityManager,
  sessionId: string,
  userId: string,
  now = new Date(),
): Promise<{ session: Session; user: User } | null> {
  const manager = db instanceof DataSource ? db.manager : db;
  const session = await manager.findOneBy(Session, { id: sessionId, userId, revokedAt: IsNull() });
  if (!session || session.expiresAt <= now) return null;
  const user = await manager.findOneBy(User, { id: userId });
  if (!user || user.disabled) return null;
  return { session, user };
}

export async function revokeSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
}

/** Ends every open session of a user (password reset, role or territory change, disabling), optionally but one. */
export async function revokeUserSessions(em: EntityManager, userId: string, exceptSessionId?: string): Promise<void> {
  const query = em
    .createQueryBuilder()
    .update(Session)
    .set({ revokedAt: new Date() })
    .where("user_id = :userId AND revoked_at IS NULL", { userId });
  if (exceptSessionId) query.andWhere("id <> :exceptSessionId", { exceptSessionId });
  await query.execute();
}
