import { Supergraph } from "@apollo/federation-internals";
import { Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import {
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
} from "graphql";
import { join } from "node:path";

/**
 * Schema discipline (README, "The list convention"): the public API schema of the supergraph must describe every
 * type, field, argument and enum value and follow one naming convention, and a change that breaks existing clients
 * must be acknowledged in CHANGELOG.md before it passes.
 */

/** The released contract: the API schema analysts' scripts were written against (`schema/released.graphql`). */
export const RELEASED_PATH = join(__dirname, "..", "released.graphql");

/** The schema clients see (no federation directives or join types): the supergraph's API schema. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

const BUILT_IN = new Set(["Query", "Mutation", "String", "Int", "Float", "Boolean", "ID"]);
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

const visible = (type: GraphQLNamedType) => !type.name.startsWith("__");

/** Every description missing and every name off the convention, as `Type.field(arg)` coordinates with the rule. */
export function lintSchema(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const describe = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) problems.push(`${coordinate}: no description`);
  };
  const name = (coordinate: string, value: string, rule: RegExp, label: string) => {
    if (!rule.test(value)) problems.push(`${coordinate}: not ${label}`);
  };
  for (const type of Object.values(schema.getTypeMap()).filter(visible)) {
    if (BUILT_IN.has(type.name)) {
      if (!isScalarType(type)) checkFields(type.name);
      continue;
    }
    describe(type.name, type.description);
    name(type.name, type.name, PASCAL, "PascalCase");
    checkFields(type.name);
  }
  return problems;

  function checkFields(typeName: string) {
    const type = schema.getType(typeName)!;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        describe(coordinate, field.description);
        name(coordinate, field.name, CAMEL, "camelCase");
        for (const arg of "args" in field ? field.args : []) {
          describe(`${coordinate}(${arg.name})`, arg.description);
          name(`${coordinate}(${arg.name})`, arg.name, CAMEL, "camelCase");
        }
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) {
        describe(`${type.name}.${value.name}`, value.description);
        name(`${type.name}.${value.name}`, value.name, UPPER_SNAKE, "UPPER_SNAKE");
      }
  }
}

/** The changes from `released` to `current` that break existing clients (a field removed, an argument made required …). */
export async function breakingChanges(released: GraphQLSchema, current: GraphQLSchema): Promise<Change[]> {
  return (await diff(released, current)).filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/**
 * The `## Unreleased` section of CHANGELOG.md: from that heading to the next `## ` heading (empty when absent).
 * A breaking change is acknowledged there when its schema coordinate (e.g. `Query.ngos.filter`) appears in backticks.
 */
export function unreleasedSection(changelog: string): string {
  const start = changelog.search(/^## Unreleased\b/m);
  if (start < 0) return "";
  const rest = changelog.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The breaking changes whose coordinate the changelog's Unreleased section does not name. */
export function unacknowledged(changes: Change[], changelog: string): Change[] {
  const section = unreleasedSection(changelog);
  return changes.filter((change) => !change.path || !section.includes(`\`${change.path}\``));
}
