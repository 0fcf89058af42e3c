import { Args, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver, FieldResolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  claimForWrite,
  containsPattern,
  ErrorCode,
  ExpectedVersionArg,
  FilterArg,
  IdArg,
  IdempotencyKeyArg,
  idempotentCreate,
  InputArg,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  Validator,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { SavedQuery } from "../entities/SavedQuery";
import {
  canSeeSavedQuery,
  checkQueryDocument,
  checkVariables,
  SAVED_QUERY_LABEL,
  territoryOf,
  visibleSql,
} from "./savedQueryRules";

@ObjectType({ description: "A page of saved queries." })
export class SavedQueryPage extends PageOf(SavedQuery) {}

@InputType({ description: "Filter saved queries." })
export class SavedQueryFilter {
  @Field({ nullable: true, description: "Search in the name and description (spelling variants match)." })
  q?: string;

  @Field({ nullable: true, description: "true: only your own; false: only those shared with you by others." })
  mine?: boolean;
}

@InputType({ description: "A query to save." })
export class SavedQueryCreateInput {
  @Field({ description: "Name (1–100 characters), unique among your saved queries." })
  name!: string;

  @Field({ nullable: true, description: "What the query answers." })
  description?: string;

  @Field({ description: "The GraphQL document: query operations only." })
  query!: string;

  @Field({ nullable: true, description: "Variables as a JSON object text." })
  variables?: string;

  @Field({ defaultValue: false, description: "Share with every user of your territory." })
  shared: boolean = false;
}

@InputType({ description: "Changes to a saved query; omitted fields keep their value." })
export class SavedQueryUpdateInput {
  @Field({ nullable: true, description: "New name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "New description; null clears it." })
  description?: string | null;

  @Field({ nullable: true, description: "New GraphQL document." })
  query?: string;

  @Field(() => String, { nullable: true, description: "New variables (JSON object text); null clears them." })
  variables?: string | null;

  @Field({ nullable: true, description: "Share with your territory, or stop sharing." })
  shared?: boolean;
}

const CONSTRAINTS = {
  saved_query_owner_name_unique: "پرسشی با همین نام پیش‌تر ذخیره کرده‌اید؛ نام دیگری برگزینید.",
};

const SORTABLE = {
  name: "saved.nameNormalized",
  createdAt: "saved.createdAt",
  updatedAt: "saved.updatedAt",
  ownerUsername: "saved.ownerUsername",
};

function checkInput(input: {
  name?: string;
  description?: string | null;
  query?: string;
  variables?: string | null;
}): void {
  const v = new Validator();
  v.text(input.name, "name", "نام پرسش", { min: 1, max: 100, required: input.name !== undefined });
  v.text(input.description, "description", "توضیح", { max: 1000, required: false });
  checkQueryDocument(v, input.query);
  checkVariables(v, input.variables);
  v.done();
}

const blankToNull = (text: string | null | undefined) => (text && text.trim() ? text : null);

/** The saved query, locked, for a change by its owner: NOT_FOUND when the caller cannot see it, FORBIDDEN when not theirs. */
async function ownForWrite(em: EntityManager, ctx: RequestContext, id: string): Promise<SavedQuery> {
  const user = requireUser(ctx);
  const row = isUuid(id) ? await em.findOne(SavedQuery, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!row || !canSeeSavedQuery(user, row)) throw notFound(SAVED_QUERY_LABEL, id);
  if (row.ownerId !== user.id)
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "این پرسش را دیگری ذخیره و با شما هم‌رسانی کرده است؛ فقط خود او می‌تواند آن را تغییر دهد یا حذف کند. می‌توانید نسخه‌ای از آن را به نام خودتان ذخیره کنید.",
    );
  return row;
}

@Resolver(() => SavedQuery)
export class SavedQueryResolver {
  @Allow(ALL_ROLES)
  @Query(() => SavedQueryPage, {
    description: `Your saved queries and those shared with your territory, by name. Sortable by ${Object.keys(SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  savedQueries(
    @Ctx() ctx: RequestContext,
    @FilterArg(SavedQueryFilter) filter: SavedQueryFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<SavedQueryPage> {
    const user = requireUser(ctx);
    const visible = visibleSql(user, "saved");
    const query = ctx.db.getRepository(SavedQuery).createQueryBuilder("saved").where(visible.sql, visible.params);
    if (filter?.mine === true) query.andWhere("saved.ownerId = :viewerId");
    if (filter?.mine === false) query.andWhere("saved.ownerId <> :viewerId");
    if (filter?.q)
      query.andWhere("(saved.nameNormalized LIKE :q OR lower(coalesce(saved.description, '')) LIKE :q)", {
        q: containsPattern(filter.q),
      });
    return paginate(query, page, SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => SavedQuery, {
    nullable: true,
    description: "One saved query by id; empty unless yours or shared with you.",
  })
  async savedQuery(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<SavedQuery | null> {
    if (!isUuid(id)) return null;
    const row = await ctx.db.getRepository(SavedQuery).findOneBy({ id });
    return row && canSeeSavedQuery(requireUser(ctx), row) ? row : null;
  }

  @Allow(ALL_ROLES)
  @Mutation(() => SavedQuery, {
    description: "Save a query under a name; `shared` makes it visible to every user of your territory.",
  })
  createSavedQuery(
    @Ctx() ctx: RequestContext,
    @InputArg(SavedQueryCreateInput) input: SavedQueryCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<SavedQuery> {
    const user = requireUser(ctx);
    return inTransaction(ctx.db, CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createSavedQuery",
        idempotencyKey,
        input,
        async () => {
          checkInput(input);
          const saved = await em.save(
            em.create(SavedQuery, {
              ownerId: user.id,
              ownerUsername: user.username,
              name: tidyDisplayText(input.name),
              nameNormalized: normalizePersian(input.name),
              description: blankToNull(input.description),
              query: input.query,
              variables: blankToNull(input.variables),
              shared: input.shared ?? false,
              ...territoryOf(user),
              updatedBy: user.username,
            }),
          );
          await recordChange(em, ctx, "createSavedQuery", "SavedQuery", { before: null, after: saved });
          return saved;
        },
        (id) => em.findOneBy(SavedQuery, { id }),
      ),
    );
  }

  @Allow(ALL_ROLES)
  @Mutation(() => SavedQuery, { description: "Change one of your saved queries." })
  updateSavedQuery(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(SavedQueryUpdateInput) input: SavedQueryUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<SavedQuery> {
    return inTransaction(ctx.db, CONSTRAINTS, async (em) => {
      const row = await ownForWrite(em, ctx, id);
      const before = { ...row };
      claimForWrite(row, ctx, expectedVersion, SAVED_QUERY_LABEL);
      const v = new Validator();
      v.check(input.name !== null, "name", "نام پرسش را وارد کنید.");
      v.check(input.query !== null, "query", "متن پرسش را وارد کنید.");
      v.check(input.shared !== null, "shared", "هم‌رسانی باید بله یا خیر باشد.");
      v.done();
      checkInput({
        name: input.name ?? undefined,
        description: input.description,
        query: input.query ?? undefined,
        variables: input.variables,
      });
      if (input.name !== undefined) {
        row.name = tidyDisplayText(input.name);
        row.nameNormalized = normalizePersian(input.name);
      }
      if (input.description !== undefined) row.description = blankToNull(input.description);
      if (input.query !== undefined) row.query = input.query;
      if (input.variables !== undefined) row.variables = blankToNull(input.variables);
      if (input.shared !== undefined) row.shared = input.shared;
      const saved = await em.save(row);
      await recordChange(em, ctx, "updateSavedQuery", "SavedQuery", { before, after: saved });
      return saved;
    });
  }

  @Allow(ALL_ROLES)
  @Mutation(() => SavedQuery, { description: "Delete one of your saved queries; returns it as it was." })
  deleteSavedQuery(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<SavedQuery> {
    return inTransaction(ctx.db, CONSTRAINTS, async (em) => {
      const row = await ownForWrite(em, ctx, id);
      const before = { ...row };
      await em.remove(row);
      await recordChange(em, ctx, "deleteSavedQuery", "SavedQuery", { before, after: null });
      return { ...before, id } as SavedQuery;
    });
  }

  @FieldResolver(() => Boolean, { description: "Whether you saved it (and so may change or delete it)." })
  mine(@Root() row: SavedQuery, @Ctx() ctx: RequestContext): boolean {
    return row.ownerId === requireUser(ctx).id;
  }
}
