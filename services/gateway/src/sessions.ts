import { GATEWAY_SECRET_HEADER } from "@hamafza/common";

/**
 * Whether a token's session is still open (not signed out, not revoked by a password reset or role change),
 * asked of the identity service and remembered for a few seconds. Sign-out through this gateway forgets the
 * session at once; a revocation elsewhere takes effect within `cacheMs`.
 */
export class SessionChecker {
  private readonly activeUntil = new Map<string, number>();

  constructor(
    private readonly identityBaseUrl: string,
    private readonly gatewaySecret: string,
    private readonly cacheMs = 5000,
  ) {}

  async isActive(sessionId: string, token: string): Promise<boolean> {
    const now = Date.now();
    if ((this.activeUntil.get(sessionId) ?? 0) > now) return true;
    const response = await fetch(`${this.identityBaseUrl}/auth/session`, {
      headers: { authorization: `Bearer ${token}`, [GATEWAY_SECRET_HEADER]: this.gatewaySecret },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      this.activeUntil.delete(sessionId);
      return false;
    }
    if (this.activeUntil.size > 10_000) this.prune(now);
    this.activeUntil.set(sessionId, now + this.cacheMs);
    return true;
  }

  forget(sessionId: string): void {
    this.activeUntil.delete(sessionId);
  }

  private prune(now: number) {
    for (const [id, until] of this.activeUntil) if (until <= now) this.activeUntil.delete(id);
  }
}
