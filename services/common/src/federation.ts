import { buildSubgraphSchema } from "@apollo/subgraph";
import { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  defaultFieldResolver,
  GraphQLArgument,
  GraphQLFieldResolver,
  GraphQLInputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isObjectType,
} from "graphql";
import gql from "graphql-tag";
import merge from "lodash.merge";
import { withAccessRules } from "./access";
import { buildSchema, BuildSchemaOptions, createResolversMap, ResolversMap } from "type-graphql";
import { RequestContext } from "./context";
import { assertReadableArguments } from "./inputProblems";
import { DateTimeISOScalar, MARKING_SCALARS } from "./scalars";

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

/** Resolvers for `__resolveReference`, keyed by entity type name. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: any, context: any, info: GraphQLResolveInfo) => unknown }
>;

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
    scalarsMap: [{ type: Date, scalar: DateTimeISOScalar }, ...(options.scalarsMap ?? [])],
    skipCheck: true,
  });
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: merge(
      guardNestedArguments(schema, guardRootFields(schema, createResolversMap(schema))),
      referenceResolvers,
    ) as GraphQLResolverMap<unknown>,
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
      if (typeof resolve !== "function")
        throw new Error(`Root field ${type.name}.${name} has no plain resolver to guard.`);
      fields[name] = withAccessRules(resolve as GraphQLFieldResolver<unknown, RequestContext>);
    }
  }
  return resolvers;
}

/**
 * Nested fields are not wrapped by the access rules, so the few that take a date argument (directly or inside an
 * input object) check their arguments themselves: an unreadable value is BAD_USER_INPUT, never a value that
 * reaches SQL. Only those fields are wrapped (see scalars.ts for why scalars mark instead of throwing).
 */
function guardNestedArguments(schema: GraphQLSchema, resolvers: ResolversMap): ResolversMap {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type.name) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => argumentMayMark(arg))) continue;
      const fields = (resolvers[type.name] ??= {}) as Record<string, unknown>;
      const resolve = (fields[field.name] ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>;
      fields[field.name] = (
        source: unknown,
        args: unknown,
        context: RequestContext,
        info: Parameters<GraphQLFieldResolver<unknown, RequestContext>>[3],
      ) => {
        assertReadableArguments(args);
        return resolve(source, args as Record<string, unknown>, context, info);
      };
    }
  }
  return resolvers;
}

function argumentMayMark(arg: GraphQLArgument): boolean {
  return inputMayMark(arg.type, new Set());
}

function inputMayMark(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (MARKING_SCALARS.has(named.name)) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => inputMayMark(field.type, seen));
}
