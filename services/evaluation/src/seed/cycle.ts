import { DataSource } from "typeorm";

/**
 * Demo: the 1404 cycle (reference data, created DRAFT by the migration) is OPEN, so an evaluator can run the
 * computation right away. The first run itself reads the facts over HTTP (infra's computeDemoEvaluationRun).
 */
export async function openDemoCycle(db: DataSource): Promise<void> {
  await db.query(
    `UPDATE evaluation_cycle SET state = 'OPEN', version = version + 1, updated_at = now() WHERE year = 1404 AND state = 'DRAFT' AND current_run_id IS NULL`,
  );
}
