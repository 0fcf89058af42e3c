import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How engagement follows the registry's NGO merges (docs/merging.md): the merge events applied (in order) and every
 * row a merge moved to the survivor or removed as a duplicate, so that undoing the merge restores them exactly.
 */
export class NgoMergeRewrites1766700000001 implements MigrationInterface {
  name = "NgoMergeRewrites1766700000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ngo_merge_applied (
        sequence bigint PRIMARY KEY,
        merge_id uuid NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('MERGE', 'UNDO')),
        merged_id uuid NOT NULL,
        survivor_id uuid NOT NULL,
        rows_changed int NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ngo_merge_rewrite (
        id bigserial PRIMARY KEY,
        merge_id uuid NOT NULL,
        table_name text NOT NULL,
        row_key jsonb NOT NULL,
        action varchar(8) NOT NULL CHECK (action IN ('MOVED', 'REMOVED')),
        row_data jsonb,
        CHECK ((action = 'REMOVED') = (row_data IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ngo_merge_rewrite_merge ON ngo_merge_rewrite (merge_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ngo_merge_rewrite`);
    await q.query(`DROP TABLE ngo_merge_applied`);
  }
}
