import { MigrationInterface, QueryRunner } from "typeorm";

/** Optimistic concurrency (edit counter + last writer) on evaluation cycles, and the idempotent-create key table. */
export class EvaluationVersions1765200000002 implements MigrationInterface {
  name = "EvaluationVersions1765200000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE evaluation_cycle ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`,
    );
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
    await q.query(`ALTER TABLE evaluation_cycle DROP COLUMN version, DROP COLUMN updated_by`);
  }
}
