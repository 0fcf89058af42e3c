import { MigrationInterface, QueryRunner } from "typeorm";

/** Optimistic concurrency (edit counter + last writer) on every editable table, and the idempotent-create key table. */
export class IdentityVersions1765200000003 implements MigrationInterface {
  name = "IdentityVersions1765200000003";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
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
    await q.query(`ALTER TABLE user_account DROP COLUMN version, DROP COLUMN updated_by`);
  }
}
