import { MigrationInterface, QueryRunner } from "typeorm";

/** Files attached to NGOs' annual activity reports (the content is in the gateway's storage, by SHA-256). */
export class ActivityReportAttachments1767100000002 implements MigrationInterface {
  name = "ActivityReportAttachments1767100000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_report_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES ngo_activity_report (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        file_name text NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX activity_report_attachment_report_id ON activity_report_attachment (report_id)`);
    await q.query(`CREATE INDEX activity_report_attachment_sha256 ON activity_report_attachment (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity_report_attachment`);
  }
}
