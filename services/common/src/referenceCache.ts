import { DataSource } from "typeorm";
import { setting } from "./settings";

/**
 * A small reference table (provinces, counties …) held whole in memory, per data source, for
 * `HAMAFZA_REFERENCE_CACHE_MS` (0: not cached): every request in that time resolves its rows without SQL; the first
 * request after it reloads the table in one statement (concurrent requests share that load). Meant for tables only
 * migrations and seeds write; a service that writes one calls `invalidate` after the write (other replicas see the
 * change when their copy expires). The rows are shared between requests: read them, never change them.
 */
export class ReferenceTableCache<T extends { id: string }> {
  private readonly copies = new WeakMap<DataSource, { loadedAt: number; rows: Promise<ReadonlyMap<string, T>> }>();

  constructor(private readonly entity: new () => T) {}

  /** Every row by id, from memory while the copy is fresh. */
  rows(db: DataSource): Promise<ReadonlyMap<string, T>> {
    const ttl = setting("HAMAFZA_REFERENCE_CACHE_MS");
    const now = Date.now();
    const copy = this.copies.get(db);
    if (copy && now - copy.loadedAt < ttl) return copy.rows;
    const rows = db
      .getRepository(this.entity)
      .find()
      .then((list) => new Map(list.map((row) => [row.id, row])) as ReadonlyMap<string, T>);
    const fresh = { loadedAt: now, rows };
    if (ttl > 0) this.copies.set(db, fresh);
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

  /** Forgets this data source's copy (after a write to the table). */
  invalidate(db: DataSource): void {
    this.copies.delete(db);
  }
}
