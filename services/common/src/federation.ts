import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import merge from "lodash.merge";
import { withAccessRules } from "./access";
import { buildSchema, BuildSchemaOptions, createResolversMap, ResolversMap } from "type-graphql";
import { RequestContext } from "./context";

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
  const schema = await buildSchema({ validate: false, ...options, skipCheck: true });
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: merge(guardRootFields(schema, createResolversMap(schema)), referenceResolvers) as GraphQLResolverMap<unknown>,
  });
}

/**
 * Every root query and mutation passes the access rules first (deny by default; see access.ts). Done on the
 * resolver map rather than as a type-graphql global middleware, which would wrap every field of every object in
 * an extra async call (measured: most of the time of large nested answers went to those promises).
 */
function guardRootFields(schema: GraphQLSchema, resolvers: ResolversMap): ResolversMap {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    const fields = (resolvers[type.name] ??= {}) as Record<string, unknown>;
    for (const name of Object.keys(type.getFields())) {
      const resolve = fields[name] ?? defaultFieldResolver;
      if (typeof resolve !== "function") throw new Error(`Root field ${type.name}.${name} has no plain resolver to guard.`);
      fields[name] = withAccessRules(resolve as GraphQLFieldResolver<unknown, RequestContext>);
    }
  }
  return resolvers;
}
