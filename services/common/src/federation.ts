import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import merge from "lodash.merge";
import { enforceAccessRules } from "./access";
import { buildSchema, BuildSchemaOptions, createResolversMap } from "type-graphql";

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

/** Resolvers for `__resolveReference`, keyed by entity type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes (the type-graphql apollo-federation-2 example's
 * approach): type-graphql builds the schema, `@apollo/subgraph` adds `_entities`/`_service`.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    validate: false,
    ...options,
    // Every root field passes the access rules first (deny by default); see access.ts.
    globalMiddlewares: [enforceAccessRules, ...(options.globalMiddlewares ?? [])],
    skipCheck: true,
  });
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: merge(createResolversMap(schema), referenceResolvers) as GraphQLResolverMap<unknown>,
  });
}
