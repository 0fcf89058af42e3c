import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The in-app inbox: requests other services append (INSERT only, like the audit log), the notifications delivered
 * from them to each user, and each user's notification preferences.
 */
export class Notifications1766100000001 implements MigrationInterface {
  name = "Notifications1766100000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occasion_key text NOT NULL,
        service text NOT NULL,
        kind varchar(40) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        reason text NOT NULL,
        link text,
        record_type text,
        record_id text,
        recipients jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        CONSTRAINT notification_request_occasion UNIQUE (occasion_key)
      )`);
    await q.query(
      `CREATE INDEX notification_request_pending ON notification_request (created_at) WHERE processed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        occasion_key text NOT NULL,
        kind varchar(40) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        reason text NOT NULL,
        link text,
        record_type text,
        record_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        CONSTRAINT notification_user_occasion UNIQUE (user_id, occasion_key)
      )`);
    await q.query(`CREATE INDEX notification_user_created ON notification (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_user_unread ON notification (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
        email text,
        email_enabled boolean NOT NULL DEFAULT true,
        daily_digest boolean NOT NULL DEFAULT false,
        muted_kinds text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE notification_request`);
  }
}
