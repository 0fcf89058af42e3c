import { MigrationInterface, QueryRunner } from "typeorm";

/** Change requests of an NGO's regulated fields, filed by its representatives (docs/self-service.md). */
export class NgoChangeRequests1767230000000 implements MigrationInterface {
  name = "NgoChangeRequests1767230000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ngo_change_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo (id) ON DELETE CASCADE,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        changes jsonb NOT NULL,
        reason text NOT NULL,
        reference text,
        status varchar(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        requested_by text NOT NULL,
        decided_by text,
        decided_at timestamptz,
        decision_note text,
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ngo_change_request_one_pending ON ngo_change_request (ngo_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX ngo_change_request_ngo ON ngo_change_request (ngo_id, created_at)`);
    await q.query(`CREATE INDEX ngo_change_request_territory ON ngo_change_request (province_id, county_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ngo_change_request`);
  }
}
