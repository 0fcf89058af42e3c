import { Args, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  byKeys,
  FilterArg,
  groupByKeys,
  IdArg,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  uuidKeyedLoader,
  uuidsForFilter,
  whereInTerritory,
} from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { Grade, ManagerScore } from "../entities/ManagerScore";
import { Manager } from "../entities/Manager";
import { publicationCondition, UNDER_REVIEW_YEARS } from "./visibility";

@ObjectType({ description: "A page of manager scores." })
export class ManagerScorePage extends PageOf(ManagerScore) {}

@InputType({ description: "Filter manager scores." })
export class ManagerScoreFilter {
  @Field(() => [ID], { nullable: true, description: "Only these score records." })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only scores of this manager." })
  managerId?: string;

  @Field(() => Int, { nullable: true, description: "Only scores of this Jalali year." })
  year?: number;

  @Field(() => Grade, { nullable: true, description: "Only scores in this grade band." })
  grade?: Grade;
}

const SCORE_SORTABLE = {
  total: "score.total",
  year: "score.year",
  grade: "score.grade",
  computedAt: "score.computedAt",
};

/**
 * The scores the user may see, as a query: within the user's territory (a manager: their own), and only published
 * ones unless the user is an evaluator or administrator (a manager also while the year's cycle is UNDER_REVIEW). Every read (list, by id, `Manager.scores`, `_entities`) starts here.
 */
function visibleScores(ctx: RequestContext): SelectQueryBuilder<ManagerScore> {
  const user = requireUser(ctx);
  const query = whereInTerritory(ctx.db.getRepository(ManagerScore).createQueryBuilder("score"), user, {
    province: "score.provinceId",
    county: "score.countyId",
    manager: "score.managerId",
  });
  const published = publicationCondition(user.role, {
    publishedAt: "score.publishedAt",
    underReview: `score.year IN ${UNDER_REVIEW_YEARS}`,
  });
  if (published) query.andWhere(published);
  return query;
}

export const scoreById = (ctx: RequestContext) =>
  uuidKeyedLoader<ManagerScore | null>(
    ctx,
    "scoreById",
    async (ids) =>
      byKeys(ids, await visibleScores(ctx).andWhere("score.id IN (:...ids)", { ids }).getMany(), (s) => s.id),
    null,
  );

const scoresByManager = (ctx: RequestContext) =>
  uuidKeyedLoader<ManagerScore[]>(
    ctx,
    "scoresByManager",
    async (managerIds) =>
      groupByKeys(
        managerIds,
        await visibleScores(ctx)
          .andWhere("score.managerId IN (:...managerIds)", { managerIds })
          .orderBy("score.year", "DESC")
          .getMany(),
        (s) => s.managerId,
      ),
    [],
  );

@Resolver(() => ManagerScore)
export class ManagerScoreResolver {
  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => ManagerScorePage, {
    description:
      "Manager scores of the user's territory (published ones only, except for evaluators and administrators; a manager: their own, published or while the cycle is UNDER_REVIEW), highest first by default. Sortable by `total`, `year`, `grade`, `computedAt`.",
  })
  managerScores(
    @Ctx() ctx: RequestContext,
    @FilterArg(ManagerScoreFilter) filter: ManagerScoreFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const query = visibleScores(ctx);
    if (filter?.ids) query.andWhere("score.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.managerId)
      query.andWhere("score.managerId = :managerId", { managerId: uuidsForFilter([filter.managerId])[0] });
    if (filter?.year) query.andWhere("score.year = :year", { year: filter.year });
    if (filter?.grade) query.andWhere("score.grade = :grade", { grade: filter.grade });
    return paginate(query, page, SCORE_SORTABLE, { field: "total", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => ManagerScore, {
    nullable: true,
    description: "One score record by id; empty when the user may not see it.",
  })
  managerScore(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<ManagerScore | null> {
    return scoreById(ctx).load(id);
  }

  @FieldResolver(() => Manager, { nullable: true, description: "The scored manager." })
  manager(@Root() score: ManagerScore): Manager {
    return { id: score.managerId };
  }
}

@Resolver(() => Manager)
export class ManagerEvaluationResolver {
  @FieldResolver(() => [ManagerScore], {
    nullable: true,
    description: "The manager's scores, latest year first (evaluation service).",
  })
  scores(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<ManagerScore[]> {
    return scoresByManager(ctx).load(manager.id);
  }
}
