import { MigrationInterface, QueryRunner } from "typeorm";

/** Optimistic concurrency (edit counter + last writer) on every editable table, and the idempotent-create key table. */
export class EngagementVersions1765200000001 implements MigrationInterface {
  name = "EngagementVersions1765200000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agenda_item ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE demand ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE meeting ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE project ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE proposal ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE resolution ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE social_harm ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(
      `ALTER TABLE working_group ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`,
    );
    await q.query(
      `ALTER TABLE working_group_member ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`,
    );
    await q.query(`ALTER TABLE working_group_member ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
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
    await q.query(`ALTER TABLE working_group_member DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE agenda_item DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE demand DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE meeting DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE project DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE proposal DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE resolution DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE social_harm DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE working_group DROP COLUMN version, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE working_group_member DROP COLUMN version, DROP COLUMN updated_by`);
  }
}
