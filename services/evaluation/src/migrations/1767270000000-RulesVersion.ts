import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The scoring rules version of a run (issue 15): the runs made so far were computed with version 1 and keep it, so
 * they recompute to their stored results; new runs state theirs (no default).
 */
export class RulesVersion1767270000000 implements MigrationInterface {
  name = "RulesVersion1767270000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_run ADD COLUMN rules_version integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE evaluation_run ALTER COLUMN rules_version DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_run DROP COLUMN rules_version`);
  }
}
