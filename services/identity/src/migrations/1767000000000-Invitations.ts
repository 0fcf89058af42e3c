import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Invited users (issue 15): three roles bound to one record each (an NGO, an agency, a manager: `bound_id`), and
 * one-time expiring invitation codes (their SHA-256 only) by which the invitee sets a password.
 */
export class Invitations1767000000000 implements MigrationInterface {
  name = "Invitations1767000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN bound_id uuid`);
    await q.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_role_check`);
    await q.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_territory`);
    await q.query(`
      ALTER TABLE user_account ADD CONSTRAINT user_account_role_check CHECK (role IN (
        'ADMIN', 'PROVINCE_OFFICER', 'COUNTY_OFFICER', 'EVALUATOR', 'ANALYST',
        'NGO_REPRESENTATIVE', 'AGENCY_RESPONDENT', 'MANAGER'))`);
    await q.query(`
      ALTER TABLE user_account ADD CONSTRAINT user_account_territory CHECK (
        (role = 'ADMIN' AND province_id IS NULL AND county_id IS NULL AND bound_id IS NULL)
        OR (role = 'PROVINCE_OFFICER' AND province_id IS NOT NULL AND county_id IS NULL AND bound_id IS NULL)
        OR (role = 'COUNTY_OFFICER' AND county_id IS NOT NULL AND province_id = left(county_id, 2) AND bound_id IS NULL)
        OR (role IN ('EVALUATOR', 'ANALYST') AND (county_id IS NULL OR province_id = left(county_id, 2)) AND bound_id IS NULL)
        OR (role IN ('NGO_REPRESENTATIVE', 'AGENCY_RESPONDENT', 'MANAGER') AND bound_id IS NOT NULL
            AND province_id IS NOT NULL AND (county_id IS NULL OR province_id = left(county_id, 2)))
      )`);
    await q.query(`CREATE INDEX user_account_bound_id ON user_account (bound_id) WHERE bound_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id),
        code_hash text NOT NULL CONSTRAINT invitation_code_hash_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by_id text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CHECK (used_at IS NULL OR revoked_at IS NULL)
      )`);
    await q.query(`CREATE INDEX invitation_user_id ON invitation (user_id)`);
    await q.query(
      `CREATE UNIQUE INDEX invitation_one_open ON invitation (user_id) WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitation`);
    await q.query(`DELETE FROM session WHERE user_id IN (SELECT id FROM user_account WHERE bound_id IS NOT NULL)`);
    await q.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_territory`);
    await q.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_role_check`);
    await q.query(`
      ALTER TABLE user_account ADD CONSTRAINT user_account_role_check
        CHECK (role IN ('ADMIN', 'PROVINCE_OFFICER', 'COUNTY_OFFICER', 'EVALUATOR', 'ANALYST')) NOT VALID`);
    await q.query(`
      ALTER TABLE user_account ADD CONSTRAINT user_account_territory CHECK (
        (role = 'ADMIN' AND province_id IS NULL AND county_id IS NULL)
        OR (role = 'PROVINCE_OFFICER' AND province_id IS NOT NULL AND county_id IS NULL)
        OR (role = 'COUNTY_OFFICER' AND county_id IS NOT NULL AND province_id = left(county_id, 2))
        OR (role IN ('EVALUATOR', 'ANALYST') AND (county_id IS NULL OR province_id = left(county_id, 2)))
      ) NOT VALID`);
    await q.query(`ALTER TABLE user_account DROP COLUMN bound_id`);
  }
}
