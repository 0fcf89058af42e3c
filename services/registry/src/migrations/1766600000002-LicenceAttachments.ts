import { MigrationInterface, QueryRunner } from "typeorm";

/** Files attached to licences (the content is in the gateway's storage, by SHA-256). */
export class LicenceAttachments1766600000002 implements MigrationInterface {
  name = "LicenceAttachments1766600000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE licence_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_id uuid NOT NULL REFERENCES licence (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        file_name text NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX licence_attachment_licence_id ON licence_attachment (licence_id)`);
    await q.query(`CREATE INDEX licence_attachment_sha256 ON licence_attachment (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE licence_attachment`);
  }
}
