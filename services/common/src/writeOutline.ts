import { EntityManager, ObjectLiteral } from "typeorm";
import { assertCanWrite, requireUser } from "./access";
import { Role } from "./auth";
import { recordChange } from "./audit";
import { RequestContext } from "./context";
import { idempotentCreate } from "./idempotency";
import { ConstraintMessages, inTransaction } from "./transaction";
import { findForWrite } from "./write";

/** A territorial record as the write outline handles it. */
type WritableRow = { id: string; provinceId: string | null; countyId: string | null };

/** A list kept in its own table beside the record (members, operators), audited as one field of the record. */
export interface RelatedList<V> {
  /** The field name the list has in the audit log's before/after snapshots. */
  field: string;
  /** The record's current list, in a stable order. */
  read(em: EntityManager, id: string): Promise<V[]>;
  /** Replaces the record's list by `values`. */
  replace(em: EntityManager, id: string, values: V[]): Promise<void>;
}

/**
 * A related list of ids kept as rows of a link table (`owner` = the record's id, `value` = one id of the list), read
 * in id order; replacing it deletes the record's rows and inserts the new ones (e.g. a network's member NGOs).
 */
export function linkedIds<E extends ObjectLiteral>(
  field: string,
  entity: new () => E,
  owner: keyof E & string,
  value: keyof E & string,
): RelatedList<string> {
  return {
    field,
    read: async (em, id) =>
      (await em.find(entity, { where: { [owner]: id } as never, order: { [value]: "ASC" } as never })).map(
        (row) => row[value] as string,
      ),
    replace: async (em, id, values) => {
      await em.delete(entity, { [owner]: id } as never);
      if (values.length) await em.insert(entity, values.map((v) => ({ [owner]: id, [value]: v })) as never);
    },
  };
}

/** What the create/update/delete mutations of one entity share: its table, names and constraint messages. */
export interface Writable<T extends WritableRow, V = never> {
  entity: new () => T;
  /** The GraphQL type name: the audit log's entity type and the suffix of `create…`/`update…`/`delete…`. */
  typeName: string;
  /** Persian name of one record, for NOT_FOUND and CONFLICT messages (e.g. «طرح»). */
  label: string;
  /** Persian messages of the entity's unique and foreign-key constraints. */
  constraints: ConstraintMessages;
  /** The list kept beside the record, if any. */
  related?: RelatedList<V>;
  /**
   * The record's audit form when it is more than its row and related list (e.g. a meeting with its attendance and
   * officials): read when the record is loaded and again after the save.
   */
  audit?: (em: EntityManager, row: T) => Promise<WritableRow>;
  /**
   * Invited roles that may create such a record for the record they speak for: `build` checks their right itself
   * (e.g. an NGO representative filing a needs assessment for its own NGO), instead of the officers' territory rule.
   */
  createdByInvited?: Role[];
}

/** A record's audit form: its own (`audit`), or its fields plus its related list when it has one. */
async function auditForm<T extends WritableRow, V>(
  em: EntityManager,
  w: Writable<T, V>,
  row: T,
  list: V[] | undefined,
): Promise<WritableRow> {
  if (w.audit) return w.audit(em, row);
  return w.related ? { ...row, [w.related.field]: list ?? [] } : row;
}

/**
 * The create outline: in one transaction and at most once per idempotency key, `build` validates the input and
 * returns the new (unsaved) record with its related list (and what to write once it is saved); the record must lie
 * in the user's write territory (unless `createdByInvited` names the user's role); it is saved with its list and the
 * change is audited as `create<Type>`.
 */
export function createRecord<T extends WritableRow, V = never>(
  ctx: RequestContext,
  w: Writable<T, V>,
  request: { input: unknown; idempotencyKey: string | null },
  build: (
    em: EntityManager,
  ) => Promise<{ row: T; related?: V[]; afterSave?: (em: EntityManager, saved: T) => Promise<void> }>,
): Promise<T> {
  const operation = `create${w.typeName}`;
  return inTransaction(ctx.db, w.constraints, (em) =>
    idempotentCreate(
      em,
      ctx,
      operation,
      request.idempotencyKey,
      request.input,
      async () => {
        const { row, related, afterSave } = await build(em);
        const user = requireUser(ctx);
        if (!w.createdByInvited?.includes(user.role)) assertCanWrite(user, row);
        const saved = await em.save(row);
        if (w.related) await w.related.replace(em, saved.id, related ?? []);
        await afterSave?.(em, saved);
        await recordChange(em, ctx, operation, w.typeName, {
          before: null,
          after: await auditForm(em, w, saved, related),
        });
        return saved;
      },
      (id) => em.findOneBy(w.entity, { id } as never) as Promise<T | null>,
    ),
  );
}

/** The hooks of an update: `change` applies the input to the locked record. */
export interface UpdateSteps<T, V, P> {
  /** Runs first in the transaction, before the record is locked (e.g. reading a service's period locks). */
  prepare?: (em: EntityManager) => Promise<P>;
  /**
   * Validates and applies the change to `row` (loaded and locked by `findForWrite`; `before` is a copy of its
   * fields as loaded). Returns the related list after the change, or undefined to keep the current one unchanged (not rewritten).
   */
  change: (
    em: EntityManager,
    row: T,
    state: { prepared: P; current: V[] | undefined; before: T },
  ) => Promise<V[] | undefined | void>;
  /** Writes that need the saved record (lists in their own tables), before its audit form after the change is read. */
  afterSave?: (em: EntityManager, saved: T) => Promise<void>;
}

/**
 * The update outline: in one transaction, `prepare`, the record through `findForWrite` (territory, lock, version),
 * `change`, the write-territory check after the change, save, the related list rewritten when `change` returned
 * one, and the change audited as `update<Type>` with the record before and after.
 */
export function updateRecord<T extends WritableRow, V = never, P = undefined>(
  ctx: RequestContext,
  w: Writable<T, V>,
  target: { id: string; expectedVersion?: number | null },
  steps: UpdateSteps<T, V, P>,
): Promise<T> {
  return inTransaction(ctx.db, w.constraints, async (em) => {
    const prepared = (await steps.prepare?.(em)) as P;
    const row = await findForWrite(em, ctx, w.entity, target.id, w.label, target.expectedVersion);
    const current = w.related ? await w.related.read(em, target.id) : undefined;
    const loaded = { ...row };
    const before = await auditForm(em, w, loaded, current);
    const next = (await steps.change(em, row, { prepared, current, before: loaded })) ?? undefined;
    assertCanWrite(requireUser(ctx), row);
    const saved = await em.save(row);
    if (w.related && next !== undefined) await w.related.replace(em, target.id, next);
    await steps.afterSave?.(em, saved);
    await recordChange(em, ctx, `update${w.typeName}`, w.typeName, {
      before,
      after: await auditForm(em, w, saved, next ?? current),
    });
    return saved;
  });
}

/** The hooks of a delete: `guard` refuses the delete (by throwing) after the record is found and locked. */
export interface DeleteSteps<T, P> {
  /** Runs first in the transaction, before the record is locked (e.g. reading a service's period locks). */
  prepare?: (em: EntityManager) => Promise<P>;
  /** The entity's own refusals (period locks, references from other services), after the territory checks. */
  guard?: (em: EntityManager, row: T, prepared: P) => Promise<void> | void;
}

/**
 * The delete outline: in one transaction, `prepare`, the record through `findForWrite` (territory, lock), `guard`,
 * the delete (its related list goes with it by cascade), the change audited as `delete<Type>`, and the record
 * returned as it was.
 */
export function deleteRecord<T extends WritableRow, V = never, P = undefined>(
  ctx: RequestContext,
  w: Writable<T, V>,
  id: string,
  steps: DeleteSteps<T, P> = {},
): Promise<T> {
  return inTransaction(ctx.db, w.constraints, async (em) => {
    const prepared = (await steps.prepare?.(em)) as P;
    const row = await findForWrite(em, ctx, w.entity, id, w.label);
    await steps.guard?.(em, row, prepared);
    const list = w.related ? await w.related.read(em, id) : undefined;
    const before = await auditForm(em, w, row, list);
    await em.delete(w.entity, { id } as never);
    await recordChange(em, ctx, `delete${w.typeName}`, w.typeName, { before, after: null });
    return Object.assign(new w.entity(), row, { id });
  });
}
