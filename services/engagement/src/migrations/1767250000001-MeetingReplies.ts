import { MigrationInterface, QueryRunner } from "typeorm";

/** NGO representatives' replies to meeting invitations (docs/self-service.md): attending or not, and who attends. */
export class MeetingReplies1767250000001 implements MigrationInterface {
  name = "MeetingReplies1767250000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meeting_attendance
        ADD COLUMN reply varchar(16) CHECK (reply IN ('ATTENDING', 'NOT_ATTENDING')),
        ADD COLUMN reply_name text,
        ADD COLUMN replied_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting_attendance DROP COLUMN reply, DROP COLUMN reply_name, DROP COLUMN replied_at`);
  }
}
