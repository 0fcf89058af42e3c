import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The current results of a cycle (per manager, the result of the latest finished run that scored the manager)
 * materialised as `is_current`, maintained when a run succeeds, instead of recomputed over every result of every
 * run for each scoreboard page and its count. Partial indexes serve the scoreboard's page and count. Backfilled here
 * (literal SQL: migrations do not import live code).
 */
export class CurrentResults1765300000000 implements MigrationInterface {
  name = "CurrentResults1765300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_result ADD COLUMN is_current boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE evaluation_result SET is_current = true WHERE id IN (
        SELECT DISTINCT ON (cr.cycle_id, cr.manager_id) cr.id FROM evaluation_result cr JOIN evaluation_run crun ON crun.id = cr.run_id
         ORDER BY cr.cycle_id, cr.manager_id, crun.finished_at DESC, crun.id DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX evaluation_result_one_current ON evaluation_result (cycle_id, manager_id) WHERE is_current`,
    );
    await q.query(
      `CREATE INDEX evaluation_result_current_total ON evaluation_result (year, total DESC, id) WHERE is_current`,
    );
    await q.query(
      `CREATE INDEX evaluation_result_current_province ON evaluation_result (year, province_id, total DESC) WHERE is_current`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_result_current_province`);
    await q.query(`DROP INDEX evaluation_result_current_total`);
    await q.query(`DROP INDEX evaluation_result_one_current`);
    await q.query(`ALTER TABLE evaluation_result DROP COLUMN is_current`);
  }
}
