import type { IntrospectionField, IntrospectionInputValue, IntrospectionObjectType, IntrospectionQuery } from "graphql";
import { buildOperation, pageSelection, type OperationKind } from "./documents";
import { buildSelection, includableLists } from "./selection";
import { TypeIndex, unwrapType } from "./typeIndex";

export interface Operation {
  field: string;
  kind: OperationKind;
  /** The document with the resource's default selection. */
  document: string;
  args: ReadonlyMap<string, IntrospectionInputValue>;
  /** The root field, to build the document again with another selection (`meta.include`). */
  root: IntrospectionField;
  /** Whether the result is a page (`{ items totalCount }`) rather than one record. */
  paged: boolean;
}

export interface ResourceModel {
  name: string;
  typeName: string;
  /** Fields of a list row: scalars, enums, scalar lists, `{ id name|title }` of single objects. */
  selection: string;
  /** Fields of one record (show, edit, the result of create and update): also its lists of non-resource objects. */
  detailSelection: string;
  /** Lists of other resources a record links to, by field name, that `meta.include` may add (`{ id name|title }`). */
  includable: ReadonlyMap<string, string>;
  list: Operation;
  filterFields: ReadonlyMap<string, IntrospectionInputValue>;
  one?: Operation;
  create?: Operation;
  update?: Operation;
  delete?: Operation;
}

export interface SchemaModel {
  types: TypeIndex;
  resources: ReadonlyMap<string, ResourceModel>;
}

interface RootFields {
  query: ReadonlyMap<string, IntrospectionField>;
  mutation: ReadonlyMap<string, IntrospectionField>;
}

/**
 * Item types of a paged list that are also parts of another record, edited in that record's form (an NGO's training
 * needs, in the NGO profile): their lists stay embedded in the parent's detail selection like non-resource lists.
 */
const RECORD_PARTS: ReadonlySet<string> = new Set(["TrainingNeed"]);

export function buildSchemaModel(introspection: IntrospectionQuery): SchemaModel {
  const schema = introspection.__schema;
  const types = new TypeIndex(schema.types);
  const roots: RootFields = {
    query: fieldMap(types.object(schema.queryType.name)),
    mutation: fieldMap(schema.mutationType ? types.object(schema.mutationType.name) : undefined),
  };
  const listFields = [...roots.query.values()].flatMap((field) => {
    const typeName = pageItemType(types, field);
    return typeName ? [{ field, typeName }] : [];
  });
  const resourceTypes = new Set(listFields.map((list) => list.typeName));
  const isResource = (typeName: string) => resourceTypes.has(typeName) && !RECORD_PARTS.has(typeName);
  const resources = listFields.map(({ field, typeName }) => buildResource(types, roots, field, typeName, isResource));
  return { types, resources: new Map(resources.map((resource) => [resource.name, resource])) };
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The operation's document with another record selection (paged operations wrap it in `items { … } totalCount`). */
export function operationDocument(operation: Operation, recordSelection: string): string {
  return buildOperation(
    operation.kind,
    operation.root,
    operation.paged ? pageSelection(recordSelection) : recordSelection,
  );
}

function fieldMap(type: IntrospectionObjectType | undefined): ReadonlyMap<string, IntrospectionField> {
  return new Map((type?.fields ?? []).map((field) => [field.name, field]));
}

function argMap(field: IntrospectionField): ReadonlyMap<string, IntrospectionInputValue> {
  return new Map(field.args.map((arg) => [arg.name, arg]));
}

function pageItemType(types: TypeIndex, field: IntrospectionField): string | undefined {
  const page = unwrapType(field.type);
  if (page.isList || page.kind !== "OBJECT") return undefined;
  const pageFields = fieldMap(types.object(page.name));
  const items = pageFields.get("items");
  if (!items || !pageFields.has("totalCount")) return undefined;
  const item = unwrapType(items.type);
  return item.isList && item.kind === "OBJECT" ? item.name : undefined;
}

function buildResource(
  types: TypeIndex,
  roots: RootFields,
  listField: IntrospectionField,
  typeName: string,
  isResource: (typeName: string) => boolean,
): ResourceModel {
  const selection = buildSelection(types, typeName);
  const detailSelection = buildSelection(types, typeName, { isResource, embedLists: true });
  const operation = (kind: "query" | "mutation", name: string, recordSelection: string, paged = false) => {
    const root = roots[kind].get(name);
    if (!root) return undefined;
    const result: Operation = { field: name, kind, root, paged, args: argMap(root), document: "" };
    return { ...result, document: operationDocument(result, recordSelection) };
  };
  return {
    name: listField.name,
    typeName,
    selection,
    detailSelection,
    includable: includableLists(types, typeName, isResource),
    list: operation("query", listField.name, selection, true)!,
    filterFields: filterFields(types, listField),
    one: operation("query", lowerFirst(typeName), detailSelection),
    create: operation("mutation", `create${typeName}`, detailSelection),
    update: operation("mutation", `update${typeName}`, detailSelection),
    // The record as it was: its parts may be gone with it.
    delete: operation("mutation", `delete${typeName}`, selection),
  };
}

function filterFields(types: TypeIndex, listField: IntrospectionField): ReadonlyMap<string, IntrospectionInputValue> {
  const filterArg = listField.args.find((arg) => arg.name === "filter");
  const filterType = filterArg && types.inputObject(unwrapType(filterArg.type).name);
  return new Map((filterType?.inputFields ?? []).map((field) => [field.name, field]));
}
