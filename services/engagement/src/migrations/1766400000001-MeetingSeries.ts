import { MigrationInterface, QueryRunner } from "typeorm";

/** Meetings planned together as a quarterly series share a series id. */
export class MeetingSeries1766400000001 implements MigrationInterface {
  name = "MeetingSeries1766400000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting ADD COLUMN series_id uuid`);
    await q.query(`CREATE INDEX meeting_series_id ON meeting (series_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting DROP COLUMN series_id`);
  }
}
