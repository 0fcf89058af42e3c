import { MigrationInterface, QueryRunner } from "typeorm";

/** Needs assessments of informal-settlement areas, their NGOs and priority needs (docs/coverage.md). */
export class NeedsAssessments1767260000000 implements MigrationInterface {
  name = "NeedsAssessments1767260000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE needs_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_id uuid NOT NULL,
        county_id varchar(4) NOT NULL,
        province_id varchar(2) NOT NULL,
        assessed_on date NOT NULL,
        social_findings text,
        economic_findings text,
        physical_findings text,
        environmental_findings text,
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT needs_assessment_area_fk FOREIGN KEY (area_id) REFERENCES informal_settlement_area (id)
      )`);
    await q.query(`CREATE INDEX needs_assessment_area_id ON needs_assessment (area_id)`);
    await q.query(`CREATE INDEX needs_assessment_territory ON needs_assessment (province_id, county_id)`);
    await q.query(`
      CREATE TABLE needs_assessment_ngo (
        assessment_id uuid NOT NULL REFERENCES needs_assessment (id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL,
        PRIMARY KEY (assessment_id, ngo_id),
        CONSTRAINT needs_assessment_ngo_fk FOREIGN KEY (ngo_id) REFERENCES ngo (id)
      )`);
    await q.query(`CREATE INDEX needs_assessment_ngo_ngo_id ON needs_assessment_ngo (ngo_id)`);
    await q.query(`
      CREATE TABLE needs_assessment_priority (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES needs_assessment (id) ON DELETE CASCADE,
        rank integer NOT NULL CHECK (rank >= 1),
        dimension varchar(16) NOT NULL CHECK (dimension IN ('SOCIAL', 'ECONOMIC', 'PHYSICAL', 'ENVIRONMENTAL')),
        description text NOT NULL
      )`);
    await q.query(`CREATE INDEX needs_assessment_priority_assessment_id ON needs_assessment_priority (assessment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE needs_assessment_priority`);
    await q.query(`DROP TABLE needs_assessment_ngo`);
    await q.query(`DROP TABLE needs_assessment`);
  }
}
