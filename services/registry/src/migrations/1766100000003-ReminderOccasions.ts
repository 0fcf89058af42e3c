import { MigrationInterface, QueryRunner } from "typeorm";

/** Each licence reminder occasion the registry has requested: once only. */
export class RegistryReminderOccasions1766100000003 implements MigrationInterface {
  name = "RegistryReminderOccasions1766100000003";

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
