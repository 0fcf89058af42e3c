import type { IntrospectionInputValue, IntrospectionTypeRef } from "graphql";
import type { Operation, ResourceModel } from "./schemaModel";
import { TypeIndex, unwrapType } from "./typeIndex";

export const MAX_LIMIT = 200;

export interface SortParams {
  field: string;
  order: string;
}

export type Values = Record<string, unknown>;

export function buildFilter(resource: ResourceModel, raFilter: Values = {}): Values | undefined {
  const fields = resource.filterFields;
  const entries = Object.entries(withIds(fields, raFilter)).filter(
    ([key, value]) => fields.has(key) && !isEmptyFilterValue(value),
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function withIds(fields: ReadonlyMap<string, IntrospectionInputValue>, filter: Values): Values {
  if (filter.id === undefined || fields.has("id") || !fields.has("ids")) return filter;
  const { id, ...rest } = filter;
  return { ...rest, ids: Array.isArray(id) ? id : [id] };
}

function isEmptyFilterValue(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

export function listVariables(
  resource: ResourceModel,
  filter: Values | undefined,
  sort: SortParams | undefined,
  range?: { offset: number; limit: number },
): Values {
  const args = resource.list.args;
  const variables: Values = {};
  if (filter && args.has("filter")) variables.filter = filter;
  if (sort?.field && args.has("sort")) variables.sort = { field: sort.field, order: sortOrder(sort.order) };
  if (range && args.has("offset")) variables.offset = range.offset;
  if (range && args.has("limit")) variables.limit = Math.min(range.limit, MAX_LIMIT);
  return variables;
}

function sortOrder(order: string): "ASC" | "DESC" {
  return order.toUpperCase() === "DESC" ? "DESC" : "ASC";
}

export function inputTypeName(operation: Operation): string | undefined {
  const input = operation.args.get("input");
  return input && unwrapType(input.type).name;
}

const SKIP = Symbol("skip");

/**
 * The values of `data` the input type takes, recursively. The record's own `id` travels as the mutation's `id`
 * argument, never in its input; items of nested lists keep theirs (e.g. a board member's id, to keep that record).
 */
export function sanitizeInput(types: TypeIndex, typeName: string, data: Values, nested = false): Values {
  const fields = types.inputObject(typeName)?.inputFields ?? [];
  const result: Values = {};
  for (const field of fields) {
    if ((field.name === "id" && !nested) || !(field.name in data)) continue;
    const value = sanitizeValue(types, field.type, data[field.name]);
    if (value !== SKIP) result[field.name] = value;
  }
  return result;
}

function sanitizeValue(types: TypeIndex, ref: IntrospectionTypeRef, value: unknown): unknown {
  if (value === undefined) return SKIP;
  const target = unwrapType(ref);
  const nested = target.kind === "INPUT_OBJECT";
  if (Array.isArray(value)) return sanitizeList(types, target.name, nested, value);
  if (isPlainObject(value)) return nested ? sanitizeInput(types, target.name, value, true) : SKIP;
  return value;
}

function sanitizeList(types: TypeIndex, typeName: string, nested: boolean, values: unknown[]): unknown {
  if (!nested) return values.filter((value) => !isPlainObject(value));
  return values.filter(isPlainObject).map((value) => sanitizeInput(types, typeName, value, true));
}

function isPlainObject(value: unknown): value is Values {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
