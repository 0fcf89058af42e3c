import { DataSource } from "typeorm";
import { referenceChanges } from "./referenceChanges";
import { setting } from "./settings";

export interface ReferenceTableCacheOptions {
  /**
   * The table is written through the API (administrators edit it) and its trigger notifies
   * `REFERENCE_CHANGE_CHANNEL` (referenceChanges.ts): a copy is forgotten in every replica as soon as a write
   * commits, and copies are kept only while this process listens for those notices.
   */
  changeNotices?: boolean;
}

/**
 * A small reference table (provinces, counties …) held whole in memory, per data source, for
 * `HAMAFZA_REFERENCE_CACHE_MS` (0: not cached): every request in that time resolves its rows without SQL; the first
 * request after it reloads the table in one statement (concurrent requests share that load). Meant for tables only
 * migrations and seeds write, or — with `changeNotices` — tables administrators edit whose writes notify every
 * replica. The rows are shared between requests: read them, never change them.
 */
export class ReferenceTableCache<T extends { id: string }> {
  private readonly copies = new WeakMap<DataSource, { loadedAt: number; rows: Promise<ReadonlyMap<string, T>> }>();

  private readonly followed = new WeakSet<DataSource>();

  constructor(
    private readonly entity: new () => T,
    private readonly options: ReferenceTableCacheOptions = {},
  ) {}

  /** Every row by id, from memory while the copy is fresh. */
  rows(db: DataSource): Promise<ReadonlyMap<string, T>> {
    const ttl = setting("HAMAFZA_REFERENCE_CACHE_MS");
    const now = Date.now();
    const copy = this.copies.get(db);
    if (copy && now - copy.loadedAt < ttl) return copy.rows;
    const keep = ttl > 0 && this.hearsChanges(db);
    const rows = db
      .getRepository(this.entity)
      .find()
      .then((list) => new Map(list.map((row) => [row.id, row])) as ReadonlyMap<string, T>);
    const fresh = { loadedAt: now, rows };
    if (keep) this.copies.set(db, fresh);
    rows.catch(() => {
      if (this.copies.get(db) === fresh) this.copies.delete(db); // a failed load is not kept
    });
    return rows;
  }

  /** The rows of these ids, null where there is none (DataLoader batch shape). */
  async byIds(db: DataSource, ids: readonly string[]): Promise<(T | null)[]> {
    const rows = await this.rows(db);
    return ids.map((id) => rows.get(id) ?? null);
  }

  /** Without `changeNotices`: always. With: whether notices of writes reach this process now (listening if not). */
  private hearsChanges(db: DataSource): boolean {
    if (!this.options.changeNotices) return true;
    const feed = referenceChanges(db);
    if (!this.followed.has(db)) {
      this.followed.add(db);
      const table = db.getMetadata(this.entity).tableName;
      feed.subscribe((changed) => {
        if (changed === null || changed === table) this.invalidate(db);
      });
    }
    return feed.live;
  }

  /**
   * Runs a write to the table and forgets this data source's copy once the write is over (committed or not): the
   * writing replica sees its write at once; the others when the change notice arrives (or their copy expires).
   */
  async afterWrite<R>(db: DataSource, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } finally {
      this.invalidate(db);
    }
  }

  /** Forgets this data source's copy (after a write to the table). */
  invalidate(db: DataSource): void {
    this.copies.delete(db);
  }
}
