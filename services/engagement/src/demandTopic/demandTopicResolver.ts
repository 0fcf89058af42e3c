import { Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
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
  paginate,
  recordAudit,
  RequestContext,
  Role,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Demand } from "../entities/Demand";
import { DemandTopic } from "../entities/DemandTopic";
import { demandTopicById } from "../loaders";
import { trimOrNull } from "../resolvers/common";
import {
  DemandTopicCreateInput,
  DemandTopicFilter,
  DemandTopicPage,
  DemandTopicUpdateInput,
} from "./demandTopicInputs";
import { demandTopicByCode } from "./demandTopicLoaders";
import { checkTopicInput, DEMAND_TOPIC_CONSTRAINTS } from "./demandTopicRules";

const SORTABLE = { sortOrder: "topic.sortOrder", name: "topic.nameNormalized", code: "topic.code" };
const LABEL = "دسته مطالبه";

/** Reference data: not territorial, audited with no territory. */
const topicAudit = (
  em: EntityManager,
  ctx: RequestContext,
  action: string,
  before: DemandTopic | null,
  after: DemandTopic | null,
) => recordAudit(em, ctx, { action, entityType: "DemandTopic", entityId: (after ?? before)!.id, before, after });

async function lockedTopic(em: EntityManager, id: string): Promise<DemandTopic> {
  const topic = isUuid(id)
    ? await em.findOne(DemandTopic, { where: { id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!topic) throw notFound(LABEL, id);
  return topic;
}

@Resolver(() => DemandTopic)
export class DemandTopicResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => DemandTopicPage, {
    description:
      "The catalogue of demand categories (دسته‌های مطالبه), by `sortOrder`; sortable by `sortOrder`, `name`, `code`.",
  })
  demandTopics(
    @Ctx() ctx: RequestContext,
    @FilterArg(DemandTopicFilter) filter: DemandTopicFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<DemandTopicPage> {
    const query = ctx.db.getRepository(DemandTopic).createQueryBuilder("topic");
    if (filter?.ids) query.andWhere("topic.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.active !== undefined && filter.active !== null)
      query.andWhere("topic.active = :active", { active: filter.active });
    if (filter?.q)
      query.andWhere("(topic.nameNormalized LIKE :q OR lower(topic.code) LIKE lower(:code))", {
        q: containsPattern(filter.q),
        code: `%${filter.q.trim()}%`,
      });
    return paginate(query, page, SORTABLE, { field: "sortOrder", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => DemandTopic, { nullable: true, description: "One demand category by id." })
  demandTopic(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<DemandTopic | null> {
    return demandTopicById(ctx).load(id);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => DemandTopic, { description: "Administrators: add a demand category to the catalogue." })
  createDemandTopic(
    @Ctx() ctx: RequestContext,
    @InputArg(DemandTopicCreateInput) input: DemandTopicCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<DemandTopic> {
    return inTransaction(ctx.db, DEMAND_TOPIC_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createDemandTopic",
        idempotencyKey,
        input,
        async () => {
          checkTopicInput(input, true);
          const last = await em
            .createQueryBuilder(DemandTopic, "topic")
            .select("coalesce(max(topic.sortOrder), 0)", "max")
            .getRawOne<{ max: number }>();
          const saved = await em.save(
            em.create(DemandTopic, {
              code: input.code.trim(),
              name: tidyDisplayText(input.name),
              nameNormalized: normalizePersian(input.name),
              description: trimOrNull(input.description),
              sortOrder: input.sortOrder ?? Number(last?.max ?? 0) + 1,
              active: true,
            }),
          );
          await topicAudit(em, ctx, "createDemandTopic", null, saved);
          return saved;
        },
        (id) => em.findOneBy(DemandTopic, { id }),
      ),
    );
  }

  @Allow([Role.ADMIN])
  @Mutation(() => DemandTopic, {
    description: "Administrators: rename, describe, reorder or retire a demand category (the code never changes).",
  })
  updateDemandTopic(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(DemandTopicUpdateInput) input: DemandTopicUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<DemandTopic> {
    return inTransaction(ctx.db, DEMAND_TOPIC_CONSTRAINTS, async (em) => {
      const topic = await lockedTopic(em, id);
      claimForWrite(topic, ctx, expectedVersion, LABEL);
      const before = { ...topic } as DemandTopic;
      checkTopicInput(input, false);
      if (input.name !== undefined)
        Object.assign(topic, { name: tidyDisplayText(input.name), nameNormalized: normalizePersian(input.name) });
      if (input.description !== undefined) topic.description = trimOrNull(input.description);
      if (input.sortOrder !== undefined && input.sortOrder !== null) topic.sortOrder = input.sortOrder;
      if (input.active !== undefined && input.active !== null) topic.active = input.active;
      const saved = await em.save(topic);
      await topicAudit(em, ctx, "updateDemandTopic", before, saved);
      return saved;
    });
  }

  @Allow([Role.ADMIN])
  @Mutation(() => DemandTopic, {
    description:
      "Administrators: delete a demand category no demand uses (CONFLICT otherwise: retire it instead); returns it as it was.",
  })
  deleteDemandTopic(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<DemandTopic> {
    return inTransaction(ctx.db, DEMAND_TOPIC_CONSTRAINTS, async (em) => {
      const topic = await lockedTopic(em, id);
      const uses = await em
        .createQueryBuilder(Demand, "demand")
        .where("demand.topicId = :id OR (demand.topicId IS NULL AND demand.category = :code)", { id, code: topic.code })
        .getCount();
      if (uses > 0) throw new AppError(ErrorCode.CONFLICT, DEMAND_TOPIC_CONSTRAINTS.demand_topic_fk, { id, uses });
      await em.delete(DemandTopic, { id });
      await topicAudit(em, ctx, "deleteDemandTopic", topic, null);
      return Object.assign(new DemandTopic(), topic);
    });
  }
}

/** A demand's catalogue category: its own, or (written without one) the category of its enum's code. */
@Resolver(() => Demand)
export class DemandTopicOfDemandResolver {
  @FieldResolver(() => DemandTopic, { nullable: true, description: "The demand's category in the catalogue." })
  async topic(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<DemandTopic | null> {
    return demand.topicId ? demandTopicById(ctx).load(demand.topicId) : demandTopicByCode(ctx).load(demand.category);
  }

  @FieldResolver(() => ID, { nullable: true, description: "Id of the demand's category in the catalogue." })
  async topicId(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<string | null> {
    return demand.topicId ?? (await demandTopicByCode(ctx).load(demand.category))?.id ?? null;
  }
}
