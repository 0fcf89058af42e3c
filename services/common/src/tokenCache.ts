/**
 * Access tokens already verified by this process, so that a user's next requests do not pay the Ed25519 signature
 * check again (≈ 0.5 ms of CPU per check, paid by the gateway and again by every subgraph a request reaches).
 *
 * Only tokens that passed the full check are kept, by their exact text (another signature, claim or key is another
 * entry, verified in full), each until its own `exp`: a token is never answered from here at or after its expiry,
 * so the answer is the one the full check would give at that moment. Revocation is not a property of the token
 * (sessions are checked by the gateway, sessions.ts) and is unaffected. At most `capacity` tokens are kept; the
 * oldest entry is dropped first.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAtSec: number }>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 10_000) {}

  /** The value kept for this token while it has not expired (`nowMs`: the current time in ms). */
  get(token: string, nowMs = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (entry && Math.floor(nowMs / 1000) < entry.expiresAtSec) {
      this.hits++;
      return entry.value;
    }
    if (entry) this.entries.delete(token);
    this.misses++;
    return undefined;
  }

  /** Keeps a verified token's value until `expiresAtSec` (the token's `exp`, seconds since the epoch). */
  set(token: string, value: T, expiresAtSec: number): void {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { value, expiresAtSec });
  }

  get size(): number {
    return this.entries.size;
  }
}
