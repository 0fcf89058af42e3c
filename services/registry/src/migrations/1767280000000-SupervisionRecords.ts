import { MigrationInterface, QueryRunner } from "typeorm";

/** Supervision records of NGOs, linked both ways to the licence action they justify (docs/activity-reports.md). */
export class SupervisionRecords1767280000000 implements MigrationInterface {
  name = "SupervisionRecords1767280000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo (id) ON DELETE CASCADE,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        kind varchar(16) NOT NULL CHECK (kind IN ('REVIEW', 'WARNING', 'INSPECTION_NOTE')),
        recorded_on date NOT NULL,
        text text NOT NULL,
        activity_report_id uuid REFERENCES ngo_activity_report (id) ON DELETE SET NULL,
        licence_event_id uuid REFERENCES licence_event (id) ON DELETE SET NULL,
        created_by text,
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX supervision_record_ngo ON supervision_record (ngo_id, recorded_on)`);
    await q.query(`CREATE INDEX supervision_record_territory ON supervision_record (province_id, county_id)`);
    await q.query(
      `CREATE UNIQUE INDEX supervision_record_licence_event ON supervision_record (licence_event_id) WHERE licence_event_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE licence_event ADD COLUMN supervision_record_id uuid REFERENCES supervision_record (id) ON DELETE SET NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX licence_event_supervision_record ON licence_event (supervision_record_id) WHERE supervision_record_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE licence_event DROP COLUMN supervision_record_id`);
    await q.query(`DROP TABLE supervision_record`);
  }
}
