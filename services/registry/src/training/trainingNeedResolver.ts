import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  ErrorCode,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  uuidsForFilter,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Ngo } from "../entities/Ngo";
import { TrainingNeed } from "../entities/TrainingNeed";
import { ngoById } from "../loaders";
import { TrainingNeedDeclareInput, TrainingNeedFilter, TrainingNeedPage } from "./trainingInputs";
import { assertNeedEditable, checkedNeed, declarableYears } from "./trainingRules";
import { trainingSessionById, visibleNeeds } from "./trainingScopes";
import { TrainingSession } from "./TrainingSession";

const LABEL = "نیاز آموزشی";
export const NEED_CONSTRAINTS = {
  training_need_ngo_year_topic: "این موضوع آموزشی برای همین سال پیش‌تر اعلام شده است؛ همان نیاز را ویرایش کنید.",
};

const SORTABLE = {
  year: "need.year",
  topic: "need.topicNormalized",
  urgency: "need.urgency",
  status: "need.status",
  createdAt: "need.createdAt",
};

/** The NGO a representative speaks for (its territory for the audit log). */
async function ownNgo(em: EntityManager, ctx: RequestContext): Promise<Ngo> {
  const user = requireUser(ctx);
  const ngo = user.boundId ? await em.findOneBy(Ngo, { id: user.boundId }) : null;
  if (!ngo) throw new AppError(ErrorCode.FORBIDDEN, "سمنی که نماینده آن هستید در سامانه نیست.");
  return ngo;
}

/** One of the representative's own NGO's needs, locked; any other id is "not found". */
async function ownNeedForWrite(em: EntityManager, ngo: Ngo, id: string): Promise<TrainingNeed> {
  const need = isUuid(id)
    ? await em.findOne(TrainingNeed, { where: { id, ngoId: ngo.id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!need) throw notFound(LABEL, id);
  return need;
}

const audited = (need: TrainingNeed, ngo: Ngo) => ({ ...need, provinceId: ngo.provinceId, countyId: ngo.countyId });

/**
 * Training needs (docs/training.md): officials read their territory's (and keep editing them in the NGO profile);
 * an NGO representative declares, changes and withdraws its own NGO's needs while they are DECLARED.
 */
@Resolver(() => TrainingNeed)
export class TrainingNeedResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => TrainingNeedPage, {
    description: `Training needs of NGOs of the user's territory (an NGO representative: its own NGO's). Sortable by ${Object.keys(
      SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}; latest year first by default.`,
  })
  trainingNeeds(
    @Ctx() ctx: RequestContext,
    @FilterArg(TrainingNeedFilter) filter: TrainingNeedFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<TrainingNeedPage> {
    const query = visibleNeeds(ctx);
    if (filter?.ids) query.andWhere("need.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.ngoId) query.andWhere("need.ngoId IN (:...ngoIds)", { ngoIds: uuidsForFilter([filter.ngoId]) });
    if (filter?.sessionId)
      query.andWhere("need.sessionId IN (:...sessionIds)", { sessionIds: uuidsForFilter([filter.sessionId]) });
    if (filter?.year !== undefined) query.andWhere("need.year = :year", { year: filter.year });
    if (filter?.status) query.andWhere("need.status = :status", { status: filter.status });
    if (filter?.topic) query.andWhere("need.topicNormalized = :topic", { topic: normalizePersian(filter.topic) });
    if (filter?.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: filter.countyId });
    return paginate(query, page, SORTABLE, { field: "year", order: SortOrder.DESC });
  }

  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => TrainingNeed, {
    description:
      "An NGO representative declares a training need of its own NGO for the current or the next Jalali year (DECLARED).",
  })
  declareTrainingNeed(
    @Ctx() ctx: RequestContext,
    @InputArg(TrainingNeedDeclareInput) input: TrainingNeedDeclareInput,
  ): Promise<TrainingNeed> {
    return inTransaction(ctx.db, NEED_CONSTRAINTS, async (em) => {
      const content = checkedNeed(input, declarableYears());
      const ngo = await ownNgo(em, ctx);
      const last: { max: number | null } | undefined = await em
        .createQueryBuilder(TrainingNeed, "need")
        .select("max(need.sortOrder)", "max")
        .where("need.ngoId = :ngoId", { ngoId: ngo.id })
        .getRawOne();
      const saved = await em.save(
        em.create(TrainingNeed, { ...content, ngoId: ngo.id, sortOrder: (last?.max ?? -1) + 1, sessionId: null }),
      );
      await recordChange(em, ctx, "declareTrainingNeed", "TrainingNeed", { before: null, after: audited(saved, ngo) });
      return saved;
    });
  }

  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => TrainingNeed, {
    description:
      "An NGO representative changes one of its NGO's needs while it is DECLARED (INVALID_TRANSITION after).",
  })
  updateTrainingNeed(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(TrainingNeedDeclareInput) input: TrainingNeedDeclareInput,
  ): Promise<TrainingNeed> {
    return inTransaction(ctx.db, NEED_CONSTRAINTS, async (em) => {
      const ngo = await ownNgo(em, ctx);
      const need = await ownNeedForWrite(em, ngo, id);
      assertNeedEditable(need.status);
      const before = audited({ ...need }, ngo);
      Object.assign(need, checkedNeed(input, declarableYears()));
      const saved = await em.save(need);
      await recordChange(em, ctx, "updateTrainingNeed", "TrainingNeed", { before, after: audited(saved, ngo) });
      return saved;
    });
  }

  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => TrainingNeed, {
    description:
      "An NGO representative withdraws one of its NGO's needs while it is DECLARED; returns it as it was (INVALID_TRANSITION once planned or met).",
  })
  withdrawTrainingNeed(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<TrainingNeed> {
    return inTransaction(ctx.db, NEED_CONSTRAINTS, async (em) => {
      const ngo = await ownNgo(em, ctx);
      const need = await ownNeedForWrite(em, ngo, id);
      assertNeedEditable(need.status);
      const before = { ...need };
      await em.delete(TrainingNeed, { id: need.id });
      await recordChange(em, ctx, "withdrawTrainingNeed", "TrainingNeed", {
        before: audited(before, ngo),
        after: null,
      });
      return before;
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The NGO that declared the need." })
  ngo(@Root() need: TrainingNeed, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(need.ngoId);
  }

  @FieldResolver(() => TrainingSession, {
    nullable: true,
    description: "The session the need is planned in or was met by (empty when DECLARED).",
  })
  session(@Root() need: TrainingNeed, @Ctx() ctx: RequestContext): Promise<TrainingSession | null> | null {
    return need.sessionId ? trainingSessionById(ctx).load(need.sessionId) : null;
  }
}
