import { AppError, ErrorCode } from "@hamafza/common";
import {
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  GraphQLOutputType,
} from "graphql";
import { CellKind } from "./exportCells";
import { ExportRequest } from "./exportRequest";

/** One column of the file: where its value sits in an item, its header, and how it is written. */
export interface ExportColumn {
  path: string[];
  header: string;
  kind: CellKind;
  labels?: Record<string, string>;
}

/** What the export runs: one operation asked page by page, and the columns read from each item. */
export interface ExportPlan {
  /** The first page's query: items and `totalCount` (the export's size check and `x-total-count`). */
  query: string;
  /** The following pages' query: items only, so the subgraph runs no COUNT per page. */
  nextQuery: string;
  /** Whether the list is read page by page (`{ items, totalCount }` with `offset`/`limit`) or in one answer (`[T!]!`). */
  paged: boolean;
  /** The list's own arguments (filter, sort …); `offset` and `limit` are added per page. */
  variables: Record<string, unknown>;
  columns: ExportColumn[];
}

const refuse = (message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message);

const SCALAR_KINDS: Record<string, CellKind> = {
  Int: "number",
  Float: "number",
  Boolean: "boolean",
  Date: "date",
  DateTimeISO: "dateTime",
};

/** The item type of a paged list (`{ items: [T!]!, totalCount: Int! }`), or null when the field is not one. */
function pagedItemType(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  const page = getNamedType(field.type);
  if (!isObjectType(page)) return null;
  const { items, totalCount } = page.getFields();
  if (!items || !totalCount || !isListType(unwrapNonNull(items.type))) return null;
  const item = getNamedType(items.type);
  return isObjectType(item) ? item : null;
}

/** The item type of a plain list of objects (`[T!]!`, e.g. an analytics query), or null when the field is not one. */
function plainItemType(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  if (!isListType(unwrapNonNull(field.type))) return null;
  const item = getNamedType(field.type);
  return isObjectType(item) ? item : null;
}

function unwrapNonNull(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

interface SelectionTree {
  [field: string]: SelectionTree | true;
}

function selectionText(tree: SelectionTree): string {
  return Object.entries(tree)
    .map(([field, sub]) => (sub === true ? field : `${field} { ${selectionText(sub)} }`))
    .join(" ");
}

/**
 * Checks the request against the schema the caller sees and plans the operation: the list must be a paged root
 * query or a root query answering a plain list of objects (the analysts' queries: `meetingStatistics` …, read in
 * one answer), every column a path through single objects to a scalar, an enum, or a list of them.
 */
export function planExport(schema: GraphQLSchema, request: ExportRequest): ExportPlan {
  const root = schema.getQueryType()?.getFields()[request.list];
  const pagedType = root ? pagedItemType(root) : null;
  const itemType = pagedType ?? (root ? plainItemType(root) : null);
  if (!root || !itemType) throw refuse(`فهرستی به نام «${request.list}» برای خروجی وجود ندارد.`);
  const paged = pagedType !== null;
  const argNames = new Set(root.args.map((arg) => arg.name));
  if (paged && (!argNames.has("offset") || !argNames.has("limit")))
    throw refuse(`فهرست «${request.list}» صفحه‌بندی ندارد و خروجی از آن ممکن نیست.`);

  const tree: SelectionTree = {};
  const columns = request.columns.map((column): ExportColumn => {
    const path = column.field.split(".");
    let type: GraphQLObjectType = itemType;
    let node = tree;
    let kind: CellKind = "text";
    path.forEach((name, index) => {
      const field = type.getFields()[name];
      if (!field) throw refuse(`ستون «${column.field}» در فهرست «${request.list}» وجود ندارد.`);
      const named = getNamedType(field.type);
      const last = index === path.length - 1;
      if (last) {
        if (isObjectType(named))
          throw refuse(
            `ستون «${column.field}» خودش چند بخش دارد؛ یکی از بخش‌هایش را بخواهید (مثلاً «${column.field}.name»).`,
          );
        kind = isEnumType(named) ? "enum" : isScalarType(named) ? (SCALAR_KINDS[named.name] ?? "text") : "text";
        node[name] = true;
        return;
      }
      if (!isObjectType(named) || isListType(unwrapNonNull(field.type)))
        throw refuse(`ستون «${column.field}» از یک فهرست می‌گذرد و در یک خانه نمی‌گنجد.`);
      const next = node[name];
      node = next === undefined || next === true ? (node[name] = {}) : next;
      type = named;
    });
    return { path, header: column.header ?? column.field, kind, labels: column.labels };
  });

  const declared: string[] = paged ? ["$offset: Int!", "$limit: Int!"] : [];
  const passed: string[] = paged ? ["offset: $offset", "limit: $limit"] : [];
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.args ?? {})) {
    const arg = root.args.find((candidate) => candidate.name === name);
    if (!arg || (paged && (name === "offset" || name === "limit")))
      throw refuse(`فهرست «${request.list}» ورودی «${name}» را نمی‌پذیرد.`);
    if (value === undefined || value === null) continue;
    declared.push(`$${name}: ${arg.type.toString()}`);
    passed.push(`${name}: $${name}`);
    variables[name] = value;
  }
  // Pages are read by offset: a stable order on the key keeps deep pages cheap and never repeats or skips a row.
  const sortArg = root.args.find((candidate) => candidate.name === "sort");
  if (paged && sortArg && !("sort" in variables)) {
    declared.push(`$sort: ${sortArg.type.toString()}`);
    passed.push("sort: $sort");
    variables.sort = { field: "id", order: "ASC" };
  }
  const missing = root.args.find(
    (arg) =>
      isNonNullType(arg.type) &&
      arg.defaultValue === undefined &&
      !(arg.name in variables) &&
      !(paged && ["offset", "limit"].includes(arg.name)),
  );
  if (missing) throw refuse(`فهرست «${request.list}» بدون ورودی «${missing.name}» خوانده نمی‌شود.`);
  const head = declared.length ? `query HamafzaExport(${declared.join(", ")})` : "query HamafzaExport";
  const call = passed.length ? `${request.list}(${passed.join(", ")})` : request.list;
  const items = paged ? `items { ${selectionText(tree)} }` : selectionText(tree);
  const query = `${head} { ${call} { ${paged ? `totalCount ${items}` : items} } }`;
  return { query, nextQuery: `${head} { ${call} { ${items} } }`, paged, variables, columns };
}

/** The value at a column's path in one item (null when an object on the way is missing). */
export function valueAt(item: unknown, path: string[]): unknown {
  let current = item;
  for (const name of path) {
    if (current === null || current === undefined || typeof current !== "object") return null;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}
