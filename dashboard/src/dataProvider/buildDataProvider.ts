import type { IntrospectionQuery } from "graphql";
import { HttpError, type DataProvider, type Identifier, type RaRecord } from "ra-core";
import { announceEditConflict, conflictOf, expectedVersionOf, idempotencyKeyFor } from "./concurrency";
import { defaultExportFields, type ExportField } from "./exportFields";
import { createGraphQLClient, type GraphQLClientOptions, type GraphQLRequest } from "./graphqlClient";
import {
  buildSchemaModel,
  operationDocument,
  type Operation,
  type ResourceModel,
  type SchemaModel,
} from "./schemaModel";
import {
  buildFilter,
  inputTypeName,
  listVariables,
  MAX_LIMIT,
  sanitizeInput,
  type SortParams,
  type Values,
} from "./variables";
import { clientTexts } from "../messages/app";
// The query the bench measures too (one text for both, see the file).
import { DASHBOARD_INTROSPECTION_QUERY } from "../../../services/common/src/dashboardIntrospection";

interface Page {
  items: RaRecord[];
  totalCount: number;
}

interface ListQuery {
  filter?: Values;
  sort?: SortParams;
  pagination?: { page: number; perPage: number };
  meta?: unknown;
}

/**
 * `meta` a page may pass with any call: `include` names lists of other resources to add to the records as
 * `{ id name|title }` (e.g. a network's `members`), which are left out by default.
 */
export interface HamafzaMeta {
  include?: readonly string[];
}

export type DataProviderOptions = GraphQLClientOptions;

/** What POST /export needs to write a list as the screen shows it: its root query, arguments and default columns. */
export interface ExportSource {
  list: string;
  /** The list's `filter` and `sort`, built exactly as for the screen's own page (no offset or limit). */
  args: Values;
  columns: ExportField[];
}

export interface HamafzaDataProvider extends DataProvider {
  /** Runs one GraphQL operation as written, for the mutations outside the list convention (passwords, …). */
  graphql<T = unknown>(query: string, variables?: Values): Promise<T>;
  /** The list query, arguments and default columns of an export of a resource's list with the screen's filter and sort. */
  exportSource(resource: string, query: { filter?: Values; sort?: SortParams }): Promise<ExportSource>;
  /** Forgets the introspected schema: the next call introspects again (with the then current token). */
  resetSchema(): void;
}

export function buildDataProvider(options: DataProviderOptions): HamafzaDataProvider {
  const request = createGraphQLClient(options);
  const schema = memoizeUntilFailure(() =>
    request<IntrospectionQuery>(DASHBOARD_INTROSPECTION_QUERY).then(buildSchemaModel, rethrowAsSchemaError),
  );
  const api = new ResourceApi(request, schema.get);
  return {
    graphql: async <T>(query: string, variables?: Values) => request<T>(query, variables),
    resetSchema: schema.reset,
    exportSource: async (resource: string, query: { filter?: Values; sort?: SortParams }) =>
      api.exportSource(resource, query),
    getList: async (resource, params) => api.getList(resource, params),
    getOne: async (resource, params) => ({ data: await api.getOne(resource, params.id, includeOf(params.meta)) }),
    getMany: async (resource, params) => ({ data: await api.getMany(resource, params.ids, includeOf(params.meta)) }),
    getManyReference: async (resource, params) =>
      api.getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }, params.target),
    create: async (resource, params) => ({
      data: await api.create(resource, params.data, includeOf(params.meta), idempotencyKeyFor(params.data as object)),
    }),
    update: async (resource, params) => {
      try {
        return {
          data: await api.update(
            resource,
            params.id,
            params.data,
            includeOf(params.meta),
            expectedVersionOf(params.previousData),
          ),
        };
      } catch (error) {
        const conflict = conflictOf(error, resource, params.id);
        if (conflict) announceEditConflict(conflict);
        throw error;
      }
    },
    updateMany: async (resource, params) => ({
      data: await sequence(params.ids, async (id) => (await api.update(resource, id, params.data)).id),
    }),
    delete: async (resource, params) => ({ data: await api.remove(resource, params.id) }),
    deleteMany: async (resource, params) => ({
      data: await sequence(params.ids, async (id) => (await api.remove(resource, id)).id),
    }),
  } as HamafzaDataProvider;
}

class ResourceApi {
  /** Documents with included lists, by operation and include list. */
  private readonly documents = new Map<string, string>();

  constructor(
    private readonly request: GraphQLRequest,
    private readonly loadSchema: () => Promise<SchemaModel>,
  ) {}

  async getList(name: string, query: ListQuery, requiredFilter?: string) {
    const resource = await this.resource(name);
    if (requiredFilter && !resource.filterFields.has(requiredFilter)) {
      throw new HttpError(clientTexts.unknownFilter(requiredFilter, name), 400);
    }
    const list = this.withIncludes(resource, resource.list, resource.selection, includeOf(query.meta));
    const filter = buildFilter(resource, query.filter);
    const pagination = query.pagination;
    if (!pagination) return this.fetchPage(list, listVariables(resource, filter, query.sort));
    const offset = (pagination.page - 1) * pagination.perPage;
    return this.fetchRange(resource, list, filter, query.sort, offset, pagination.perPage);
  }

  async exportSource(name: string, query: { filter?: Values; sort?: SortParams }): Promise<ExportSource> {
    const resource = await this.resource(name);
    const { types } = await this.loadSchema();
    return {
      list: resource.list.field,
      args: listVariables(resource, buildFilter(resource, query.filter), query.sort),
      columns: defaultExportFields(types, resource.typeName),
    };
  }

  async getOne(name: string, id: Identifier, include: readonly string[] = []): Promise<RaRecord> {
    const resource = await this.resource(name);
    const record = resource.one
      ? await this.run<RaRecord | null>(this.withIncludes(resource, resource.one, resource.detailSelection, include), {
          id,
        })
      : (await this.getMany(name, [id], include))[0];
    if (!record) throw new HttpError(clientTexts.recordNotFound, 404);
    return record;
  }

  async getMany(name: string, ids: Identifier[], include: readonly string[] = []): Promise<RaRecord[]> {
    const resource = await this.resource(name);
    const list = this.withIncludes(resource, resource.list, resource.selection, include);
    const pages = await Promise.all(
      chunk(ids, MAX_LIMIT).map((batch) =>
        this.fetchPage(list, listVariables(resource, { ids: batch }, undefined, { offset: 0, limit: batch.length })),
      ),
    );
    return pages.flatMap((page) => page.data);
  }

  /** Creates a record; `idempotencyKey` makes a retry of the same submission return the first result. */
  async create(
    name: string,
    data: Values,
    include: readonly string[] = [],
    idempotencyKey?: string,
  ): Promise<RaRecord> {
    const resource = await this.resource(name);
    const operation = requireOperation(resource, "create");
    const input = await this.input(operation, data);
    return this.run(this.withIncludes(resource, operation, resource.detailSelection, include), {
      input,
      ...(idempotencyKey && { idempotencyKey }),
    });
  }

  /** Updates a record; with `expectedVersion` a change made by someone else since is refused (CONFLICT). */
  async update(
    name: string,
    id: Identifier,
    data: Values,
    include: readonly string[] = [],
    expectedVersion?: number,
  ): Promise<RaRecord> {
    const resource = await this.resource(name);
    const operation = requireOperation(resource, "update");
    const input = await this.input(operation, data);
    return this.run(this.withIncludes(resource, operation, resource.detailSelection, include), {
      id,
      input,
      ...(expectedVersion !== undefined && { expectedVersion }),
    });
  }

  async remove(name: string, id: Identifier): Promise<RaRecord> {
    const resource = await this.resource(name);
    return this.run(requireOperation(resource, "delete"), { id });
  }

  private async resource(name: string): Promise<ResourceModel> {
    const resource = (await this.loadSchema()).resources.get(name);
    if (!resource) throw new HttpError(clientTexts.unknownResource(name), 404);
    return resource;
  }

  private async input(operation: Operation, data: Values): Promise<Values> {
    const typeName = inputTypeName(operation);
    return typeName ? sanitizeInput((await this.loadSchema()).types, typeName, data) : {};
  }

  /** The operation with the named lists of other resources added to its selection. */
  private withIncludes(
    resource: ResourceModel,
    operation: Operation,
    selection: string,
    include: readonly string[],
  ): Operation {
    if (include.length === 0) return operation;
    const names = [...new Set(include)].sort();
    // Keyed by the selection too: a new introspection (another user) may give other fields.
    const key = `${operation.field}|${names.join(",")}|${selection}`;
    let document = this.documents.get(key);
    if (!document) {
      const extra = names.map((field) => {
        const fieldSelection = resource.includable.get(field);
        if (!fieldSelection) throw new HttpError(clientTexts.listNotAddable(field, resource.name), 400);
        return fieldSelection;
      });
      document = operationDocument(operation, [selection, ...extra].join(" "));
      this.documents.set(key, document);
    }
    return { ...operation, document };
  }

  private async run<T = RaRecord>(operation: Operation, variables: Values): Promise<T> {
    const result = await this.request<{ data: T }>(operation.document, variables);
    return result.data;
  }

  private async fetchPage(list: Operation, variables: Values) {
    const page = await this.run<Page>(list, variables);
    return { data: page.items, total: page.totalCount };
  }

  private async fetchRange(
    resource: ResourceModel,
    list: Operation,
    filter: Values | undefined,
    sort: SortParams | undefined,
    offset: number,
    count: number,
  ) {
    const data: RaRecord[] = [];
    let total = 0;
    do {
      const range = { offset: offset + data.length, limit: Math.min(count - data.length, MAX_LIMIT) };
      const page = await this.fetchPage(list, listVariables(resource, filter, sort, range));
      data.push(...page.data);
      total = page.total;
      if (page.data.length === 0) break;
    } while (data.length < count && offset + data.length < total);
    return { data, total };
  }
}

export const SCHEMA_ERROR_PREFIX = clientTexts.schemaErrorPrefix;

function rethrowAsSchemaError(error: unknown): never {
  if (!(error instanceof HttpError)) throw error;
  throw new HttpError(`${SCHEMA_ERROR_PREFIX} ${error.message}`, error.status, error.body);
}

function includeOf(meta: unknown): readonly string[] {
  const include = (meta as HamafzaMeta | undefined)?.include;
  return Array.isArray(include) ? include.filter((name): name is string => typeof name === "string") : [];
}

function requireOperation(resource: ResourceModel, kind: "create" | "update" | "delete"): Operation {
  const operation = resource[kind];
  if (!operation) throw new HttpError(clientTexts.unsupportedOperation(kind, resource.name), 405);
  return operation;
}

function memoizeUntilFailure<T>(load: () => Promise<T>): { get: () => Promise<T>; reset: () => void } {
  let pending: Promise<T> | undefined;
  const get = () => {
    const attempt = (pending ??= load().catch((error: unknown) => {
      if (pending === attempt) pending = undefined;
      throw error;
    }));
    return attempt;
  };
  return { get, reset: () => (pending = undefined) };
}

async function sequence<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await run(item));
  return results;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
