import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The registry's own rows of a merged NGO (docs/merging.md): training needs and invitations, assessing NGOs of needs
 * assessments, the public listing, activity reports and pending change requests. Every row a merge moved to the
 * survivor, removed as a repeat, or closed is recorded here under the merge, so that undoing it restores them exactly.
 */
export class NgoMergeRegistryRewrites1767290000000 implements MigrationInterface {
  name = "NgoMergeRegistryRewrites1767290000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ngo_merge_rewrite (
        id bigserial PRIMARY KEY,
        merge_id uuid NOT NULL REFERENCES ngo_merge (id),
        table_name text NOT NULL,
        row_key jsonb NOT NULL,
        action varchar(8) NOT NULL CHECK (action IN ('MOVED', 'REMOVED', 'CLOSED')),
        row_data jsonb,
        CHECK ((action = 'MOVED') = (row_data IS NULL))
      )`);
    await q.query(`CREATE INDEX ngo_merge_rewrite_merge ON ngo_merge_rewrite (merge_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ngo_merge_rewrite`);
  }
}
