import { createHash, randomBytes } from "node:crypto";
import { AppError, ErrorCode, FEED_UNKNOWN_MESSAGE, signAccessToken, TokenKeys } from "@hamafza/common";
import { DataSource, EntityManager, IsNull } from "typeorm";
import { CalendarFeed } from "../entities/CalendarFeed";
import { User } from "../entities/User";
import { tokenUser } from "./sessions";

/** A feed secret: 32 random bytes, base64url (43 characters). */
export const newFeedSecret = (): string => randomBytes(32).toString("base64url");
export const FEED_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const hashFeedSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** How long the token minted for one read of a feed lives: enough for the gateway's few queries. */
const FEED_TOKEN_SECONDS = 120;

/** The caller's feed that still works, if any. */
export function activeFeedOf(em: EntityManager, userId: string): Promise<CalendarFeed | null> {
  return em.findOneBy(CalendarFeed, { userId, revokedAt: IsNull() });
}

/**
 * The gateway asks, for one read of a feed address, for a short token of the feed's owner (sessions are not
 * involved: the token's session id is the feed's id, and it lives two minutes). An unknown or revoked secret, or a
 * disabled owner, is refused.
 */
export async function feedReadToken(db: DataSource, keys: TokenKeys, secret: unknown): Promise<{ token: string }> {
  if (typeof secret !== "string" || !FEED_SECRET_PATTERN.test(secret))
    throw new AppError(ErrorCode.UNAUTHENTICATED, FEED_UNKNOWN_MESSAGE);
  const feed = await db
    .getRepository(CalendarFeed)
    .findOneBy({ secretHash: hashFeedSecret(secret), revokedAt: IsNull() });
  const user = feed && (await db.getRepository(User).findOneBy({ id: feed.userId }));
  if (!feed || !user || user.disabled) throw new AppError(ErrorCode.UNAUTHENTICATED, FEED_UNKNOWN_MESSAGE);
  await db.getRepository(CalendarFeed).update({ id: feed.id }, { lastReadAt: new Date() });
  const token = await signAccessToken(keys, tokenUser(user, feed.id), new Date(Date.now() + FEED_TOKEN_SECONDS * 1000));
  return { token };
}
