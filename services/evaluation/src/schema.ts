import { buildFederatedSchema, RequestContext } from "@hamafza/common";
import { GraphQLSchema } from "graphql";
import { Manager } from "./entities/Manager";
import { ManagerScore } from "./entities/ManagerScore";
import { ManagerEvaluationResolver, ManagerScoreResolver, scoreById } from "./resolvers/managerScore";

export const evaluationEntities = [ManagerScore];

/** The evaluation subgraph schema; needs no database, so `npm run compose` can print it. */
export function buildEvaluationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [ManagerScoreResolver, ManagerEvaluationResolver], orphanedTypes: [Manager] },
    {
      ManagerScore: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => scoreById(ctx).load(ref.id) },
      Manager: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
