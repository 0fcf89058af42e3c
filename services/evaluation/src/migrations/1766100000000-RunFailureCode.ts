import { MigrationInterface, QueryRunner } from "typeorm";

/** The error code of a failed run (BAD_USER_INPUT, SERVICE_UNAVAILABLE, …), so whoever waits for it reports the same error. */
export class RunFailureCode1766100000000 implements MigrationInterface {
  name = "RunFailureCode1766100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_run ADD COLUMN failure_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_run DROP COLUMN failure_code`);
  }
}
