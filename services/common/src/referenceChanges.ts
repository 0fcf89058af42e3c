import { Client, type ClientConfig } from "pg";
import { DataSource, type DataSourceOptions } from "typeorm";

type PostgresConnectionOptions = Extract<DataSourceOptions, { type: "postgres" }>;

/**
 * The PostgreSQL notification channel a reference table's trigger notifies after every write, with the table's
 * name as payload (`notify_reference_change()`, created by the services' migrations). Notices reach every
 * listening connection of the database when the writing transaction commits, so every replica hears them.
 */
export const REFERENCE_CHANGE_CHANNEL = "hamafza_reference_changed";

/** After a lost or failed listening connection, the next attempt waits this long (ms). */
const RETRY_AFTER_MS = 2000;

/** `table` changed, or `null`: notices may have been missed (the connection was lost); forget every copy. */
export type ReferenceChangeHandler = (table: string | null) => void;

/**
 * One listening connection per data source (its own `pg` client, outside the pool, so the pool's size and its
 * `destroy` are unaffected), started on first use, restarted on the next use after a loss. A cache keeps copies only
 * while `live` is true: what it loaded before the connection listened could be stale without notice.
 */
export class ReferenceChangeFeed {
  private client: Client | undefined;
  private starting: Promise<boolean> | undefined;
  private retryAt = 0;
  private closed = false;
  private readonly handlers = new Set<ReferenceChangeHandler>();

  constructor(private readonly db: DataSource) {}

  /** Whether notices reach this process now; if not, starts (or retries) listening without waiting for it. */
  get live(): boolean {
    if (!this.client && !this.starting && !this.closed && Date.now() >= this.retryAt) void this.ready();
    return this.client !== undefined;
  }

  /** Listens (once) and resolves whether notices reach this process. */
  ready(): Promise<boolean> {
    if (this.client) return Promise.resolve(true);
    if (this.closed || !this.db.isInitialized) return Promise.resolve(false);
    this.starting ??= this.listen().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Calls `handler` for every notice of this database (and with `null` when notices may have been missed). */
  subscribe(handler: ReferenceChangeHandler): void {
    this.handlers.add(handler);
  }

  /** Stops listening for good (the data source is being destroyed). */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<boolean> {
    const client = new Client(listenerConfig(this.db.options as PostgresConnectionOptions));
    client.on("notification", (notice) => {
      if (notice.channel === REFERENCE_CHANGE_CHANNEL) this.emit(notice.payload ?? null);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      // The listening socket alone does not keep a process alive (a service's HTTP server does).
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      await client.query(`LISTEN ${REFERENCE_CHANGE_CHANNEL}`);
      if (this.closed) throw new Error("closed");
      this.client = client;
      return true;
    } catch {
      this.retryAt = Date.now() + RETRY_AFTER_MS;
      await client.end().catch(() => undefined);
      return false;
    }
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.retryAt = Date.now() + RETRY_AFTER_MS;
    void client.end().catch(() => undefined);
    this.emit(null);
  }

  private emit(table: string | null): void {
    for (const handler of this.handlers) handler(table);
  }
}

function listenerConfig(options: PostgresConnectionOptions): ClientConfig {
  const base: ClientConfig = { application_name: "hamafza-reference-changes", ssl: options.ssl as ClientConfig["ssl"] };
  if (options.url) return { ...base, connectionString: options.url };
  return {
    ...base,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password as ClientConfig["password"],
    database: options.database,
  };
}

const feeds = new WeakMap<DataSource, ReferenceChangeFeed>();

/** The change feed of `db`'s database (one per data source; closed when the data source is destroyed). */
export function referenceChanges(db: DataSource): ReferenceChangeFeed {
  let feed = feeds.get(db);
  if (!feed) {
    const created = new ReferenceChangeFeed(db);
    feed = created;
    feeds.set(db, created);
    const destroy = db.destroy.bind(db);
    db.destroy = async () => {
      await created.close();
      return destroy();
    };
  }
  return feed;
}
