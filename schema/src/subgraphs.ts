import { buildEngagementSchema } from "@hamafza/engagement";
import { buildEvaluationSchema } from "@hamafza/evaluation";
import { buildIdentitySchema } from "@hamafza/identity";
import { buildRegistrySchema } from "@hamafza/registry";
import { GraphQLSchema } from "graphql";

export interface SubgraphDefinition {
  name: string;
  /** Default URL written into the supergraph; the gateway can override it per environment. */
  url: string;
  buildSchema: () => Promise<GraphQLSchema>;
}

export const SUBGRAPHS: SubgraphDefinition[] = [
  { name: "registry", url: "http://127.0.0.1:4001/graphql", buildSchema: buildRegistrySchema },
  { name: "engagement", url: "http://127.0.0.1:4002/graphql", buildSchema: buildEngagementSchema },
  { name: "evaluation", url: "http://127.0.0.1:4003/graphql", buildSchema: buildEvaluationSchema },
  { name: "identity", url: "http://127.0.0.1:4004/graphql", buildSchema: buildIdentitySchema },
];
