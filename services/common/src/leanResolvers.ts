import { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLScalarType, GraphQLSchema, isObjectType } from "graphql";
import { BuildSchemaOptions, getMetadataStorage, ResolversMap } from "type-graphql";

/** A class as type-graphql's metadata holds it (`target: Function`). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassRef = Function;

/**
 * type-graphql wraps every field of every object type in its own resolver: a plain field in one that builds a
 * `{ root, args, context, info }` object and runs the (empty) middleware chain to read `root[name]`, a
 * `@FieldResolver` method in one that also asks the container for the resolver instance and sorts the method's
 * parameter list on every call (`getParams`: V8 copies the array to sort it). On a federated answer of 139 entities
 * with a few fields each that is thousands of calls per request, and their garbage was a visible share of the
 * subgraphs' collector time (issue 13, docs/performance.md, eighth round, helper h-s).
 *
 * `leanFieldResolvers` replaces, in the resolver map built from type-graphql's schema, exactly those wrappers that
 * have nothing to run around the field — no middleware (global, class or field), no `@Authorized` roles — with
 * what they amount to: `root[name]` for a plain field; for a `@FieldResolver` in a resolver class whose
 * parameters are only `@Root`, `@Ctx` and `@Info`, the method called on the same instance with the same values
 * (the root converted to its class as type-graphql does, `convertToType`). Fields with middleware (e.g. the
 * access masks), with arguments or custom parameter decorators, methods on the object type itself, and resolver
 * classes known only to type-graphql's build (inherited resolvers) keep type-graphql's wrapper.
 */
export function leanFieldResolvers(
  schema: GraphQLSchema,
  resolvers: ResolversMap,
  options: Pick<BuildSchemaOptions, "resolvers" | "globalMiddlewares" | "container">,
  container: ResolverContainer,
): ResolversMap {
  if (options.globalMiddlewares?.length) return resolvers;
  const storage = getMetadataStorage();
  const resolverClasses = options.resolvers as readonly ClassRef[];
  const candidates = storage.fieldResolvers.filter(
    (it) => it.kind === "internal" || resolverClasses.includes(it.target),
  );
  const lean = new Map<unknown, GraphQLFieldResolver<unknown, unknown>>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || !objectType.fields) continue;
    if (storage.objectTypes.filter((it) => it.name === objectType.name).length !== 1) continue;
    // The field metadata type-graphql used, as its schema generator picks it: interfaces' fields, then the class's
    // own; a later one of the same schema name wins.
    const winners = new Map<string, (typeof objectType.fields)[number]>();
    const interfaces = storage.interfaceTypes.filter((it) =>
      (objectType as { interfaceClasses?: ClassRef[] }).interfaceClasses?.includes(it.target),
    );
    for (const field of [...interfaces.flatMap((it) => it.fields ?? []), ...objectType.fields])
      winners.set(field.schemaName, field);
    const fields = type.getFields();
    for (const [schemaName, field] of winners) {
      const original = fields[schemaName]?.resolve;
      if (!original || lean.has(original)) continue;
      const matches = candidates.filter((it) => it.getObjectType?.() === field.target && it.methodName === field.name);
      if (matches.length > 1) continue;
      const replacement =
        matches.length === 1
          ? leanMethod(matches[0], container)
          : plain(field.middlewares, field.roles)
            ? leanProperty(field.name)
            : null;
      if (replacement) lean.set(original, replacement);
    }
  }
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type) || typeName === schema.getQueryType()?.name || typeName === schema.getMutationType()?.name)
      continue;
    const map = typeResolvers as Record<string, unknown>;
    for (const [name, resolve] of Object.entries(map)) {
      const replacement = typeof resolve === "function" ? lean.get(resolve) : undefined;
      if (replacement) map[name] = replacement;
    }
  }
  return resolvers;
}

/** type-graphql's container interface (`get(class, resolverData)`), one instance per class by default. */
export interface ResolverContainer {
  get(someClass: ClassRef, resolverData: unknown): unknown;
  /** Whether `get` ignores `resolverData` (then lean resolvers need not build it). */
  singletons: boolean;
}

/**
 * The container type-graphql is given: the service's own when it has one, else one instance per resolver class
 * (what type-graphql's default container does), shared by type-graphql's wrappers and the lean resolvers.
 */
export function resolverContainer(given: BuildSchemaOptions["container"]): ResolverContainer | null {
  if (given === undefined) {
    const instances = new Map<ClassRef, unknown>();
    return {
      singletons: true,
      get(someClass) {
        let instance = instances.get(someClass);
        if (instance === undefined) {
          instance = new (someClass as new () => unknown)();
          instances.set(someClass, instance);
        }
        return instance;
      },
    };
  }
  if (typeof given === "object" && given !== null && typeof given.get === "function")
    return { singletons: false, get: (someClass, resolverData) => given.get(someClass, resolverData as never) };
  return null;
}

const plain = (middlewares: unknown[] | undefined, roles: unknown[] | undefined) =>
  (middlewares?.length ?? 0) === 0 && roles === undefined;

function leanProperty(name: string): GraphQLFieldResolver<unknown, unknown> {
  return (root) => (root as Record<string, unknown>)[name];
}

type FieldResolverMetadata = ReturnType<typeof getMetadataStorage>["fieldResolvers"][number];
type ParamMetadata = NonNullable<FieldResolverMetadata["params"]>[number];

function leanMethod(
  metadata: FieldResolverMetadata,
  container: ResolverContainer,
): GraphQLFieldResolver<unknown, unknown> | null {
  if (metadata.kind !== "external" || !plain(metadata.middlewares, metadata.roles)) return null;
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  if (!params.every((param, i) => param.index === i && ["root", "context", "info"].includes(param.kind))) return null;
  const target = metadata.target;
  const methodName = metadata.methodName;
  const valueOf = params.map(paramReader);
  const count = valueOf.length;
  return (root, args, context, info) => {
    const instance = container.singletons
      ? container.get(target, undefined)
      : container.get(target, { root, args, context, info });
    if (isPromiseLike(instance)) return instance.then((it) => call(it, root, context, info));
    return call(instance, root, context, info);
  };

  function call(instance: unknown, root: unknown, context: unknown, info: GraphQLResolveInfo): unknown {
    const method = (instance as Record<string, (...values: unknown[]) => unknown>)[methodName];
    const values = new Array<unknown>(count);
    let pending = false;
    for (let i = 0; i < count; i++) {
      const value = valueOf[i](root, context, info);
      if (isPromiseLike(value)) pending = true;
      values[i] = value;
    }
    if (pending) return Promise.all(values).then((resolved) => method.apply(instance, resolved));
    return method.apply(instance, values);
  }
}

/** A parameter's value, as type-graphql's `getParams` computes it for `@Root`, `@Ctx` and `@Info`. */
function paramReader(param: ParamMetadata): (root: unknown, context: unknown, info: GraphQLResolveInfo) => unknown {
  switch (param.kind) {
    case "context": {
      const property = param.propertyName;
      return property
        ? (_root, context) => (context as Record<string, unknown>)[property]
        : (_root, context) => context;
    }
    case "info":
      return (_root, _context, info) => info;
    case "root": {
      const property = param.propertyName;
      const getType = param.getType;
      return (root) => {
        const value = property ? (root as Record<string, unknown>)[property] : root;
        return getType ? convertToType(getType() as ClassRef, value) : value;
      };
    }
    default:
      throw new Error(`leanFieldResolvers: parameter kind ${param.kind} is not handled`);
  }
}

const SIMPLE_TYPES: ClassRef[] = [String, Boolean, Number, Date, Array, Promise];

/** type-graphql's `convertToType` (helpers/types.js, not exported): a plain object becomes an instance of its class. */
export function convertToType(target: ClassRef, data: unknown): unknown {
  if (data == null) return data;
  if ((target as unknown) instanceof GraphQLScalarType) return data;
  if (SIMPLE_TYPES.includes((data as object).constructor)) return data;
  if (data instanceof target) return data;
  if (Array.isArray(data)) return data.map((item) => convertToType(target, item));
  const instance = new (target as new () => Record<string, unknown>)();
  for (const key of Object.keys(instance)) {
    if (instance[key] === undefined && !(key in (data as object))) delete instance[key];
  }
  return Object.assign(instance, data);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value != null && typeof (value as { then?: unknown }).then === "function";
}
