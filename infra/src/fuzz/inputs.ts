import fc from "fast-check";
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from "graphql";

/**
 * Hostile inputs for every operation of the live supergraph, built from its types with fast-check: every root
 * mutation, and every root query with a `filter` argument. Nothing here knows an operation by name, so a new
 * operation is covered the day it appears.
 */

/** Values that must never reach a resolver: refused at the edge (text) or by the scalars (days, instants). */
export const POISON = {
  text: ["\u0000", "نام\u0000", "a\ud800b", "\udc00", "x\u0007y", "\u001b[31m"],
  day: [
    "2025-02-30",
    "2025-13-01",
    "2025/01/01",
    "2025-1-1",
    "today",
    "۱۴۰۴-۰۱-۰۱",
    "+275760-09-13",
    "2025-01-01\u0000",
    "",
  ],
  instant: ["2025-02-30T10:00:00Z", "yesterday", "2025-01-01", "1404-01-01T00:00:00Z", "2025-01-01T25:00:00Z", ""],
};

/** Hostile but well-formed values: they reach the resolvers, which must refuse or accept them, never fail. */
const HOSTILE_TEXT = [
  "",
  " ",
  "   \t\n ",
  "'; DROP TABLE registry.ngo; --",
  "1' OR '1'='1",
  "%",
  "_",
  "\\",
  "<script>alert(1)</script>",
  "null",
  "undefined",
  "انجمن حمایت از كودكان كار",
  "سمن‌ها",
  "\u202Eمعکوس\u202C",
  "١٢٣٤٥",
  "۰۹۱۲۱۲۳۴۵۶۷",
  "😀".repeat(50),
  "ا".repeat(5000),
  "a".repeat(100_001),
  "ZANJAN_1",
  "x".repeat(41),
];
const HOSTILE_IDS = [
  "",
  " ",
  "0",
  "-1",
  "19",
  "1901",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "1; SELECT 1",
  "%",
  "a".repeat(300),
];
const HOSTILE_INTS = [0, -1, 1, 2_147_483_647, -2_147_483_648, 1300, 1404, 1451, 99_999, 201, 1000];
const HOSTILE_FLOATS = [0, -1, 1e308, -1e308, 1e-9, 100.0001, 99.99999, 12.5];
const VALID_DAYS = ["2025-03-21", "1999-12-31", "2199-12-31", "1900-01-01", "2026-03-20", "2030-01-01"];
const VALID_INSTANTS = ["2025-03-21T08:30:00Z", "2025-03-21T12:00:00+03:30", "2100-01-01T00:00:00Z"];

function scalarArbitrary(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case "ID":
      return fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.uuid());
    case "String":
      return fc.oneof(
        fc.constantFrom(...HOSTILE_TEXT),
        fc.string({ maxLength: 30 }),
        fc.string({ unit: "grapheme", maxLength: 20 }),
      );
    case "Int":
      return fc.oneof(fc.constantFrom(...HOSTILE_INTS), fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }));
    case "Float":
      return fc.oneof(fc.constantFrom(...HOSTILE_FLOATS), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case "Boolean":
      return fc.boolean();
    case "Date":
      return fc.constantFrom(...VALID_DAYS);
    case "DateTimeISO":
      return fc.constantFrom(...VALID_INSTANTS);
    default:
      return fc.constant(null);
  }
}

function valueArbitrary(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueArbitrary(type.ofType, depth);
  if (isListType(type)) return fc.array(valueArbitrary(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isScalarType(type)) return scalarArbitrary(type.name);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) model[field.name] = valueArbitrary(field.type, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(model, { requiredKeys: required });
  }
  return fc.constant(null);
}

export interface Operation {
  kind: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
}

/** Every root mutation, and every root query that takes a `filter` (the lists). */
export function fuzzedOperations(schema: GraphQLSchema): Operation[] {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({
    kind: "mutation" as const,
    field,
  }));
  const lists = Object.values(schema.getQueryType()?.getFields() ?? {})
    .filter((field) => field.args.some((arg) => arg.name === "filter"))
    .map((field) => ({ kind: "query" as const, field }));
  return [...mutations, ...lists];
}

/** The document of one operation with every argument as a variable. */
export function documentOf(operation: Operation): string {
  const { field } = operation;
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
  return `${operation.kind}${variables ? `(${variables})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

/** Variables for an operation: every required argument, optional ones half the time. */
export function variablesArbitrary(operation: Operation): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of operation.field.args) model[arg.name] = valueArbitrary(arg.type, 0);
  const required = operation.field.args
    .filter((arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined)
    .map((arg) => arg.name);
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

type Leaf = { path: (string | number)[]; scalar: string };

/** Paths of the text-like leaves (String, ID, Date, DateTimeISO) of a variables value, following its types. */
function leaves(type: GraphQLInputType, value: unknown, path: (string | number)[], out: Leaf[]) {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return leaves(type.ofType, value, path, out);
  if (isListType(type)) return (value as unknown[]).forEach((item, i) => leaves(type.ofType, item, [...path, i], out));
  if (isScalarType(type) && ["String", "ID", "Date", "DateTimeISO"].includes(type.name))
    out.push({ path, scalar: type.name });
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      leaves(field.type, (value as Record<string, unknown>)[field.name], [...path, field.name], out);
  }
}

/**
 * Puts one poison value at a text-like leaf chosen by `pick` (an index), so the request must be refused and the
 * database cannot change. Returns false when the variables have no such leaf.
 */
export function poison(
  operation: Operation,
  variables: Record<string, unknown>,
  pick: number,
  choice: number,
): boolean {
  const found: Leaf[] = [];
  for (const arg of operation.field.args) leaves(arg.type, variables[arg.name], [arg.name], found);
  if (!found.length) return false;
  const leaf = found[pick % found.length];
  const pool =
    leaf.scalar === "Date"
      ? [...POISON.day, ...POISON.text]
      : leaf.scalar === "DateTimeISO"
        ? [...POISON.instant, ...POISON.text]
        : POISON.text;
  let target: any = variables;
  for (const key of leaf.path.slice(0, -1)) target = target[key];
  target[leaf.path[leaf.path.length - 1]] = pool[choice % pool.length];
  return true;
}
