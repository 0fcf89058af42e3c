import type { IntrospectionField } from "graphql";
import { hasRequiredArgs, isLeafKind, TypeIndex, unwrapType } from "./typeIndex";

const REFERENCE_LABEL_FIELDS = ["name", "title"];
/** A person the API names beside a record (who recorded a progress update: `Person`) has no id, only a name. */
const PERSON_NAME_FIELD = "displayName";

export interface SelectionOptions {
  /**
   * Whether a type is a resource of its own (the item type of a paged list query). Lists of resources are left out
   * (they may be large, or owned by another service) and can be asked for by name (`includableLists`); lists of
   * other objects (board members, a licence's history …) are parts of the record.
   */
  isResource?: (typeName: string) => boolean;
  /** Select the lists of non-resource objects too (detail pages and forms); list rows leave them out. */
  embedLists?: boolean;
}

/**
 * The fields of a record: scalars, enums and their lists, `{ id name|title }` of single objects (`{ displayName }`
 * of a person, who has no id) and, with
 * `embedLists`, the lists of non-resource objects with their own scalars and single objects.
 */
export function buildSelection(types: TypeIndex, typeName: string, options: SelectionOptions = {}): string {
  const fields = types.fieldsOf(typeName).filter((field) => !hasRequiredArgs(field));
  // Embedded lists last, so a record's detail selection is its row selection followed by its lists, whatever the
  // order in which the subgraphs contribute the type's fields.
  const isEmbeddedList = (field: IntrospectionField) =>
    unwrapType(field.type).isList && !isLeafKind(unwrapType(field.type).kind);
  return [...fields.filter((field) => !isEmbeddedList(field)), ...fields.filter(isEmbeddedList)]
    .map((field) => fieldSelection(types, field, options))
    .filter((selection): selection is string => selection !== undefined)
    .join(" ");
}

/** `field { id name|title }` for each list of resources of a type: what `meta.include` may add to a record. */
export function includableLists(
  types: TypeIndex,
  typeName: string,
  isResource: (typeName: string) => boolean,
): ReadonlyMap<string, string> {
  const entries = types
    .fieldsOf(typeName)
    .filter((field) => !hasRequiredArgs(field))
    .flatMap((field): [string, string][] => {
      const target = unwrapType(field.type);
      if (!target.isList || target.kind !== "OBJECT" || !isResource(target.name)) return [];
      const reference = referenceSelection(types, target.name);
      return reference ? [[field.name, `${field.name} { ${reference} }`]] : [];
    });
  return new Map(entries);
}

function fieldSelection(types: TypeIndex, field: IntrospectionField, options: SelectionOptions): string | undefined {
  const target = unwrapType(field.type);
  if (isLeafKind(target.kind)) return field.name;
  if (target.isList) return embeddedListSelection(types, field, options);
  const reference = referenceSelection(types, target.name);
  return reference ? `${field.name} { ${reference} }` : undefined;
}

function embeddedListSelection(types: TypeIndex, field: IntrospectionField, options: SelectionOptions) {
  const target = unwrapType(field.type);
  if (!options.embedLists || target.kind !== "OBJECT" || options.isResource?.(target.name) !== false) return undefined;
  // One level only: the parts' own lists are left out (no cycles, bounded size).
  const inner = buildSelection(types, target.name);
  return inner ? `${field.name} { ${inner} }` : undefined;
}

function referenceSelection(types: TypeIndex, typeName: string): string | undefined {
  const leaves = new Set(
    types
      .fieldsOf(typeName)
      .filter((field) => !hasRequiredArgs(field) && isLeafKind(unwrapType(field.type).kind))
      .map((field) => field.name),
  );
  if (!leaves.has("id")) return leaves.has(PERSON_NAME_FIELD) ? PERSON_NAME_FIELD : undefined;
  return ["id", ...REFERENCE_LABEL_FIELDS.filter((name) => leaves.has(name))].join(" ");
}
