import { GATEWAY_SECRET_HEADER } from "@hamafza/common";

/** The identity service could not say whether a session is open (down, restarting, too slow). */
export class IdentityUnavailable extends Error {}

/**
 * Whether a token's session is still open (not signed out, not revoked by a password reset or role change),
 * asked of the identity service and remembered for a few seconds. Sign-out through this gateway forgets the
 * session at once; a revocation elsewhere takes effect within `cacheMs`.
 *
 * While the identity service is down or restarting, a session confirmed open within the last `staleMs`
 * (5 minutes) is still accepted — its token is verified by signature anyway — so the other services keep serving
 * signed-in users; a revocation made during such an outage takes effect when identity answers again. A session
 * never confirmed (or confirmed longer ago) gets IdentityUnavailable (503 SERVICE_UNAVAILABLE).
 */
export class SessionChecker {
  private readonly activeUntil = new Map<string, number>();
  private readonly confirmedAt = new Map<string, number>();

  constructor(
    private readonly identityBaseUrl: string,
    private readonly gatewaySecret: string,
    private readonly cacheMs = 5000,
    private readonly staleMs = 5 * 60_000,
  ) {}

  async isActive(sessionId: string, token: string): Promise<boolean> {
    const now = Date.now();
    if ((this.activeUntil.get(sessionId) ?? 0) > now) return true;
    let response: Response;
    try {
      response = await fetch(`${this.identityBaseUrl}/auth/session`, {
        headers: { authorization: `Bearer ${token}`, [GATEWAY_SECRET_HEADER]: this.gatewaySecret },
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      return this.staleOrUnavailable(sessionId, now);
    }
    if (response.status >= 500) return this.staleOrUnavailable(sessionId, now);
    if (!response.ok) {
      this.forget(sessionId);
      return false;
    }
    if (this.activeUntil.size > 10_000) this.prune(now);
    this.activeUntil.set(sessionId, now + this.cacheMs);
    this.confirmedAt.set(sessionId, now);
    return true;
  }

  forget(sessionId: string): void {
    this.activeUntil.delete(sessionId);
    this.confirmedAt.delete(sessionId);
  }

  private staleOrUnavailable(sessionId: string, now: number): boolean {
    const confirmed = this.confirmedAt.get(sessionId);
    if (confirmed !== undefined && now - confirmed <= this.staleMs) return true;
    throw new IdentityUnavailable("identity service unavailable");
  }

  private prune(now: number) {
    for (const [id, until] of this.activeUntil) if (until <= now) this.activeUntil.delete(id);
    for (const [id, at] of this.confirmedAt) if (now - at > this.staleMs) this.confirmedAt.delete(id);
  }
}
