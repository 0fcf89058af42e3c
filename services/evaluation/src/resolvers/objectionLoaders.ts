import { EVALUATORS, isUuid, RequestContext, requireUser, Role, whereInTerritory } from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { EvaluationObjection } from "../entities/Objection";

/** Cycles whose objections a manager sees: from UNDER_REVIEW on (nothing before review). */
const REVIEWED_CYCLE_IDS = `(SELECT c.id FROM evaluation_cycle c WHERE c.state IN ('UNDER_REVIEW', 'FINAL', 'PUBLISHED'))`;

/**
 * Objections the user may see: evaluators and administrators those of their territory; a manager their own, in
 * cycles under review or later; nobody else any. Every read (list, by id, `EvaluationResult.objections`) starts here.
 */
export function visibleObjections(ctx: RequestContext): SelectQueryBuilder<EvaluationObjection> {
  const user = requireUser(ctx);
  const query = whereInTerritory(ctx.db.getRepository(EvaluationObjection).createQueryBuilder("objection"), user, {
    province: "objection.provinceId",
    county: "objection.countyId",
    manager: "objection.managerId",
  });
  if (user.role === Role.MANAGER) query.andWhere(`objection.cycleId IN ${REVIEWED_CYCLE_IDS}`);
  else if (!EVALUATORS.includes(user.role)) query.andWhere("1 = 0");
  return query;
}

/** A manager's objections in a cycle, keyed `managerId|cycleId`, oldest first. */
export const objectionsByManagerCycle = (ctx: RequestContext) =>
  ctx.loaders.get<string, EvaluationObjection[]>("objectionsByManagerCycle", async (keys) => {
    const managers = [...new Set(keys.map((k) => k.split("|")[0]).filter(isUuid))];
    const rows = managers.length
      ? await visibleObjections(ctx)
          .andWhere("objection.managerId IN (:...managers)", { managers })
          .orderBy("objection.filedAt", "ASC")
          .addOrderBy("objection.id", "ASC")
          .getMany()
      : [];
    return keys.map((key) => rows.filter((o) => `${o.managerId}|${o.cycleId}` === key));
  });
