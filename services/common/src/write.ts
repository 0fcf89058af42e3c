import { Arg, Field, Int, ObjectType } from "type-graphql";
import { Column, EntityManager, ObjectLiteral } from "typeorm";
import { assertCanWrite, canRead, requireUser } from "./access";
import { RequestContext } from "./context";
import { AppError, ErrorCode, invalidInput, notFound } from "./errors";
import { isUuid } from "./ids";
import { TEHRAN } from "./jalali";

/**
 * Optimistic concurrency (README, "List convention"): every editable entity extends `Versioned` (and has its own
 * `updatedAt`). Every write path loads the row through `findForWrite` (or `claimForWrite`), which checks the version,
 * raises it by one and stamps the writer, so the save that follows always writes exactly one increment; raw SQL
 * updates of these tables must do `version = version + 1` themselves. Update mutations take an optional `expectedVersion` argument: when given and
 * stale, the write is refused with CONFLICT naming who changed the record and when; when omitted (analysts'
 * scripts) the last write wins.
 */
@ObjectType({
  description: "Edit-tracking fields every editable record inherits (never a type of its own in the schema).",
})
export abstract class Versioned {
  @Field(() => Int, {
    description:
      "Edit counter: 1 when created, raised by one on every change. Send it back as `expectedVersion` when updating.",
  })
  @Column({ type: "integer", default: 1 })
  version!: number;

  @Field(() => String, {
    nullable: true,
    description: "Username of whoever last changed the record (null for seeded or imported data).",
  })
  @Column({ name: "updated_by", type: "text", nullable: true })
  updatedBy!: string | null;
}

/** The row shape a version check needs. */
export interface VersionStamp {
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

const TEHRAN_WHEN = new Intl.DateTimeFormat("fa-IR-u-ca-persian-nu-arabext", {
  timeZone: TEHRAN,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** «۱۴۰۵/۰۹/۱۵ ساعت ۱۸:۴۵» — a Jalali date and Tehran wall-clock time in Persian digits. */
export function persianDateTime(instant: Date): string {
  const parts = Object.fromEntries(TEHRAN_WHEN.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}/${parts.month}/${parts.day} ساعت ${parts.hour}:${parts.minute}`;
}

/** The CONFLICT of a stale `expectedVersion`; the extensions let a client show who/when and reload. */
export function staleVersion(label: string, row: VersionStamp): AppError {
  const who = row.updatedBy ? `«${row.updatedBy}»` : "کاربر دیگری";
  return new AppError(
    ErrorCode.CONFLICT,
    `این ${label} را ${who} در ${persianDateTime(row.updatedAt)} (به وقت تهران) تغییر داده است؛ ` +
      "تغییرات شما ذخیره نشد. رکورد را دوباره بارگیری کنید و تغییرات خود را دوباره اعمال کنید.",
    { currentVersion: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() },
  );
}

/** Refuses a stale `expectedVersion` (omitted = no check); checks the shape of a given one. */
export function assertVersion(row: VersionStamp, expectedVersion: number | null | undefined, label: string): void {
  if (expectedVersion === undefined || expectedVersion === null) return;
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw invalidInput([{ field: "expectedVersion", message: "نسخه رکورد باید عددی صحیح و مثبت باشد." }]);
  }
  if (row.version !== expectedVersion) throw staleVersion(label, row);
}

/**
 * Checks `expectedVersion` on a row loaded (and locked) for a write, then raises its version and records the acting
 * user, so the save that follows writes one increment (TypeORM sets `updatedAt` itself).
 */
export function claimForWrite<T extends VersionStamp>(
  row: T,
  ctx: RequestContext,
  expectedVersion: number | null | undefined,
  label: string,
): T {
  assertVersion(row, expectedVersion, label);
  row.version = row.version + 1;
  row.updatedBy = requireUser(ctx).username;
  return row;
}

type TerritorialRow = ObjectLiteral & { id: string; provinceId: string | null; countyId: string | null };

/**
 * The record, locked for the transaction, for a write by the current user. Outside the user's read territory it is
 * "not found" (as in reads); readable but outside the write territory it is FORBIDDEN; with a stale
 * `expectedVersion` it is CONFLICT. A versioned row comes back claimed (`claimForWrite`).
 */
export async function findForWrite<T extends TerritorialRow>(
  em: EntityManager,
  ctx: RequestContext,
  entity: new () => T,
  id: string,
  label: string,
  expectedVersion?: number | null,
): Promise<T> {
  const user = requireUser(ctx);
  const row = isUuid(id)
    ? ((await em.findOne(entity, { where: { id } as never, lock: { mode: "pessimistic_write" } })) as T | null)
    : null;
  if (!row || !canRead(user, row as never)) throw notFound(label, id);
  assertCanWrite(user, row as never);
  if ("version" in row) claimForWrite(row as unknown as VersionStamp, ctx, expectedVersion, label);
  return row;
}

/** The `expectedVersion` argument every update mutation takes (one convention, README "List convention"). */
export function ExpectedVersionArg() {
  return Arg("expectedVersion", () => Int, {
    nullable: true,
    description:
      "The `version` the client read. When given and the record has changed since, nothing is written and the answer is CONFLICT " +
      "(extensions: currentVersion, updatedBy, updatedAt). Omit it to overwrite regardless (scripts).",
  });
}
