import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputValue,
  IntrospectionObjectType,
  IntrospectionType,
  IntrospectionTypeRef,
} from "graphql";

export interface NamedTypeInfo {
  name: string;
  kind: IntrospectionType["kind"];
  isList: boolean;
}

export function unwrapType(ref: IntrospectionTypeRef): NamedTypeInfo {
  let isList = false;
  let current: IntrospectionTypeRef = ref;
  while (current.kind === "NON_NULL" || current.kind === "LIST") {
    if (current.kind === "LIST") isList = true;
    current = current.ofType;
  }
  return { name: current.name, kind: current.kind, isList };
}

export function typeToString(ref: IntrospectionTypeRef): string {
  if (ref.kind === "NON_NULL") return `${typeToString(ref.ofType)}!`;
  if (ref.kind === "LIST") return `[${typeToString(ref.ofType)}]`;
  return ref.name;
}

export function isRequired(arg: IntrospectionInputValue): boolean {
  return arg.type.kind === "NON_NULL" && arg.defaultValue == null;
}

export function hasRequiredArgs(field: IntrospectionField): boolean {
  return field.args.some(isRequired);
}

export function isLeafKind(kind: IntrospectionType["kind"]): boolean {
  return kind === "SCALAR" || kind === "ENUM";
}

export class TypeIndex {
  private readonly types: ReadonlyMap<string, IntrospectionType>;

  constructor(types: readonly IntrospectionType[]) {
    this.types = new Map(types.map((type) => [type.name, type]));
  }

  object(name: string): IntrospectionObjectType | undefined {
    const type = this.types.get(name);
    return type?.kind === "OBJECT" ? type : undefined;
  }

  inputObject(name: string): IntrospectionInputObjectType | undefined {
    const type = this.types.get(name);
    return type?.kind === "INPUT_OBJECT" ? type : undefined;
  }

  fieldsOf(name: string): readonly IntrospectionField[] {
    const type = this.types.get(name);
    return type?.kind === "OBJECT" || type?.kind === "INTERFACE" ? type.fields : [];
  }
}
