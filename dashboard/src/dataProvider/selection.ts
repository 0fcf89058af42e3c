import type { IntrospectionField } from 'graphql';
import { hasRequiredArgs, isLeafKind, TypeIndex, unwrapType } from './typeIndex';

const REFERENCE_LABEL_FIELDS = ['name', 'title'];

export function buildSelection(types: TypeIndex, typeName: string): string {
  return types
    .fieldsOf(typeName)
    .filter((field) => !hasRequiredArgs(field))
    .map((field) => fieldSelection(types, field))
    .filter((selection): selection is string => selection !== undefined)
    .join(' ');
}

function fieldSelection(types: TypeIndex, field: IntrospectionField): string | undefined {
  const target = unwrapType(field.type);
  if (isLeafKind(target.kind)) return field.name;
  if (target.isList) return undefined;
  const reference = referenceSelection(types, target.name);
  return reference ? `${field.name} { ${reference} }` : undefined;
}

function referenceSelection(types: TypeIndex, typeName: string): string | undefined {
  const leaves = new Set(
    types
      .fieldsOf(typeName)
      .filter((field) => !hasRequiredArgs(field) && isLeafKind(unwrapType(field.type).kind))
      .map((field) => field.name),
  );
  if (!leaves.has('id')) return undefined;
  return ['id', ...REFERENCE_LABEL_FIELDS.filter((name) => leaves.has(name))].join(' ');
}
