import { normalizePersian } from "@hamafza/common";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Runs become background jobs: a run row exists from the start (RUNNING, with its phase and progress) and gets its
 * snapshot, hash and results when it SUCCEEDS; a FAILED run keeps its Persian failure message. At most one RUNNING
 * run per cycle and scope (country or province). Results get the manager's normalised name for search (`filter.q`).
 */
export class RunProgress1764400000000 implements MigrationInterface {
  name = "RunProgress1764400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE evaluation_run
        ADD COLUMN status varchar(16) NOT NULL DEFAULT 'SUCCEEDED' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
        ADD COLUMN phase varchar(24) NOT NULL DEFAULT 'DONE',
        ADD COLUMN progress integer NOT NULL DEFAULT 100 CHECK (progress BETWEEN 0 AND 100),
        ADD COLUMN failure_message text,
        ADD COLUMN finished_at timestamptz,
        ALTER COLUMN snapshot DROP NOT NULL,
        ALTER COLUMN results_hash DROP NOT NULL,
        ALTER COLUMN facts_as_of DROP NOT NULL,
        ALTER COLUMN duration_ms DROP NOT NULL`);
    await q.query(`UPDATE evaluation_run SET finished_at = computed_at + duration_ms * interval '1 millisecond'`);
    await q.query(`ALTER TABLE evaluation_run ALTER COLUMN status SET DEFAULT 'RUNNING', ALTER COLUMN phase SET DEFAULT 'QUEUED', ALTER COLUMN progress SET DEFAULT 0`);
    await q.query(`
      ALTER TABLE evaluation_run ADD CONSTRAINT evaluation_run_succeeded_complete
        CHECK (status <> 'SUCCEEDED' OR (snapshot IS NOT NULL AND results_hash IS NOT NULL AND facts_as_of IS NOT NULL AND finished_at IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX evaluation_run_one_running ON evaluation_run (cycle_id, coalesce(province_id, '')) WHERE status = 'RUNNING'`);
    await q.query(`ALTER TABLE evaluation_result ADD COLUMN manager_name_normalized text`);
    const names: { name: string }[] = await q.query(`SELECT DISTINCT manager_name AS name FROM evaluation_result`);
    if (names.length > 0) {
      await q.query(`UPDATE evaluation_result r SET manager_name_normalized = x.normalized FROM jsonb_to_recordset($1::jsonb) AS x(name text, normalized text) WHERE r.manager_name = x.name`, [
        JSON.stringify(names.map(({ name }) => ({ name, normalized: normalizePersian(name) }))),
      ]);
    }
    await q.query(`ALTER TABLE evaluation_result ALTER COLUMN manager_name_normalized SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_result DROP COLUMN manager_name_normalized`);
    await q.query(`DROP INDEX evaluation_run_one_running`);
    await q.query(`DELETE FROM evaluation_run WHERE status <> 'SUCCEEDED'`);
    await q.query(`
      ALTER TABLE evaluation_run DROP CONSTRAINT evaluation_run_succeeded_complete,
        DROP COLUMN status, DROP COLUMN phase, DROP COLUMN progress, DROP COLUMN failure_message, DROP COLUMN finished_at,
        ALTER COLUMN snapshot SET NOT NULL, ALTER COLUMN results_hash SET NOT NULL, ALTER COLUMN facts_as_of SET NOT NULL, ALTER COLUMN duration_ms SET NOT NULL`);
  }
}
