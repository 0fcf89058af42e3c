import { MigrationInterface, QueryRunner } from "typeorm";

/** NGOs listed in the public register, each with the NGO's recorded consent (docs/public-register.md). */
export class PublicRegister1767100000000 implements MigrationInterface {
  name = "PublicRegister1767100000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ngo_public_listing (
        ngo_id uuid PRIMARY KEY REFERENCES ngo (id) ON DELETE CASCADE,
        consent_on date NOT NULL,
        consent_note text NOT NULL,
        listed_by text NOT NULL,
        listed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ngo_public_listing`);
  }
}
