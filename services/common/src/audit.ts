import { DataSource, EntityManager } from "typeorm";
import { RequestContext } from "./context";

/**
 * The append-only audit log. The identity service owns the table (its migration creates it with triggers that
 * refuse UPDATE, DELETE and TRUNCATE); every other service's database role may only INSERT into it, inside the
 * transaction of the change it records, so a rolled-back change leaves no entry and a committed one always does.
 */
export const AUDIT_TABLE = "identity.audit_entry";

export type AuditOutcome = "SUCCESS" | "DENIED" | "FAILED";

export interface AuditRecord {
  /** The mutation's name (`createNgo`) or an identity event (`LOGIN`, `LOGOUT`). */
  action: string;
  outcome?: AuditOutcome;
  entityType?: string;
  entityId?: string | null;
  provinceId?: string | null;
  countyId?: string | null;
  before?: object | null;
  after?: object | null;
  /** Defaults to the request's user; sign-in events name the account tried. */
  actor?: { id: string | null; username: string | null; role: string | null };
}

/** Writes one audit entry with the executor given (a transaction's manager, or the data source). */
export async function recordAudit(
  executor: DataSource | EntityManager,
  ctx: Pick<RequestContext, "user" | "service" | "requestId" | "clientAddress">,
  record: AuditRecord,
): Promise<void> {
  const actor = record.actor ?? {
    id: ctx.user?.id ?? null,
    username: ctx.user?.username ?? null,
    role: ctx.user?.role ?? null,
  };
  await executor.query(
    `INSERT INTO ${AUDIT_TABLE}
       (actor_id, actor_username, actor_role, action, outcome, service, entity_type, entity_id, province_id, county_id, before, after, client_address, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      actor.id,
      actor.username,
      actor.role,
      record.action,
      record.outcome ?? "SUCCESS",
      ctx.service,
      record.entityType ?? null,
      record.entityId ?? null,
      record.provinceId ?? null,
      record.countyId ?? null,
      auditSnapshot(record.before),
      auditSnapshot(record.after),
      ctx.clientAddress,
      ctx.requestId,
    ],
  );
}

/** Fields never copied into the log: derived search columns and secrets. */
const OMITTED = /Normalized$|^passwordHash$/;

/** A record's JSON form for the log (dates as ISO strings), or null. */
export function auditSnapshot(value: object | null | undefined): string | null {
  if (!value) return null;
  return JSON.stringify(value, (key, v) => (OMITTED.test(key) ? undefined : v));
}

/** Records a committed change of one territorial record: action, entity, territory, before and after. */
export function recordChange<T extends { id: string; provinceId: string | null; countyId?: string | null }>(
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  entityType: string,
  change: { before: T | null; after: T | null },
): Promise<void> {
  const subject = change.after ?? change.before!;
  return recordAudit(em, ctx, {
    action,
    entityType,
    entityId: subject.id,
    provinceId: subject.provinceId,
    countyId: subject.countyId ?? null,
    before: change.before,
    after: change.after,
  });
}
