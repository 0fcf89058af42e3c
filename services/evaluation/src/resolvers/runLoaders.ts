import { groupByKeys, isUuid, RequestContext, requireUser, uuidKeyedLoader, whereInTerritory } from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { EvaluationAdjustment, EvaluationResult } from "../entities/Run";
import { publicationCondition, UNDER_REVIEW_CYCLE_IDS } from "./visibility";

/**
 * Results the user may see: within the territory (SQL; a manager: their own), and only published ones unless an
 * evaluator or administrator (a manager also their current result while the cycle is UNDER_REVIEW).
 */
export function visibleResults(ctx: RequestContext): SelectQueryBuilder<EvaluationResult> {
  const user = requireUser(ctx);
  const query = whereInTerritory(ctx.db.getRepository(EvaluationResult).createQueryBuilder("result"), user, {
    province: "result.provinceId",
    county: "result.countyId",
    manager: "result.managerId",
  });
  const published = publicationCondition(user.role, {
    publishedAt: "result.publishedAt",
    underReview: `(result.isCurrent AND result.cycleId IN ${UNDER_REVIEW_CYCLE_IDS})`,
  });
  if (published) query.andWhere(published);
  return query;
}

export function currentResultsOf(
  query: SelectQueryBuilder<EvaluationResult>,
  year: number,
): SelectQueryBuilder<EvaluationResult> {
  return query.andWhere("result.year = :currentYear AND result.isCurrent", { currentYear: year });
}

export const adjustmentsByResult = (ctx: RequestContext) =>
  uuidKeyedLoader<EvaluationAdjustment[]>(
    ctx,
    "adjustmentsByResult",
    async (ids) =>
      groupByKeys(
        ids,
        await ctx.db
          .getRepository(EvaluationAdjustment)
          .createQueryBuilder("a")
          .where("a.resultId IN (:...ids)", { ids })
          .orderBy("a.adjustedAt", "DESC")
          .addOrderBy("a.id", "DESC")
          .getMany(),
        (a) => a.resultId,
      ),
    [],
  );

export const currentResultByManagerYear = (ctx: RequestContext) =>
  ctx.loaders.get<string, EvaluationResult | null>("currentResultByManagerYear", async (keys) => {
    const byYear = new Map<number, string[]>();
    for (const key of keys) {
      const [id, year] = key.split("|");
      if (isUuid(id)) byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), id]);
    }
    const found = new Map<string, EvaluationResult>();
    for (const [year, ids] of byYear) {
      for (const r of await currentResultsOf(visibleResults(ctx), year)
        .andWhere("result.managerId IN (:...ids)", { ids })
        .getMany())
        found.set(`${r.managerId}|${year}`, r);
    }
    return keys.map((k) => found.get(k) ?? null);
  });
