import { hasRequiredArgs, isLeafKind, TypeIndex, unwrapType } from "./typeIndex";

/** One column a list's export writes by default: a field path of its items and, for enums, the enum's name. */
export interface ExportField {
  /** `name`, `county.name`, `otherPhones` … (a path the gateway's POST /export takes). */
  field: string;
  /** The field (or, for `county.name`, the reference) whose label heads the column: `name`, `county`. */
  labelKey: string;
  /** The GraphQL enum of the value, when it is one (its codes want Persian labels). */
  enumType?: string;
}

const LABEL_FIELDS = ["name", "title"];
/** Fields that are for machines, not readers of a spreadsheet. */
const LEFT_OUT = new Set(["id", "version", "updatedBy"]);
/** Ids kept (as the territory's codes) when no object with a name stands for them. */
const KEPT_IDS = new Set(["provinceId", "countyId"]);

/**
 * The columns an export of a list writes unless the screen names its own: the item type's values and lists of
 * values, and the name (or title) of each single object it links to — in place of that object's id
 * (`county.name` rather than `countyId`). Identifiers (but the province's and county's codes), lists of ids, editors and version counters are left out.
 */
export function defaultExportFields(types: TypeIndex, typeName: string): ExportField[] {
  const fields = types.fieldsOf(typeName).filter((field) => !hasRequiredArgs(field));
  const linked = new Map<string, string>();
  for (const field of fields) {
    const target = unwrapType(field.type);
    if (target.kind !== "OBJECT" || target.isList) continue;
    const label = labelField(types, target.name);
    if (label) linked.set(field.name, label);
  }
  return fields.flatMap((field): ExportField[] => {
    const target = unwrapType(field.type);
    // Lists of ids (`fieldIds`) say nothing to a reader; their objects sit behind a list, which one cell cannot hold.
    if (LEFT_OUT.has(field.name) || field.name.endsWith("Ids")) return [];
    if (target.name === "ID" && !target.isList && !KEPT_IDS.has(field.name)) return [];
    if (isLeafKind(target.kind)) {
      const object = referencedObject(field.name);
      if (object && linked.has(object)) return [];
      return [{ field: field.name, labelKey: field.name, ...(target.kind === "ENUM" && { enumType: target.name }) }];
    }
    const label = linked.get(field.name);
    return label ? [{ field: `${field.name}.${label}`, labelKey: field.name }] : [];
  });
}

/** `countyId` → `county`; undefined for other names. */
function referencedObject(name: string): string | undefined {
  return name.endsWith("Id") && name.length > 2 ? name.slice(0, -2) : undefined;
}

function labelField(types: TypeIndex, typeName: string): string | undefined {
  const leaves = new Set(
    types
      .fieldsOf(typeName)
      .filter((field) => !hasRequiredArgs(field) && isLeafKind(unwrapType(field.type).kind))
      .map((field) => field.name),
  );
  return LABEL_FIELDS.find((name) => leaves.has(name));
}
