import { DataSource } from "typeorm";

/**
 * Demo: the 1404 cycle (reference data, created DRAFT by the migration) is OPEN, so an evaluator can run the
 * computation right away. No run is made here (a run reads the facts over HTTP with the evaluator's token); the
 * preliminary regularity-only demo scores stay in `manager_score` until the first run replaces them.
 */
export async function openDemoCycle(db: DataSource): Promise<void> {
  await db.query(`UPDATE evaluation_cycle SET state = 'OPEN', updated_at = now() WHERE year = 1404 AND state = 'DRAFT' AND current_run_id IS NULL`);
}
