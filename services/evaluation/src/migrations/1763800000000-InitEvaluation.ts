import { MigrationInterface, QueryRunner } from "typeorm";

export class InitEvaluation1763800000000 implements MigrationInterface {
  name = "InitEvaluation1763800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE manager_score (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        manager_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1390 AND 1500),
        total numeric(5, 2) NOT NULL CHECK (total BETWEEN 0 AND 100),
        grade varchar(24) NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'ACCEPTABLE', 'NEEDS_IMPROVEMENT')),
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX manager_score_manager_year_unique ON manager_score (manager_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE manager_score`);
  }
}
