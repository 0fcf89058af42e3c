import { Args, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  claimForWrite,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  idempotentCreate,
  conflict,
  containsPattern,
  FilterArg,
  IdArg,
  inTransaction,
  InputArg,
  isUuid,
  normalizePersian,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  recordAudit,
  RequestContext,
  Role,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { fieldOfActivityTable } from "../loaders";
import { fa } from "../validation";

@ObjectType({ description: "A page of fields of activity." })
export class FieldOfActivityPage extends PageOf(FieldOfActivity) {}

@InputType({ description: "Filter fields of activity." })
export class FieldOfActivityFilter {
  @Field(() => [ID], { nullable: true, description: "Only these fields." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the Persian name or the code (spelling variants match)." })
  q?: string;

  @Field(() => [String], { nullable: true, description: "Only the fields with these codes." })
  codes?: string[];
}

@InputType({ description: "A new field of activity." })
export class FieldOfActivityCreateInput {
  @Field({ description: "Stable code in UPPER_SNAKE (Latin capitals, digits, `_`), e.g. `REFUGEES`." })
  code!: string;

  @Field({ description: "Persian name for display." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What the field covers." })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: "Position in pick lists; after the others when omitted." })
  sortOrder?: number | null;
}

@InputType({ description: "Changes to a field of activity; omitted fields keep their value." })
export class FieldOfActivityUpdateInput {
  @Field({
    nullable: true,
    description: "Stable code in UPPER_SNAKE. Change it only with care: imports and scripts use it.",
  })
  code?: string;

  @Field({ nullable: true, description: "Persian name for display." })
  name?: string;

  @Field(() => String, { nullable: true, description: "What the field covers; `null` clears it." })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: "Position in pick lists." })
  sortOrder?: number | null;
}

export const FIELD_CONSTRAINTS = {
  field_of_activity_code_unique: "حوزه فعالیت دیگری با همین کد وجود دارد.",
  field_of_activity_name_unique: "حوزه فعالیت دیگری با همین نام وجود دارد (با یکسان‌سازی نویسه‌ها).",
  ngo_field_field_fk:
    "این حوزه فعالیت به سمن‌هایی نسبت داده شده است و حذف نمی‌شود؛ ابتدا حوزه آن سمن‌ها را تغییر دهید.",
  ngo_capability_field_fk: "این حوزه فعالیت در توانمندی‌های سمن‌ها به کار رفته است و حذف نمی‌شود.",
  ngo_network_field_fk: "این حوزه فعالیت حوزه یک شبکه تشکل‌های همسو است و حذف نمی‌شود.",
};

const SORTABLE = {
  sortOrder: "field.sortOrder",
  name: "field.nameNormalized",
  code: "field.code",
  createdAt: "field.createdAt",
};

/** Fields of activity by id, from the in-memory copy (`fieldOfActivityTable`; reference data: no territory). */
export const fieldOfActivityById = (ctx: RequestContext) =>
  ctx.loaders.get<string, FieldOfActivity | null>("FieldOfActivityById", (ids) =>
    fieldOfActivityTable.byIds(ctx.db, ids),
  );

/** Audit entries of reference data have no territory. */
const auditField = (
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  before: FieldOfActivity | null,
  after: FieldOfActivity | null,
) => recordAudit(em, ctx, { action, entityType: "FieldOfActivity", entityId: (after ?? before)!.id, before, after });

@Resolver(() => FieldOfActivity)
export class FieldOfActivityResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => FieldOfActivityPage, {
    description: `Fields of activity (reference data, readable by staff and NGO representatives, who choose their NGO's fields). Sortable by ${Object.keys(
      SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}; by \`sortOrder\` by default.`,
  })
  async fieldsOfActivity(
    @Ctx() ctx: RequestContext,
    @FilterArg(FieldOfActivityFilter) filter: FieldOfActivityFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<FieldOfActivityPage> {
    const query = ctx.db.getRepository(FieldOfActivity).createQueryBuilder("field");
    if (filter?.ids) query.andWhere("field.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.codes)
      query.andWhere("field.code IN (:...codes)", {
        codes: filter.codes.length ? filter.codes.map((c) => c.trim().toUpperCase()) : [""],
      });
    if (filter?.q)
      query.andWhere("(field.nameNormalized LIKE :q OR lower(field.code) LIKE :q)", { q: containsPattern(filter.q) });
    return paginate(query, page, SORTABLE, { field: "sortOrder", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => FieldOfActivity, { nullable: true, description: "One field of activity by id." })
  fieldOfActivity(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<FieldOfActivity | null> {
    return fieldOfActivityById(ctx).load(id);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => FieldOfActivity, { description: "Add a field of activity to the taxonomy (administrators)." })
  async createFieldOfActivity(
    @Ctx() ctx: RequestContext,
    @InputArg(FieldOfActivityCreateInput) input: FieldOfActivityCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<FieldOfActivity> {
    return fieldOfActivityTable.afterWrite(ctx.db, () =>
      inTransaction(ctx.db, FIELD_CONSTRAINTS, (em) =>
        idempotentCreate(
          em,
          ctx,
          "createFieldOfActivity",
          idempotencyKey,
          input,
          async () => {
            const field = em.create(FieldOfActivity, { description: null });
            applyFieldInput(field, input);
            if (input.sortOrder === undefined || input.sortOrder === null) {
              const [{ max }] = await em.query(`SELECT coalesce(max(sort_order), 0) AS max FROM field_of_activity`);
              field.sortOrder = Number(max) + 10;
            }
            const saved = await em.save(field);
            await auditField(em, ctx, "createFieldOfActivity", null, saved);
            return saved;
          },
          (id) => em.findOneBy(FieldOfActivity, { id }),
        ),
      ),
    );
  }

  @Allow([Role.ADMIN])
  @Mutation(() => FieldOfActivity, { description: "Rename or re-describe a field of activity (administrators)." })
  async updateFieldOfActivity(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(FieldOfActivityUpdateInput) input: FieldOfActivityUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<FieldOfActivity> {
    return fieldOfActivityTable.afterWrite(ctx.db, () =>
      inTransaction(ctx.db, FIELD_CONSTRAINTS, async (em) => {
        const field = await findFieldForUpdate(em, ctx, id, expectedVersion);
        const before = { ...field };
        applyFieldInput(field, input);
        const saved = await em.save(field);
        await auditField(em, ctx, "updateFieldOfActivity", before, saved);
        return saved;
      }),
    );
  }

  @Allow([Role.ADMIN])
  @Mutation(() => FieldOfActivity, {
    description:
      "Delete a field of activity no NGO uses (administrators); returns it as it was. Refused while NGOs use it.",
  })
  async deleteFieldOfActivity(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<FieldOfActivity> {
    return fieldOfActivityTable.afterWrite(ctx.db, () =>
      inTransaction(ctx.db, FIELD_CONSTRAINTS, async (em) => {
        const field = await findFieldForUpdate(em, ctx, id);
        const [{ ngos, capabilities }] = await em.query(
          `SELECT (SELECT count(*) FROM ngo_field WHERE field_id = $1) AS ngos, (SELECT count(*) FROM ngo_capability WHERE field_id = $1) AS capabilities`,
          [id],
        );
        if (Number(ngos) > 0 || Number(capabilities) > 0) {
          throw conflict(
            `این حوزه فعالیت به ${fa(Number(ngos))} سمن و ${fa(Number(capabilities))} توانمندی نسبت داده شده است و حذف نمی‌شود؛ ابتدا آن‌ها را تغییر دهید.`,
            { ngos: Number(ngos), capabilities: Number(capabilities) },
          );
        }
        await em.delete(FieldOfActivity, { id });
        await auditField(em, ctx, "deleteFieldOfActivity", field, null);
        return Object.assign(new FieldOfActivity(), field, { id });
      }),
    );
  }
}

async function findFieldForUpdate(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<FieldOfActivity> {
  const field = isUuid(id)
    ? await em.findOne(FieldOfActivity, { where: { id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!field) throw notFound("حوزه فعالیت", id);
  return claimForWrite(field, ctx, expectedVersion, "حوزه فعالیت");
}

function applyFieldInput(field: FieldOfActivity, input: FieldOfActivityCreateInput | FieldOfActivityUpdateInput): void {
  const v = new Validator();
  const code = input.code?.trim().toUpperCase();
  if (input.code !== undefined)
    v.check(
      !!code && /^[A-Z][A-Z0-9_]{1,39}$/.test(code),
      "code",
      "کد حوزه باید با حروف بزرگ لاتین، رقم و _ نوشته شود (۲ تا ۴۰ نویسه)، مانند REFUGEES.",
    );
  if (input.name !== undefined) v.text(input.name, "name", "نام حوزه فعالیت", { min: 2, max: 100 });
  v.text(input.description, "description", "توضیح", { max: 1000, required: false });
  if (input.sortOrder !== undefined && input.sortOrder !== null)
    v.check(
      Number.isInteger(input.sortOrder) && input.sortOrder >= 0 && input.sortOrder <= 100000,
      "sortOrder",
      "ترتیب باید عددی صحیح و نامنفی باشد.",
    );
  v.done();
  if (code !== undefined) field.code = code;
  if (input.name !== undefined) {
    field.name = tidyDisplayText(input.name);
    field.nameNormalized = normalizePersian(input.name);
  }
  if (input.description !== undefined)
    field.description = input.description ? tidyDisplayText(input.description) : null;
  if (input.sortOrder !== undefined && input.sortOrder !== null) field.sortOrder = input.sortOrder;
}
