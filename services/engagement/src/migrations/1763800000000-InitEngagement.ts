import { MigrationInterface, QueryRunner } from "typeorm";

export class InitEngagement1763800000000 implements MigrationInterface {
  name = "InitEngagement1763800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        title_normalized text NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN ('QUARTERLY_PROBLEM_CENTRED', 'NGO_EXCHANGE', 'WORKING_GROUP_SESSION', 'COUNCIL', 'OTHER')),
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        chair_id uuid,
        scheduled_at timestamptz NOT NULL,
        held_at timestamptz,
        status varchar(16) NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
        cancellation_reason text,
        minutes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'HELD' OR held_at IS NOT NULL),
        CHECK (status <> 'CANCELLED' OR cancellation_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX meeting_province_id ON meeting (province_id)`);
    await q.query(`CREATE INDEX meeting_county_id ON meeting (county_id)`);
    await q.query(`CREATE INDEX meeting_chair_id ON meeting (chair_id)`);
    await q.query(`CREATE INDEX meeting_scheduled_at ON meeting (scheduled_at)`);
    await q.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL,
        representative_name text,
        PRIMARY KEY (meeting_id, ngo_id)
      )`);
    await q.query(`CREATE INDEX meeting_attendance_ngo_id ON meeting_attendance (ngo_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_attendance`);
    await q.query(`DROP TABLE meeting`);
  }
}
