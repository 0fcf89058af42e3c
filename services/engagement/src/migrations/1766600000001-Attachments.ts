import { MigrationInterface, QueryRunner } from "typeorm";

/** Files attached to meetings, resolutions and projects (the content is in the gateway's storage, by SHA-256). */
export class Attachments1766600000001 implements MigrationInterface {
  name = "Attachments1766600000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid REFERENCES meeting (id) ON DELETE CASCADE,
        resolution_id uuid REFERENCES resolution (id) ON DELETE CASCADE,
        project_id uuid REFERENCES project (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        file_name text NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attachment_one_record CHECK (num_nonnulls(meeting_id, resolution_id, project_id) = 1)
      )`);
    await q.query(`CREATE INDEX attachment_meeting_id ON attachment (meeting_id)`);
    await q.query(`CREATE INDEX attachment_resolution_id ON attachment (resolution_id)`);
    await q.query(`CREATE INDEX attachment_project_id ON attachment (project_id)`);
    await q.query(`CREATE INDEX attachment_sha256 ON attachment (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment`);
  }
}
