import type { IntrospectionField, IntrospectionInputValue, IntrospectionObjectType, IntrospectionQuery } from 'graphql';
import { buildOperation, pageSelection } from './documents';
import { buildSelection } from './selection';
import { TypeIndex, unwrapType } from './typeIndex';

export interface Operation {
  field: string;
  document: string;
  args: ReadonlyMap<string, IntrospectionInputValue>;
}

export interface ResourceModel {
  name: string;
  typeName: string;
  selection: string;
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

export function buildSchemaModel(introspection: IntrospectionQuery): SchemaModel {
  const schema = introspection.__schema;
  const types = new TypeIndex(schema.types);
  const roots: RootFields = {
    query: fieldMap(types.object(schema.queryType.name)),
    mutation: fieldMap(schema.mutationType ? types.object(schema.mutationType.name) : undefined),
  };
  const resources = [...roots.query.values()]
    .map((field) => buildResource(types, roots, field))
    .filter((resource): resource is ResourceModel => resource !== undefined);
  return { types, resources: new Map(resources.map((resource) => [resource.name, resource])) };
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function fieldMap(type: IntrospectionObjectType | undefined): ReadonlyMap<string, IntrospectionField> {
  return new Map((type?.fields ?? []).map((field) => [field.name, field]));
}

function argMap(field: IntrospectionField): ReadonlyMap<string, IntrospectionInputValue> {
  return new Map(field.args.map((arg) => [arg.name, arg]));
}

function pageItemType(types: TypeIndex, field: IntrospectionField): string | undefined {
  const page = unwrapType(field.type);
  if (page.isList || page.kind !== 'OBJECT') return undefined;
  const pageFields = fieldMap(types.object(page.name));
  const items = pageFields.get('items');
  if (!items || !pageFields.has('totalCount')) return undefined;
  const item = unwrapType(items.type);
  return item.isList && item.kind === 'OBJECT' ? item.name : undefined;
}

function buildResource(types: TypeIndex, roots: RootFields, listField: IntrospectionField): ResourceModel | undefined {
  const typeName = pageItemType(types, listField);
  if (!typeName) return undefined;
  const selection = buildSelection(types, typeName);
  const operation = (kind: 'query' | 'mutation', name: string, fieldSelection = selection) => {
    const field = roots[kind].get(name);
    return field && { field: name, args: argMap(field), document: buildOperation(kind, field, fieldSelection) };
  };
  return {
    name: listField.name,
    typeName,
    selection,
    list: operation('query', listField.name, pageSelection(selection))!,
    filterFields: filterFields(types, listField),
    one: operation('query', lowerFirst(typeName)),
    create: operation('mutation', `create${typeName}`),
    update: operation('mutation', `update${typeName}`),
    delete: operation('mutation', `delete${typeName}`),
  };
}

function filterFields(types: TypeIndex, listField: IntrospectionField): ReadonlyMap<string, IntrospectionInputValue> {
  const filterArg = listField.args.find((arg) => arg.name === 'filter');
  const filterType = filterArg && types.inputObject(unwrapType(filterArg.type).name);
  return new Map((filterType?.inputFields ?? []).map((field) => [field.name, field]));
}
