import { buildFederatedSchema, RequestContext } from "@hamafza/common";
import { GraphQLSchema } from "graphql";
import { Manager } from "./entities/Manager";
import { ManagerScore } from "./entities/ManagerScore";
import { ManagerEvaluationResolver, ManagerScoreResolver, scoreById } from "./resolvers/managerScore";
import { EvaluationCycle } from "./entities/Cycle";
import { EvaluationAdjustment, EvaluationResult, EvaluationRun } from "./entities/Run";
import { EvaluationCycleResolver } from "./resolvers/cycle";
import { EvaluationResultResolver, EvaluationRunResolver, ManagerEvaluationResultResolver } from "./resolvers/run";
import { County, Province } from "./entities/Territory";
import { EvidenceLinksResolver } from "./resolvers/evidenceLinks";
import { IndicatorResultResolver } from "./resolvers/indicatorResult";
import { EvaluationObjection } from "./entities/Objection";
import { EvaluationObjectionResolver, ResultObjectionsResolver } from "./resolvers/objection";
import { CountyEvaluationResolver, ProvinceEvaluationResolver } from "./resolvers/summary";
import { AdjustmentPersonResolver, RunPersonResolver } from "./resolvers/people";

export const evaluationEntities = [
  ManagerScore,
  EvaluationCycle,
  EvaluationRun,
  EvaluationResult,
  EvaluationAdjustment,
  EvaluationObjection,
];

/** The evaluation subgraph schema; needs no database, so `npm run compose` can print it. */
export function buildEvaluationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ManagerScoreResolver,
        ManagerEvaluationResolver,
        EvaluationCycleResolver,
        EvaluationRunResolver,
        EvaluationResultResolver,
        ManagerEvaluationResultResolver,
        ProvinceEvaluationResolver,
        CountyEvaluationResolver,
        EvidenceLinksResolver,
        IndicatorResultResolver,
        EvaluationObjectionResolver,
        ResultObjectionsResolver,
        RunPersonResolver,
        AdjustmentPersonResolver,
      ],
      orphanedTypes: [Manager, Province, County],
    },
    {
      ManagerScore: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => scoreById(ctx).load(ref.id) },
      Manager: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Province: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      County: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
