import { ReferenceOwners } from "./references";
import { randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import { DataSource } from "typeorm";
import { AuthUser } from "./auth";
import { readDataSourceOf } from "./database";
import { isUuid } from "./ids";
import type { RequestRecord } from "./requestLog";

/** Per-request state handed to every resolver. */
export interface RequestContext {
  /** The gateway's request id (x-request-id), or a new one. */
  requestId: string;
  /** The verified user of the access token; `null` only where a route needs no sign-in. */
  user: AuthUser | null;
  /** The access token itself, for a service that calls another subgraph on the user's behalf (evaluation). */
  accessToken: string | null;
  /** The service answering (recorded in the audit log). */
  service: string;
  /** The end user's network address as the gateway saw it. */
  clientAddress: string | null;
  db: DataSource;
  /**
   * Where analytics and exports read: the service's read replica when `<SERVICE>_READ_DATABASE_URL` is set (rows may
   * lag the primary by a moment; read-only sessions), else `db`. Never for a read that follows a write.
   */
  readDb: DataSource;
  loaders: LoaderRegistry;
  /** Where the owners of referenced records are (references.ts); null when the service references none. */
  referenceOwners: ReferenceOwners | null;
  /** The deployment's gateway secret (verifies the gateway's upload receipts, attachments/receipt.ts); null outside HTTP. */
  gatewaySecret: string | null;
  /** What the request log line and the metrics record about this request (requestLog.ts); absent outside HTTP. */
  requestRecord?: RequestRecord;
}

/**
 * Request-scoped DataLoaders, created on first use under a name, so every field resolver and reference
 * resolver of one request shares the same batches (one SQL statement per entity type and tick).
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export function createRequestContext(
  db: DataSource,
  options: {
    user?: AuthUser | null;
    accessToken?: string | null;
    service?: string;
    requestId?: string;
    clientAddress?: string | null;
    referenceOwners?: ReferenceOwners | null;
    requestRecord?: RequestRecord;
    gatewaySecret?: string | null;
  } = {},
): RequestContext {
  return {
    requestId: options.requestId ?? randomUUID(),
    user: options.user ?? null,
    accessToken: options.accessToken ?? null,
    service: options.service ?? "unknown",
    clientAddress: options.clientAddress ?? null,
    db,
    readDb: readDataSourceOf(db),
    loaders: new LoaderRegistry(),
    referenceOwners: options.referenceOwners ?? null,
    gatewaySecret: options.gatewaySecret ?? null,
    requestRecord: options.requestRecord,
  };
}

/** Orders rows to match the requested keys, `null` where a key has no row (DataLoader's contract). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups rows under the requested keys, `[]` where a key has none (one-to-many DataLoader). */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * A request-scoped loader by UUID key: keys that are not well-formed UUIDs answer `empty` without reaching SQL
 * (where PostgreSQL would reject the whole batch), the rest are fetched in one statement.
 */
export function uuidKeyedLoader<V>(
  ctx: RequestContext,
  name: string,
  fetch: (ids: string[]) => Promise<ArrayLike<V>>,
  empty: V,
): DataLoader<string, V> {
  return ctx.loaders.get<string, V>(name, async (keys) => {
    const valid = keys.filter(isUuid);
    const fetched = valid.length > 0 ? await fetch(valid) : [];
    const byId = new Map(valid.map((id, i) => [id, fetched[i]]));
    return keys.map((key) => byId.get(key) ?? empty);
  });
}
