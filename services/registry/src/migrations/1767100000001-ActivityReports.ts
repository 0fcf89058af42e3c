import { MigrationInterface, QueryRunner } from "typeorm";

/** NGOs' annual activity reports and their review (docs/activity-reports.md). */
export class ActivityReports1767100000001 implements MigrationInterface {
  name = "ActivityReports1767100000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ngo_activity_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo (id) ON DELETE CASCADE,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        year integer NOT NULL CHECK (year BETWEEN 1380 AND 1450),
        activities text NOT NULL,
        beneficiaries integer NOT NULL CHECK (beneficiaries >= 0),
        volunteers integer NOT NULL CHECK (volunteers >= 0),
        counties_covered varchar(4)[] NOT NULL DEFAULT '{}',
        budget_band varchar(16) NOT NULL
          CHECK (budget_band IN ('UNDER_1B', 'FROM_1B_TO_10B', 'FROM_10B_TO_50B', 'OVER_50B')),
        status varchar(16) NOT NULL DEFAULT 'SUBMITTED'
          CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'NEEDS_CORRECTION')),
        review_note text,
        reviewed_by text,
        reviewed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ngo_activity_report_ngo_year ON ngo_activity_report (ngo_id, year)`);
    await q.query(`CREATE INDEX ngo_activity_report_territory ON ngo_activity_report (province_id, county_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ngo_activity_report`);
  }
}
