import { MigrationInterface, QueryRunner } from "typeorm";

/** Fields of activity as first seeded. Frozen: the literal rows this migration inserts (id, code, name, name_normalized, description, sort_order). */
const FIELD_OF_ACTIVITY_ROWS: [string, string, string, string, string | null, number][] = [
  [
    "02d8c6db-1074-5dc3-8c4d-9a33b766fac7",
    "YOUTH",
    "جوانان",
    "جوانان",
    "توانمندسازی، مشارکت و سازمان‌دهی جوانان و داوطلبان جوان",
    10,
  ],
  [
    "6942fd92-9dc6-5d12-81eb-217917b57217",
    "SOCIAL_HARM_PREVENTION",
    "پیشگیری از آسیب‌های اجتماعی",
    "پیشگیریازآسیبهایاجتماعی",
    "اعتیاد، طلاق، کودکان کار، حاشیه‌نشینی و دیگر آسیب‌های اجتماعی",
    20,
  ],
  [
    "b57d2eb7-d34f-5992-930a-b67b765fdbe8",
    "DISABILITY",
    "معلولان و توان‌یابی",
    "معلولانوتوانیابی",
    "حمایت، توان‌بخشی و اشتغال افراد دارای معلولیت",
    30,
  ],
  [
    "8294fd10-838a-5335-878d-bf5ecc99e1cd",
    "WOMEN_FAMILY",
    "زنان و خانواده",
    "زنانوخانواده",
    "زنان سرپرست خانوار، سلامت و توانمندی زنان و تحکیم خانواده",
    40,
  ],
  [
    "e37fd0f1-4183-51ed-959d-e5dad9ffef47",
    "ENVIRONMENT",
    "محیط زیست و منابع طبیعی",
    "محیطزیستومنابعطبیعی",
    "حفاظت از طبیعت، آب، دریاچه‌ها، جنگل‌ها و آموزش زیست‌محیطی",
    50,
  ],
  ["35264d2d-c04d-5da2-b47f-47ae797d6e50", "HEALTH", "سلامت", "سلامت", "حمایت از بیماران، پیشگیری و آموزش سلامت", 60],
  [
    "75f4fc3f-2e8f-545a-b912-5ad91ca9d345",
    "CULTURE",
    "فرهنگ، هنر و میراث",
    "فرهنگ،هنرومیراث",
    "فعالیت‌های فرهنگی، هنری و حفاظت از میراث فرهنگی",
    70,
  ],
  [
    "f818ca40-7f5a-5e0d-82ef-80554c06cb48",
    "CHARITY",
    "خیریه و نیکوکاری",
    "خیریهونیکوکاری",
    "امور خیریه، حمایت از نیازمندان و ایتام",
    80,
  ],
  [
    "1828d1bb-b14e-5b4e-9212-c3642752fe3a",
    "EDUCATION",
    "آموزش و مهارت‌آموزی",
    "آموزشومهارتآموزی",
    "آموزش رسمی و غیررسمی، سوادآموزی و مهارت‌آموزی",
    90,
  ],
  [
    "18bd4b8c-c17f-5612-84be-199762c2d8c6",
    "URBAN_DEVELOPMENT",
    "توسعه شهری و محله‌ای",
    "توسعهشهریومحلهای",
    "توسعه محله، نواحی ناکارآمد شهری و مشارکت شهروندی",
    100,
  ],
  [
    "ce5c4818-41b6-5f82-bc73-9c39b29dbd2d",
    "CHILDREN",
    "کودکان و نوجوانان",
    "کودکانونوجوانان",
    "حقوق، آموزش و حمایت از کودکان و نوجوانان",
    110,
  ],
  ["58995083-3f87-5ab9-bc1b-be9b9895ada8", "ELDERLY", "سالمندان", "سالمندان", "مراقبت و حمایت از سالمندان", 120],
  [
    "c88beb02-5da6-5f33-831d-cfa004318f71",
    "EMPLOYMENT",
    "اشتغال و کارآفرینی",
    "اشتغالوکارآفرینی",
    "کارآفرینی، اشتغال و معیشت پایدار",
    130,
  ],
  [
    "e55da65c-245b-5eb6-9303-8224f648af07",
    "DISASTER_RELIEF",
    "امداد و مدیریت بحران",
    "امدادومدیریتبحران",
    "آمادگی و امدادرسانی در حوادث و بلایا",
    140,
  ],
  ["c7e23b95-48cb-5a73-b46d-d575fd96d4c8", "SPORTS", "ورزش", "ورزش", "ورزش همگانی و ورزش قهرمانی", 150],
];

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
    for (const row of FIELD_OF_ACTIVITY_ROWS) {
      await q.query(
        `INSERT INTO field_of_activity (id, code, name, name_normalized, description, sort_order) VALUES ($1, $2, $3, $4, $5, $6)`,
        row,
      );
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
    await q.query(
      `CREATE UNIQUE INDEX board_member_single_role_unique ON board_member (ngo_id, role) WHERE role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'TREASURER', 'CEO')`,
    );

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
