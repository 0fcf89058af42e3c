import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Results' indicators and evidence strings as `json` (validated text, kept as written) instead of `jsonb` (issue 13,
 * S6): the results INSERT spent most of its time building `jsonb` from the text (≈ 40 % less PostgreSQL CPU for
 * storing a run). Every reader parses them in Node (`EvaluationResult`); the one statement that looks inside, the
 * territory summary, reads them with `json_array_elements`. Existing rows are converted (their text as `jsonb`
 * printed it); the values are the same.
 */
export class ResultsJsonText1767340000040 implements MigrationInterface {
  name = "ResultsJsonText1767340000040";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE evaluation_result ALTER COLUMN indicators TYPE json USING indicators::json, ALTER COLUMN evidence_strings TYPE json USING evidence_strings::json`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE evaluation_result ALTER COLUMN indicators TYPE jsonb USING indicators::jsonb, ALTER COLUMN evidence_strings TYPE jsonb USING evidence_strings::jsonb`,
    );
  }
}
