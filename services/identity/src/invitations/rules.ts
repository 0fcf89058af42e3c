import { createHash, randomBytes } from "node:crypto";
import { InvitationState } from "../entities/Invitation";

/** An invitation code: 32 random bytes, base64url (43 characters); only its SHA-256 is stored. */
export const newInvitationCode = (): string => randomBytes(32).toString("base64url");
export const INVITATION_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const hashInvitationCode = (code: string): string => createHash("sha256").update(code).digest("hex");

/** Where an invitation stands at `now`: used and revoked are final; an open one expires at `expiresAt`. */
export function invitationState(
  invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.usedAt) return InvitationState.USED;
  if (invitation.revokedAt) return InvitationState.REVOKED;
  return invitation.expiresAt.getTime() <= now.getTime() ? InvitationState.EXPIRED : InvitationState.OPEN;
}

/** Why a code cannot be used, in Persian, or null when it can. */
export function invitationProblem(state: InvitationState | null): string | null {
  switch (state) {
    case InvitationState.OPEN:
      return null;
    case InvitationState.USED:
      return "این دعوت‌نامه پیش‌تر به کار رفته است؛ با نام کاربری و گذرواژه خود وارد شوید یا از کارشناس بخواهید دوباره دعوتتان کند.";
    case InvitationState.EXPIRED:
      return "مهلت این دعوت‌نامه گذشته است؛ از کارشناسی که دعوتتان کرد بخواهید دوباره دعوتتان کند.";
    case InvitationState.REVOKED:
      return "این دعوت‌نامه باطل شده است؛ از کارشناسی که دعوتتان کرد دعوت‌نامهٔ تازه بخواهید.";
    default:
      return "این کد دعوت معتبر نیست؛ نشانی یا کد را کامل و دقیق وارد کنید.";
  }
}

/** The dashboard page where an invitee sets their password (the code after `#`, so it is never sent to a server in a request line). */
export const invitationPath = (code: string): string => `/#/invitation/${code}`;
