import { MigrationInterface, QueryRunner } from "typeorm";
import { normalizePersian } from "@hamafza/common";
import { fieldOfActivityId, SEEDED_FIELDS } from "../seed/fieldsOfActivity";

/**
 * Issue 4, the NGO's profile: fields of activity (taxonomy, seeded), scope and further phones, board members,
 * capabilities, awards, training needs, and licences with their history and the `licence_state` function.
 */
export class NgoProfile1764000000000 implements MigrationInterface {
  name = "NgoProfile1764000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE field_of_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL CONSTRAINT field_of_activity_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        name text NOT NULL,
        name_normalized text NOT NULL,
        description text,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX field_of_activity_code_unique ON field_of_activity (code)`);
    await q.query(`CREATE UNIQUE INDEX field_of_activity_name_unique ON field_of_activity (name_normalized)`);
    for (const [i, field] of SEEDED_FIELDS.entries()) {
      await q.query(`INSERT INTO field_of_activity (id, code, name, name_normalized, description, sort_order) VALUES ($1, $2, $3, $4, $5, $6)`, [
        fieldOfActivityId(field.code),
        field.code,
        field.name,
        normalizePersian(field.name),
        field.description,
        (i + 1) * 10,
      ]);
    }
    await q.query(`
      CREATE TABLE ngo_field (
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        field_id uuid NOT NULL CONSTRAINT ngo_field_field_fk REFERENCES field_of_activity(id) ON DELETE RESTRICT,
        PRIMARY KEY (ngo_id, field_id)
      )`);
    await q.query(`CREATE INDEX ngo_field_field_id ON ngo_field (field_id)`);

    await q.query(`
      ALTER TABLE ngo
        ADD COLUMN scope varchar(16) NOT NULL DEFAULT 'COUNTY' CONSTRAINT ngo_scope_check CHECK (scope IN ('NATIONAL', 'PROVINCIAL', 'COUNTY')),
        ADD COLUMN other_phones varchar(11)[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX ngo_phone ON ngo (phone)`);

    await q.query(`
      CREATE TABLE board_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        name text NOT NULL,
        name_normalized text NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'TREASURER', 'CEO', 'MEMBER', 'ALTERNATE_MEMBER', 'INSPECTOR')),
        national_code varchar(10) NOT NULL CHECK (national_code ~ '^[0-9]{10}$'),
        phone varchar(11),
        sort_order integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX board_member_ngo_id ON board_member (ngo_id)`);
    await q.query(`CREATE UNIQUE INDEX board_member_national_code_unique ON board_member (ngo_id, national_code)`);
    await q.query(`CREATE UNIQUE INDEX board_member_single_role_unique ON board_member (ngo_id, role) WHERE role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'TREASURER', 'CEO')`);

    await q.query(`
      CREATE TABLE ngo_capability (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        service text NOT NULL,
        field_id uuid CONSTRAINT ngo_capability_field_fk REFERENCES field_of_activity(id) ON DELETE RESTRICT,
        coverage_county_ids varchar(4)[] NOT NULL DEFAULT '{}',
        volunteers_available integer CHECK (volunteers_available >= 0),
        sort_order integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX ngo_capability_ngo_id ON ngo_capability (ngo_id)`);
    await q.query(`CREATE INDEX ngo_capability_coverage ON ngo_capability USING gin (coverage_county_ids)`);

    await q.query(`
      CREATE TABLE ngo_award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        title text NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('NATIONAL', 'INTERNATIONAL')),
        jalali_year integer NOT NULL CHECK (jalali_year BETWEEN 1300 AND 1500),
        awarded_by text,
        sort_order integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX ngo_award_ngo_id ON ngo_award (ngo_id)`);

    await q.query(`
      CREATE TABLE training_need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        topic text NOT NULL,
        topic_normalized text NOT NULL,
        audience text,
        urgency varchar(8) NOT NULL CHECK (urgency IN ('LOW', 'MEDIUM', 'HIGH')),
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX training_need_ngo_id ON training_need (ngo_id)`);
    await q.query(`CREATE INDEX training_need_topic ON training_need (topic_normalized)`);

    await q.query(`
      CREATE TABLE licence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        number text NOT NULL,
        authority varchar(24) NOT NULL CHECK (authority IN ('GOVERNORATE', 'COUNTY_GOVERNORATE', 'MINISTRY_OF_INTERIOR', 'OTHER')),
        authority_name text,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
        suspended_until date,
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT licence_dates_check CHECK (expires_on > issued_on),
        CONSTRAINT licence_authority_name_check CHECK (authority <> 'OTHER' OR authority_name IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX licence_number_unique ON licence (ngo_id, number)`);
    await q.query(`CREATE INDEX licence_current ON licence (ngo_id, issued_on DESC, created_at DESC)`);
    await q.query(`CREATE INDEX licence_expires_on ON licence (expires_on)`);

    await q.query(`
      CREATE TABLE licence_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        licence_id uuid NOT NULL REFERENCES licence(id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL,
        action varchar(16) NOT NULL CHECK (action IN ('ISSUE', 'RENEW', 'SUSPEND', 'REINSTATE', 'REVOKE')),
        from_state varchar(16) NOT NULL,
        to_state varchar(16) NOT NULL,
        effective_on date NOT NULL,
        reason text,
        status varchar(16) NOT NULL,
        expires_on date NOT NULL,
        previous_expires_on date,
        suspended_until date,
        actor_id text,
        actor_username text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX licence_event_history ON licence_event (licence_id, effective_on, seq)`);

    // The derived state, the same rule as deriveLicenceState() in resolvers/licence.ts: usable in filters and GROUP BY.
    await q.query(`
      CREATE FUNCTION licence_state(status text, suspended_until date, expires_on date, on_date date, window_days integer)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN status IS NULL THEN 'NONE'
          WHEN status = 'REVOKED' THEN 'REVOKED'
          WHEN status = 'SUSPENDED' AND (suspended_until IS NULL OR suspended_until >= on_date) THEN 'SUSPENDED'
          WHEN expires_on < on_date THEN 'EXPIRED'
          WHEN expires_on <= on_date + window_days THEN 'EXPIRING'
          ELSE 'ACTIVE'
        END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION licence_state(text, date, date, date, integer)`);
    await q.query(`DROP TABLE licence_event`);
    await q.query(`DROP TABLE licence`);
    await q.query(`DROP TABLE training_need`);
    await q.query(`DROP TABLE ngo_award`);
    await q.query(`DROP TABLE ngo_capability`);
    await q.query(`DROP TABLE board_member`);
    await q.query(`DROP INDEX ngo_phone`);
    await q.query(`ALTER TABLE ngo DROP COLUMN other_phones, DROP COLUMN scope`);
    await q.query(`DROP TABLE ngo_field`);
    await q.query(`DROP TABLE field_of_activity`);
  }
}
