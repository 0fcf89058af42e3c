import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Managers' objections to an indicator of their result (issue 15): one open objection per result and indicator; the
 * evaluator's resolution (accepted → recompute or adjustment, rejected with a reason) kept on the row.
 */
export class EvaluationObjections1767270000001 implements MigrationInterface {
  name = "EvaluationObjections1767270000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        result_id uuid NOT NULL REFERENCES evaluation_result (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES evaluation_cycle (id) ON DELETE CASCADE,
        manager_id uuid NOT NULL,
        manager_name text NOT NULL,
        indicator_code varchar(32) NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) >= 10),
        missing_record_kind varchar(16) CHECK (missing_record_kind IN ('MEETING', 'RESOLUTION', 'WORKING_GROUP', 'PROPOSAL', 'DEMAND')),
        missing_record_id uuid,
        status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED')),
        outcome varchar(16) CHECK (outcome IN ('RECOMPUTE', 'ADJUSTMENT')),
        resolution_note text,
        recompute_run_id uuid REFERENCES evaluation_run (id) ON DELETE SET NULL,
        adjustment_id uuid REFERENCES evaluation_adjustment (id) ON DELETE SET NULL,
        filed_by text NOT NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        resolved_by text,
        resolved_at timestamptz,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        CONSTRAINT evaluation_objection_record CHECK ((missing_record_kind IS NULL) = (missing_record_id IS NULL)),
        CONSTRAINT evaluation_objection_resolution CHECK (
          (status = 'OPEN' AND outcome IS NULL AND resolved_at IS NULL)
          OR (status = 'REJECTED' AND outcome IS NULL AND resolved_at IS NOT NULL AND length(btrim(resolution_note)) >= 10)
          OR (status = 'ACCEPTED' AND outcome IS NOT NULL AND resolved_at IS NOT NULL AND length(btrim(resolution_note)) >= 10))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX evaluation_objection_one_open ON evaluation_objection (result_id, indicator_code) WHERE status = 'OPEN'`,
    );
    await q.query(`CREATE INDEX evaluation_objection_manager ON evaluation_objection (cycle_id, manager_id, filed_at)`);
    await q.query(
      `CREATE INDEX evaluation_objection_open ON evaluation_objection (province_id, filed_at) WHERE status = 'OPEN'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluation_objection`);
  }
}
