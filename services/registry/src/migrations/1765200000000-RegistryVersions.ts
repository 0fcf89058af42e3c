import { MigrationInterface, QueryRunner } from "typeorm";

/** Optimistic concurrency (edit counter + last writer) on every editable table, and the idempotent-create key table. */
export class RegistryVersions1765200000000 implements MigrationInterface {
  name = "RegistryVersions1765200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(
      `ALTER TABLE facilitation_office ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`,
    );
    await q.query(
      `ALTER TABLE field_of_activity ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`,
    );
    await q.query(
      `ALTER TABLE informal_settlement_area ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`,
    );
    await q.query(`ALTER TABLE licence ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE manager ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE ngo ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE ngo_house ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE ngo_network ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 100),
        entity_id text,
        request_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, operation, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`ALTER TABLE agency DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE facilitation_office DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE field_of_activity DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE informal_settlement_area DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE licence DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE manager DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE ngo DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE ngo_house DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE ngo_network DROP COLUMN version, DROP COLUMN updated_by`);
  }
}
