import { MigrationInterface, QueryRunner } from "typeorm";

export class InitIdentity1763900000000 implements MigrationInterface {
  name = "InitIdentity1763900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CONSTRAINT user_account_username_unique UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
        display_name text NOT NULL,
        display_name_normalized text NOT NULL,
        role varchar(24) NOT NULL CHECK (role IN ('ADMIN', 'PROVINCE_OFFICER', 'COUNTY_OFFICER', 'EVALUATOR', 'ANALYST')),
        province_id varchar(2),
        county_id varchar(4),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        last_login_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_account_territory CHECK (
          (role = 'ADMIN' AND province_id IS NULL AND county_id IS NULL)
          OR (role = 'PROVINCE_OFFICER' AND province_id IS NOT NULL AND county_id IS NULL)
          OR (role = 'COUNTY_OFFICER' AND county_id IS NOT NULL AND province_id = left(county_id, 2))
          OR (role IN ('EVALUATOR', 'ANALYST') AND (county_id IS NULL OR province_id = left(county_id, 2)))
        )
      )`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        client_address text
      )`);
    await q.query(`CREATE INDEX session_user_id ON session (user_id)`);
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        actor_username text,
        actor_role varchar(24),
        action text NOT NULL,
        outcome varchar(16) NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
        service text NOT NULL,
        entity_type text,
        entity_id text,
        province_id varchar(2),
        county_id varchar(4),
        before jsonb,
        after jsonb,
        client_address text,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_entry_at ON audit_entry (at DESC)`);
    await q.query(`CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_entry_actor ON audit_entry (actor_id)`);
    await q.query(`CREATE INDEX audit_entry_province ON audit_entry (province_id, county_id)`);
    // Append-only, even for the table's owner: changing or removing history raises an error.
    await q.query(`
      CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_is_append_only()`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE user_account`);
  }
}
