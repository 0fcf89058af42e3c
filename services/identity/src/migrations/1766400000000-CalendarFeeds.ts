import { MigrationInterface, QueryRunner } from "typeorm";

/** Private calendar feeds: at most one working secret address per user (its SHA-256 only), revocable. */
export class CalendarFeeds1766400000000 implements MigrationInterface {
  name = "CalendarFeeds1766400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id),
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_read_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX calendar_feed_user_id ON calendar_feed (user_id)`);
    await q.query(`CREATE UNIQUE INDEX calendar_feed_one_active ON calendar_feed (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX calendar_feed_secret_hash ON calendar_feed (secret_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feed`);
  }
}
