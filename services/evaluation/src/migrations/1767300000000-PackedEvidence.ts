import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Packed evidence (issue 13, `evidencePacking.ts`): new results keep the distinct strings of their evidence once, in
 * `evidence_strings`, and each indicator's evidence as references to them. Rows stored before keep their evidence
 * inline (`evidence_strings` null) and are read as they are; nothing is rewritten.
 */
export class PackedEvidence1767300000000 implements MigrationInterface {
  name = "PackedEvidence1767300000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_result ADD COLUMN evidence_strings jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_result DROP COLUMN evidence_strings`);
  }
}
