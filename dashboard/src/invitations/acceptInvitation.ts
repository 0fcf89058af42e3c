import { authBaseUrl } from "../auth";

/** The dashboard route where an invitee sets their password: `/#/invitation/<code>` (identity's invitation link). */
export const ACCEPT_INVITATION_PATH = "/invitation/:code";

/** The code of the current address (`#/invitation/<code>`), or "". */
export const codeFromLocation = (hash: string): string => decodeURIComponent(hash.split("/invitation/")[1] ?? "");

export interface InvitationInfo {
  username: string;
  displayName: string;
  role: string;
  expiresAt: string;
}

/** POST /auth/<path> without a session; the server's Persian message on refusal. */
async function postAuth<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${authBaseUrl}/auth/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(answer.error?.message ?? String(response.status));
  return answer;
}

/** Whose invitation a code is (refused when used, expired or revoked). */
export const invitationInfo = (code: string) => postAuth<InvitationInfo>("invitation", { code });

/** Sets the invitee's password with the code (once). */
export const acceptInvitation = (code: string, password: string) =>
  postAuth<{ user: { username: string } }>("accept-invitation", { code, password });
