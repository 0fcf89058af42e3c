import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The dated history of NGO demands and proposals (docs/self-service.md, "Agencies answer"): each submission by an
 * NGO representative and each review step and answer of the agency's respondent, one row per step.
 */
export class RequestActions1767240000001 implements MigrationInterface {
  name = "RequestActions1767240000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid REFERENCES demand (id) ON DELETE CASCADE,
        proposal_id uuid REFERENCES proposal (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED')),
        acted_on date NOT NULL,
        note text,
        actor_role varchar(32) NOT NULL,
        recorded_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT request_action_subject_check CHECK ((demand_id IS NULL) <> (proposal_id IS NULL))
      )`);
    await q.query(`CREATE INDEX request_action_demand ON request_action (demand_id)`);
    await q.query(`CREATE INDEX request_action_proposal ON request_action (proposal_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_action`);
  }
}
