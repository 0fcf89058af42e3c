import { recordChange, RequestContext, requireUser, tidyDisplayText } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { EvaluationAdjustment, EvaluationResult } from "../entities/Run";

/**
 * Saves and audits an evaluator's adjustment of a result (inside the caller's transaction, the result's cycle
 * checked by the caller): `adjustEvaluationScore`, and an objection accepted with an adjustment.
 */
export async function saveAdjustment(
  em: EntityManager,
  ctx: RequestContext,
  result: EvaluationResult,
  points: number,
  justification: string,
  action = "adjustEvaluationScore",
): Promise<EvaluationAdjustment> {
  const saved = await em.save(
    em.create(EvaluationAdjustment, {
      resultId: result.id,
      managerId: result.managerId,
      points,
      justification: tidyDisplayText(justification),
      adjustedBy: requireUser(ctx).username,
      provinceId: result.provinceId,
      countyId: result.countyId,
    }),
  );
  await recordChange(em, ctx, action, "EvaluationAdjustment", {
    before: null,
    after: { ...saved, computedTotal: result.total },
  });
  return saved;
}
