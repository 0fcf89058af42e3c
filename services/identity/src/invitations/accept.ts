import { AppError, ErrorCode, recordAudit, TokenKeys } from "@hamafza/common";
import { DataSource } from "typeorm";
import { hashPassword, passwordProblem } from "../auth/passwords";
import { LoginPolicy } from "../auth/policy";
import { issueToken, openSession, revokeUserSessions, SignInResult } from "../auth/sessions";
import { AuditContext } from "../auth/login";
import { Invitation } from "../entities/Invitation";
import { User } from "../entities/User";
import { hashInvitationCode, INVITATION_CODE_PATTERN, invitationProblem, invitationState } from "./rules";

/** What an invitee is told about their invitation before setting a password. */
export interface InvitationInfo {
  username: string;
  displayName: string;
  role: string;
  expiresAt: string;
}

const refuse = (message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field: "code", message }] });

/** The invitation of a code and its user, or BAD_USER_INPUT saying why the code cannot be used. */
async function openInvitation(
  db: DataSource,
  code: unknown,
  now: Date,
): Promise<{ invitation: Invitation; user: User }> {
  if (typeof code !== "string" || !INVITATION_CODE_PATTERN.test(code)) throw refuse(invitationProblem(null)!);
  const invitation = await db.manager.findOneBy(Invitation, { codeHash: hashInvitationCode(code) });
  const user = invitation && (await db.manager.findOneBy(User, { id: invitation.userId }));
  const problem = invitationProblem(invitation && user ? invitationState(invitation, now) : null);
  if (problem || !invitation || !user) throw refuse(problem ?? invitationProblem(null)!);
  if (user.disabled) throw refuse(invitationProblem(null)!);
  return { invitation, user };
}

/** POST /auth/invitation `{ code }`: whose invitation it is, so the page can greet the invitee. */
export async function invitationInfo(db: DataSource, code: unknown): Promise<InvitationInfo> {
  const { invitation, user } = await openInvitation(db, code, new Date());
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * POST /auth/accept-invitation `{ code, password }`: the invitee sets their password (the same rules and argon2id
 * as every account), the code is spent, and they are signed in. The code works once, before it expires, while the
 * account is enabled; the invitation row is locked so two uses at once cannot both pass. Audited as ACCEPT_INVITATION.
 */
export async function acceptInvitation(
  db: DataSource,
  keys: TokenKeys,
  policy: LoginPolicy,
  input: { code: unknown; password: unknown; clientAddress: string | null; requestId: string },
): Promise<SignInResult> {
  if (typeof input.password !== "string" || input.password.length > 1000)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "گذرواژه را وارد کنید.");
  const password = input.password;
  const peek = await openInvitation(db, input.code, new Date());
  const problem = passwordProblem(password, peek.user.username);
  if (problem)
    throw new AppError(ErrorCode.BAD_USER_INPUT, problem, { fields: [{ field: "password", message: problem }] });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (em) => {
    const now = new Date();
    const invitation = await em.findOne(Invitation, {
      where: { id: peek.invitation.id },
      lock: { mode: "pessimistic_write" },
    });
    const user = await em.findOne(User, { where: { id: peek.user.id }, lock: { mode: "pessimistic_write" } });
    const state = invitation ? invitationState(invitation, now) : null;
    const stillOpen = invitationProblem(state);
    if (stillOpen || !invitation || !user || user.disabled) throw refuse(stillOpen ?? invitationProblem(null)!);
    const before = { ...user };
    invitation.usedAt = now;
    await em.save(invitation);
    user.passwordHash = passwordHash;
    user.passwordChangedAt = now;
    user.lastLoginAt = now;
    await em.save(user);
    await revokeUserSessions(em, user.id);
    const session = await openSession(em, user, policy, input.clientAddress, now);
    const audit: AuditContext = {
      service: "identity",
      requestId: input.requestId,
      clientAddress: input.clientAddress,
      user: null,
    };
    await recordAudit(em, audit, {
      action: "ACCEPT_INVITATION",
      actor: { id: user.id, username: user.username, role: user.role },
      entityType: "User",
      entityId: user.id,
      provinceId: user.provinceId,
      countyId: user.countyId,
      before,
      after: user,
    });
    return issueToken(keys, policy, user, session, now);
  });
}
