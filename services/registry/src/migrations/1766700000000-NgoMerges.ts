import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Duplicate NGOs resolved (docs/merging.md): dismissed candidate pairs, merges (the merged NGO becomes an alias of
 * the survivor, status MERGED; undone by an administrator) and the ordered merge events other services follow.
 */
export class NgoMerges1766700000000 implements MigrationInterface {
  name = "NgoMerges1766700000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ngo DROP CONSTRAINT IF EXISTS ngo_status_check`);
    await q.query(
      `ALTER TABLE ngo ADD CONSTRAINT ngo_status_check CHECK (status IN ('ACTIVE', 'INACTIVE', 'DISSOLVED', 'MERGED'))`,
    );
    await q.query(`
      CREATE TABLE ngo_duplicate_dismissal (
        first_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        second_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        reason text NOT NULL,
        dismissed_by uuid,
        dismissed_by_username text,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (first_id, second_id),
        CHECK (first_id < second_id)
      )`);
    await q.query(`
      CREATE TABLE ngo_merge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        merged_id uuid NOT NULL REFERENCES ngo(id),
        survivor_id uuid NOT NULL REFERENCES ngo(id),
        reason text NOT NULL,
        merged_status varchar(16) NOT NULL,
        merged_version int NOT NULL,
        merged_by uuid,
        merged_by_username text,
        merged_at timestamptz NOT NULL DEFAULT now(),
        undone_at timestamptz,
        undone_by uuid,
        undone_by_username text,
        undo_reason text,
        CHECK (merged_id <> survivor_id),
        CHECK ((undone_at IS NULL) = (undo_reason IS NULL))
      )`);
    // An NGO is merged at most once at a time.
    await q.query(`CREATE UNIQUE INDEX ngo_merge_active_merged ON ngo_merge (merged_id) WHERE undone_at IS NULL`);
    await q.query(`CREATE INDEX ngo_merge_survivor ON ngo_merge (survivor_id)`);
    await q.query(`
      CREATE TABLE ngo_merge_event (
        sequence bigserial PRIMARY KEY,
        merge_id uuid NOT NULL REFERENCES ngo_merge(id),
        kind varchar(8) NOT NULL CHECK (kind IN ('MERGE', 'UNDO')),
        merged_id uuid NOT NULL,
        survivor_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (merge_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ngo_merge_event`);
    await q.query(`DROP TABLE ngo_merge`);
    await q.query(`DROP TABLE ngo_duplicate_dismissal`);
    await q.query(`UPDATE ngo SET status = 'INACTIVE' WHERE status = 'MERGED'`);
    await q.query(`ALTER TABLE ngo DROP CONSTRAINT ngo_status_check`);
    await q.query(
      `ALTER TABLE ngo ADD CONSTRAINT ngo_status_check CHECK (status IN ('ACTIVE', 'INACTIVE', 'DISSOLVED'))`,
    );
  }
}
