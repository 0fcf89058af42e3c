import { MigrationInterface, QueryRunner } from "typeorm";

/** Each reminder occasion engagement has requested (resolution due/overdue, quarter meeting, unanswered request): once only. */
export class ReminderOccasions1766100000002 implements MigrationInterface {
  name = "ReminderOccasions1766100000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_occasion (
        occasion_key text PRIMARY KEY,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminder_occasion`);
  }
}
