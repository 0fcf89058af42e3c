import { EntityManager } from "typeorm";
import { recordAudit } from "../audit";
import { RequestContext } from "../context";
import { AppError, ErrorCode, notFound } from "../errors";
import { idempotentCreate } from "../idempotency";
import { isUuid, uuidsForFilter } from "../ids";
import { Page, PageArgs, paginate, SortableColumns, SortOrder } from "../list";
import { containsPattern, normalizePersian, tidyDisplayText, trimOrNull } from "../persian";
import { ReferenceTableCache } from "../referenceCache";
import { ConstraintMessages, inTransaction } from "../transaction";
import { Validator } from "../validation";
import { claimForWrite } from "../write";
import { CatalogueRow } from "./entry";
import { CatalogueCreateFields, CatalogueFilterInput, CatalogueUpdateFields } from "./inputs";

/** A catalogue code: UPPER_SNAKE, 2–40 characters. */
export const CATALOGUE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** What one managed catalogue is: its table, names, messages and what keeps an entry from being deleted. */
export interface CatalogueSpec<T extends CatalogueRow> {
  entity: new () => T;
  /** The GraphQL type name: the audit log's entity type and the suffix of `create…`/`update…`/`delete…`. */
  typeName: string;
  /** The query alias of the list (its sortable columns use it). */
  alias: string;
  /** Persian name of one entry, for NOT_FOUND and version conflicts (e.g. «آسیب اجتماعی»). */
  label: string;
  /** Persian label of the name field in input problems (e.g. «نام آسیب»). */
  nameLabel: string;
  /** A code shown as the example in the code's input problem (e.g. `ADDICTION`). */
  codeExample: string;
  /** Persian messages of the catalogue's constraints (its code and normalised-name uniqueness among them). */
  constraints: ConstraintMessages;
  /** The list's sortable fields (by `sortOrder` by default). */
  sortable: SortableColumns;
  /** How many records use the entry; an entry in use is not deleted (CONFLICT: retire it instead). */
  uses(em: EntityManager, entry: T): Promise<number>;
  /** The key in `constraints` of the foreign key from the records that use an entry: its message is the CONFLICT's. */
  usedBy: string;
  /** The in-memory copy of the table, forgotten after every write (`ReferenceTableCache` with change notices). */
  cache?: ReferenceTableCache<T>;
}

/**
 * The outline of a managed catalogue's queries and mutations: list and filter; create (next display order),
 * update (rename, describe, reorder, retire; the code never changes) and delete of an unused entry, each in one
 * transaction with its audit entry (reference data: no territory) and the cache forgotten after it.
 */
export class Catalogue<T extends CatalogueRow> {
  constructor(readonly spec: CatalogueSpec<T>) {}

  /** Checks an entry's fields (every problem at once). */
  check(input: Partial<CatalogueCreateFields & CatalogueUpdateFields>, creating: boolean): void {
    const v = new Validator();
    if (creating)
      v.check(
        CATALOGUE_CODE.test((input.code ?? "").trim()),
        "code",
        `کد باید با حروف بزرگ لاتین، رقم و _ نوشته شود (مثل ${this.spec.codeExample}).`,
      );
    if (creating || input.name !== undefined) v.text(input.name, "name", this.spec.nameLabel, { min: 2, max: 120 });
    v.text(input.description, "description", "شرح", { max: 1000, required: false });
    v.nonNegativeInt(input.sortOrder, "sortOrder", "ترتیب");
    v.done();
  }

  list(ctx: RequestContext, filter: CatalogueFilterInput | undefined, page: PageArgs): Promise<Page<T>> {
    const { alias } = this.spec;
    const query = ctx.db.getRepository(this.spec.entity).createQueryBuilder(alias);
    if (filter?.ids) query.andWhere(`${alias}.id IN (:...ids)`, { ids: uuidsForFilter(filter.ids) });
    if (filter?.active !== undefined && filter.active !== null)
      query.andWhere(`${alias}.active = :active`, { active: filter.active });
    if (filter?.q)
      query.andWhere(`(${alias}.nameNormalized LIKE :q OR lower(${alias}.code) LIKE lower(:code))`, {
        q: containsPattern(filter.q),
        code: `%${filter.q.trim()}%`,
      });
    return paginate(query, page, this.spec.sortable, { field: "sortOrder", order: SortOrder.ASC });
  }

  create(ctx: RequestContext, input: CatalogueCreateFields, idempotencyKey: string | null): Promise<T> {
    const { entity, typeName } = this.spec;
    return this.write(ctx, (em) =>
      idempotentCreate(
        em,
        ctx,
        `create${typeName}`,
        idempotencyKey,
        input,
        async () => {
          this.check(input, true);
          const last = await em
            .createQueryBuilder(entity, "entry")
            .select("coalesce(max(entry.sortOrder), 0)", "max")
            .getRawOne<{ max: number }>();
          const saved = await em.save(
            em.create(entity, {
              code: input.code.trim(),
              name: tidyDisplayText(input.name),
              nameNormalized: normalizePersian(input.name),
              description: trimOrNull(input.description),
              sortOrder: input.sortOrder ?? Number(last?.max ?? 0) + 1,
              active: true,
            } as T),
          );
          await this.audit(em, ctx, "create", null, saved);
          return saved;
        },
        (id) => em.findOneBy(entity, { id } as never),
      ),
    );
  }

  update(ctx: RequestContext, id: string, input: CatalogueUpdateFields, expectedVersion: number | null): Promise<T> {
    return this.write(ctx, async (em) => {
      const entry = claimForWrite(await this.locked(em, id), ctx, expectedVersion, this.spec.label);
      const before = { ...entry };
      this.check(input, false);
      if (input.name !== undefined)
        Object.assign(entry, { name: tidyDisplayText(input.name), nameNormalized: normalizePersian(input.name) });
      if (input.description !== undefined) entry.description = trimOrNull(input.description);
      if (input.sortOrder !== undefined && input.sortOrder !== null) entry.sortOrder = input.sortOrder;
      if (input.active !== undefined && input.active !== null) entry.active = input.active;
      const saved = await em.save(entry);
      await this.audit(em, ctx, "update", before, saved);
      return saved;
    });
  }

  /** Deletes an entry no record uses; returns it as it was. */
  delete(ctx: RequestContext, id: string): Promise<T> {
    return this.write(ctx, async (em) => {
      const entry = await this.locked(em, id);
      const uses = await this.spec.uses(em, entry);
      if (uses > 0) throw new AppError(ErrorCode.CONFLICT, this.spec.constraints[this.spec.usedBy], { id, uses });
      await em.delete(this.spec.entity, { id });
      await this.audit(em, ctx, "delete", entry, null);
      return Object.assign(new this.spec.entity(), entry);
    });
  }

  /** One write transaction (constraint violations explained), the in-memory copy forgotten once it is over. */
  private write<R>(ctx: RequestContext, work: (em: EntityManager) => Promise<R>): Promise<R> {
    const run = () => inTransaction(ctx.db, this.spec.constraints, work);
    return this.spec.cache ? this.spec.cache.afterWrite(ctx.db, run) : run();
  }

  private async locked(em: EntityManager, id: string): Promise<T> {
    const entry = isUuid(id)
      ? await em.findOne(this.spec.entity, { where: { id } as never, lock: { mode: "pessimistic_write" } })
      : null;
    if (!entry) throw notFound(this.spec.label, id);
    return entry;
  }

  /** Reference data: audited with no territory. */
  private audit(em: EntityManager, ctx: RequestContext, verb: string, before: T | null, after: T | null) {
    const { typeName } = this.spec;
    return recordAudit(em, ctx, {
      action: `${verb}${typeName}`,
      entityType: typeName,
      entityId: (after ?? before)!.id,
      before,
      after,
    });
  }
}
