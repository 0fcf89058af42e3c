import { createHash } from "node:crypto";
import { Arg } from "type-graphql";
import { EntityManager } from "typeorm";
import { requireUser } from "./access";
import { RequestContext } from "./context";
import { AppError, ErrorCode, invalidInput } from "./errors";

/**
 * Idempotent creates (README, "List convention"): every `create…` mutation takes an optional `idempotencyKey`
 * argument. Within `KEY_LIFETIME_HOURS`, a retry with the same key by the same user for the same operation returns
 * the record the first call created (re-read now) instead of creating a duplicate; the same key with a different
 * input is CONFLICT. Keys live in each service's own `idempotency_key` table, written in the create's transaction,
 * so a create that fails leaves no key behind.
 */
export const KEY_LIFETIME_HOURS = 24;
export const IDEMPOTENCY_KEY_MAX = 100;

/** The `idempotencyKey` argument every create mutation takes. */
export function IdempotencyKeyArg() {
  return Arg("idempotencyKey", () => String, {
    nullable: true,
    description:
      `A client-generated key (e.g. a UUID, at most ${IDEMPOTENCY_KEY_MAX} characters) for this create attempt. Retrying with the same key ` +
      `within ${KEY_LIFETIME_HOURS} hours returns the record the first attempt created; the same key with a different input is CONFLICT.`,
  });
}

/** JSON with object keys sorted, so equal inputs hash equally whatever the field order. */
export function stableJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}

export const requestHash = (input: unknown): string => createHash("sha256").update(stableJson(input)).digest("hex");

/** Checks the shape of a key: absent, or 1..100 printable characters without spaces. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === undefined || key === null) return null;
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX || !/^[\x21-\x7E]+$/.test(key)) {
    const message = `کلید تکرارناپذیری باید ۱ تا ${new Intl.NumberFormat("fa-IR").format(IDEMPOTENCY_KEY_MAX)} نویسه لاتین بدون فاصله باشد.`;
    throw invalidInput([{ field: "idempotencyKey", message }]);
  }
  return key;
}

export const idempotencyConflict = () =>
  new AppError(
    ErrorCode.CONFLICT,
    "این کلید تکرارناپذیری پیش‌تر برای درخواستی با داده‌های دیگری به کار رفته است. برای درخواست تازه کلید تازه‌ای بفرستید.",
    { field: "idempotencyKey" },
  );

/**
 * Runs `create` (inside the caller's transaction `em`) at most once per (user, operation, key). A retry returns
 * `reread(firstId)`. Concurrent retries serialise on the key's primary key: the second waits for the first to
 * commit (then returns its record) or roll back (then creates).
 */
export async function idempotentCreate<T extends { id: string }>(
  em: EntityManager,
  ctx: RequestContext,
  operation: string,
  key: string | null | undefined,
  input: unknown,
  create: () => Promise<T>,
  reread: (id: string) => Promise<T | null>,
): Promise<T> {
  const checked = checkIdempotencyKey(key);
  if (checked === null) return create();
  const user = requireUser(ctx);
  const hash = requestHash(input);
  await em.query(`DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`, [
    KEY_LIFETIME_HOURS,
  ]);
  const claimed: unknown[] = await em.query(
    `INSERT INTO idempotency_key (user_id, operation, key, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, operation, key) DO NOTHING RETURNING key`,
    [user.id, operation, checked, hash],
  );
  if (claimed.length === 0) {
    const [first] = (await em.query(
      `SELECT entity_id, request_hash FROM idempotency_key WHERE user_id = $1 AND operation = $2 AND key = $3`,
      [user.id, operation, checked],
    )) as { entity_id: string | null; request_hash: string }[];
    if (!first || first.request_hash !== hash) throw idempotencyConflict();
    const again = first.entity_id ? await reread(first.entity_id) : null;
    if (again) return again;
    // The first record no longer exists (deleted since): report it rather than silently creating another.
    throw new AppError(
      ErrorCode.CONFLICT,
      "رکوردی که با این کلید ساخته شده بود دیگر وجود ندارد. برای ساختن دوباره کلید تازه‌ای بفرستید.",
      {
        field: "idempotencyKey",
      },
    );
  }
  const created = await create();
  await em.query(`UPDATE idempotency_key SET entity_id = $4 WHERE user_id = $1 AND operation = $2 AND key = $3`, [
    user.id,
    operation,
    checked,
    created.id,
  ]);
  return created;
}
