import { MigrationInterface, QueryRunner } from "typeorm";

/** The social-harm catalogue as first seeded. Frozen: the literal rows this migration inserts (id, code, name, name_normalized, description, sort_order). */
const SOCIAL_HARM_ROWS: [string, string, string, string, string | null, number][] = [
  [
    "48502929-4dbe-582d-a1c9-623680bd77ea",
    "ADDICTION",
    "اعتیاد",
    "اعتیاد",
    "مصرف و وابستگی به مواد مخدر و روان‌گردان",
    1,
  ],
  [
    "0f9d8dea-061e-543e-be83-d4cc92316816",
    "ALCOHOL_USE",
    "مصرف الکل",
    "مصرفالکل",
    "مصرف مشروبات الکلی و مسمومیت‌های ناشی از آن",
    2,
  ],
  ["217e6a02-c3d1-52fa-b13c-81e62d9bf2dc", "DIVORCE", "طلاق", "طلاق", "طلاق و گسست خانواده؛ تحکیم بنیان خانواده", 3],
  [
    "0522c33c-884a-504d-8f78-334646369b07",
    "DOMESTIC_VIOLENCE",
    "همسرآزاری و خشونت خانگی",
    "همسرآزاریوخشونتخانگی",
    "خشونت جسمی، روانی و اقتصادی در خانواده",
    4,
  ],
  [
    "751db9cd-9b2f-5d42-ae43-f0a1d59fe5a1",
    "CHILD_ABUSE",
    "کودک‌آزاری",
    "کودکآزاری",
    "آزار جسمی، روانی و غفلت از کودکان",
    5,
  ],
  [
    "7e5b2393-d0d7-5ba8-aec4-dfa0503b10cd",
    "ELDER_ABUSE",
    "سالمندآزاری",
    "سالمندآزاری",
    "آزار و بی‌توجهی به سالمندان",
    6,
  ],
  [
    "aa0422b1-3284-5d14-b911-1c4335dbc952",
    "CHILD_LABOUR",
    "کودکان کار و خیابان",
    "کودکانکاروخیابان",
    "کار کودکان و حضور کودکان در خیابان",
    7,
  ],
  [
    "923c396c-8287-5288-b1aa-248a22132c38",
    "MARGINALISATION",
    "حاشیه‌نشینی",
    "حاشیهنشینی",
    "سکونتگاه‌های غیررسمی و نواحی ناکارآمد شهری",
    8,
  ],
  ["ab5fbf70-66db-5b89-aa49-afedb30ad0e7", "HOMELESSNESS", "کارتن‌خوابی", "کارتنخوابی", "بی‌خانمانی و کارتن‌خوابی", 9],
  ["a235fc8c-03cf-5515-9b6a-7a44230a21f6", "BEGGING", "تکدی‌گری", "تکدیگری", "تکدی‌گری و گدایی سازمان‌یافته", 10],
  [
    "39df5ac2-be2a-5c46-8c28-7224b4d2d379",
    "RUNAWAY",
    "فرار از منزل",
    "فرارازمنزل",
    "فرار نوجوانان و جوانان از خانه",
    11,
  ],
  ["5798b885-70e6-58cd-aeaf-0beb3a25b4f7", "SUICIDE", "خودکشی", "خودکشی", "اقدام به خودکشی و پیشگیری از آن", 12],
  ["b755cc09-0b6c-5ef2-b821-36cd34c96359", "THEFT", "سرقت", "سرقت", "سرقت و جرائم علیه اموال", 13],
  [
    "7e2b206f-2685-5722-a7bd-ea6921060a61",
    "VIOLENT_CONFLICT",
    "نزاع و درگیری",
    "نزاعودرگیری",
    "نزاع دسته‌جمعی و خشونت در اجتماع",
    14,
  ],
  [
    "d2ee5202-aafb-55f8-a847-5de12fe6d43a",
    "JUVENILE_DELINQUENCY",
    "بزهکاری نوجوانان",
    "بزهکارینوجوانان",
    "بزهکاری کودکان و نوجوانان",
    15,
  ],
  [
    "532594f3-d5d0-5c10-8c31-0c2d6f472224",
    "SCHOOL_DROPOUT",
    "ترک تحصیل",
    "ترکتحصیل",
    "بازماندگی و ترک تحصیل دانش‌آموزان",
    16,
  ],
  [
    "c6f1fe8a-0a8f-5213-bbd2-15f5bf512e5e",
    "CHILD_MARRIAGE",
    "ازدواج زودهنگام",
    "ازدواجزودهنگام",
    "ازدواج کودکان و ازدواج زیر سن قانونی",
    17,
  ],
  [
    "d1c76480-7e0d-5972-979c-2cb56d169af4",
    "GAMBLING",
    "قمار و شرط‌بندی",
    "قماروشرطبندی",
    "قمار و شرط‌بندی، از جمله در فضای مجازی",
    18,
  ],
  [
    "4a764e9e-4886-54d7-b161-53daf368556d",
    "CYBER_HARMS",
    "آسیب‌های فضای مجازی",
    "آسیبهایفضایمجازی",
    "آسیب‌های اجتماعی فضای مجازی و کلاهبرداری اینترنتی",
    19,
  ],
  [
    "c1fecc39-2bb8-5d64-b65e-6117e4520cf8",
    "UNEMPLOYMENT_POVERTY",
    "فقر و بیکاری",
    "فقروبیکاری",
    "بیکاری و فقر به عنوان زمینه‌ساز آسیب‌های دیگر",
    20,
  ],
];

/**
 * Issue 5, the engagement domain: meeting details (organising agency, venue, working group), ids for attendance
 * rows (a federation entity), officials present, the social-harm catalogue (seeded), agenda items, resolutions and
 * their updates, working groups and members, projects, proposals, demands and locked evaluation periods.
 */
export class EngagementDomain1764200000000 implements MigrationInterface {
  name = "EngagementDomain1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        dimension varchar(16) NOT NULL CONSTRAINT working_group_dimension_check
          CHECK (dimension IN ('SOCIAL', 'ECONOMIC', 'PHYSICAL', 'ENVIRONMENTAL', 'CULTURAL', 'HEALTH', 'OTHER')),
        parent_body text,
        parent_ngo_house_id uuid,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        chair_manager_id uuid,
        chair_agency_id uuid,
        description text,
        established_on date,
        dissolved_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT working_group_county_in_province CHECK (county_id IS NULL OR left(county_id, 2) = province_id),
        CONSTRAINT working_group_dates_check CHECK (dissolved_on IS NULL OR established_on IS NULL OR dissolved_on >= established_on)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX working_group_name_in_territory_unique ON working_group (province_id, coalesce(county_id, ''), name_normalized)`,
    );
    await q.query(`CREATE INDEX working_group_province_id ON working_group (province_id)`);
    await q.query(`CREATE INDEX working_group_county_id ON working_group (county_id)`);
    await q.query(`CREATE INDEX working_group_chair_manager_id ON working_group (chair_manager_id)`);
    await q.query(`CREATE INDEX working_group_chair_agency_id ON working_group (chair_agency_id)`);

    await q.query(`
      CREATE TABLE working_group_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('AGENCY', 'NGO')),
        agency_id uuid,
        ngo_id uuid,
        role text,
        joined_on date NOT NULL,
        left_on date,
        CONSTRAINT working_group_member_subject_check CHECK ((kind = 'AGENCY' AND agency_id IS NOT NULL AND ngo_id IS NULL) OR (kind = 'NGO' AND ngo_id IS NOT NULL AND agency_id IS NULL)),
        CONSTRAINT working_group_member_dates_check CHECK (left_on IS NULL OR left_on >= joined_on))`);
    await q.query(
      `CREATE UNIQUE INDEX working_group_member_unique ON working_group_member (working_group_id, coalesce(agency_id, ngo_id), joined_on)`,
    );
    await q.query(`CREATE INDEX working_group_member_working_group_id ON working_group_member (working_group_id)`);
    await q.query(`CREATE INDEX working_group_member_agency_id ON working_group_member (agency_id)`);
    await q.query(`CREATE INDEX working_group_member_ngo_id ON working_group_member (ngo_id)`);

    await q.query(`ALTER TABLE meeting ADD COLUMN organising_agency_id uuid`);
    await q.query(`ALTER TABLE meeting ADD COLUMN venue text`);
    await q.query(`ALTER TABLE meeting ADD COLUMN venue_ngo_house_id uuid`);
    await q.query(
      `ALTER TABLE meeting ADD COLUMN working_group_id uuid CONSTRAINT meeting_working_group_fk REFERENCES working_group(id)`,
    );
    await q.query(
      `ALTER TABLE meeting ADD CONSTRAINT meeting_county_in_province CHECK (county_id IS NULL OR left(county_id, 2) = province_id) NOT VALID`,
    );
    await q.query(
      `ALTER TABLE meeting ADD CONSTRAINT meeting_working_group_kind CHECK (working_group_id IS NULL OR kind = 'WORKING_GROUP_SESSION')`,
    );
    await q.query(`CREATE INDEX meeting_organising_agency_id ON meeting (organising_agency_id)`);
    await q.query(`CREATE INDEX meeting_working_group_id ON meeting (working_group_id)`);
    await q.query(`CREATE INDEX meeting_held_at ON meeting (held_at)`);

    // Attendance rows get ids (federation entity `MeetingAttendance`); an NGO is still on a meeting's list once.
    await q.query(`ALTER TABLE meeting_attendance ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE meeting_attendance DROP CONSTRAINT meeting_attendance_pkey`);
    await q.query(`ALTER TABLE meeting_attendance ADD CONSTRAINT meeting_attendance_pkey PRIMARY KEY (id)`);
    await q.query(
      `ALTER TABLE meeting_attendance ADD CONSTRAINT meeting_attendance_meeting_ngo_unique UNIQUE (meeting_id, ngo_id)`,
    );

    await q.query(`
      CREATE TABLE meeting_official (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        manager_id uuid NOT NULL,
        agency_id uuid,
        role text NOT NULL,
        CONSTRAINT meeting_official_meeting_manager_unique UNIQUE (meeting_id, manager_id)
      )`);
    await q.query(`CREATE INDEX meeting_official_manager_id ON meeting_official (manager_id)`);

    await q.query(`
      CREATE TABLE social_harm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL CONSTRAINT social_harm_code_unique UNIQUE,
        name text NOT NULL,
        name_normalized text NOT NULL CONSTRAINT social_harm_name_unique UNIQUE,
        description text,
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const row of SOCIAL_HARM_ROWS) {
      await q.query(
        `INSERT INTO social_harm (id, code, name, name_normalized, description, sort_order) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        row,
      );
    }

    await q.query(`
      CREATE TABLE demand (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        meeting_id uuid CONSTRAINT demand_meeting_fk REFERENCES meeting(id),
        category varchar(32) NOT NULL CHECK (category IN ('MEMBERS_INSURANCE', 'INFRASTRUCTURE', 'OFFICIAL_RECOGNITION', 'EMPLOYMENT_OF_DISABLED', 'FUNDING', 'OTHER')),
        title text NOT NULL,
        title_normalized text NOT NULL,
        description text,
        agency_id uuid,
        raised_on date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'RAISED' CHECK (status IN ('RAISED', 'UNDER_REVIEW', 'RESOLVED', 'REJECTED')),
        response text,
        responded_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT demand_county_in_province CHECK (county_id IS NULL OR left(county_id, 2) = province_id),
        CONSTRAINT demand_answer_check CHECK (status NOT IN ('RESOLVED', 'REJECTED') OR (responded_on IS NOT NULL AND response IS NOT NULL)),
        CONSTRAINT demand_response_date_check CHECK (responded_on IS NULL OR responded_on >= raised_on)
      )`);
    for (const column of ["ngo_id", "province_id", "county_id", "meeting_id", "agency_id", "raised_on"]) {
      await q.query(`CREATE INDEX demand_${column} ON demand (${column})`);
    }

    await q.query(`
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 1),
        topic text NOT NULL,
        topic_normalized text NOT NULL,
        social_harm_id uuid CONSTRAINT agenda_item_social_harm_fk REFERENCES social_harm(id),
        demand_id uuid CONSTRAINT agenda_item_demand_fk REFERENCES demand(id),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agenda_item_meeting_id ON agenda_item (meeting_id)`);
    await q.query(`CREATE INDEX agenda_item_social_harm_id ON agenda_item (social_harm_id)`);
    await q.query(`CREATE INDEX agenda_item_demand_id ON agenda_item (demand_id)`);

    await q.query(`
      CREATE TABLE resolution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL CONSTRAINT resolution_meeting_fk REFERENCES meeting(id),
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        text text NOT NULL,
        text_normalized text NOT NULL,
        owner_agency_id uuid,
        owner_manager_id uuid,
        deadline date,
        status varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
        completed_on date,
        cancellation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resolution_owner_check CHECK (owner_agency_id IS NOT NULL OR owner_manager_id IS NOT NULL),
        CONSTRAINT resolution_done_check CHECK ((status = 'DONE') = (completed_on IS NOT NULL)),
        CONSTRAINT resolution_cancelled_check CHECK (status <> 'CANCELLED' OR cancellation_reason IS NOT NULL)
      )`);
    for (const column of [
      "meeting_id",
      "province_id",
      "county_id",
      "owner_agency_id",
      "owner_manager_id",
      "deadline",
    ]) {
      await q.query(`CREATE INDEX resolution_${column} ON resolution (${column})`);
    }
    await q.query(`
      CREATE TABLE resolution_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resolution_id uuid NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        reported_on date NOT NULL,
        note text NOT NULL,
        status_before varchar(16),
        status_after varchar(16),
        recorded_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resolution_update_resolution_id ON resolution_update (resolution_id)`);

    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        title_normalized text NOT NULL,
        description text,
        working_group_id uuid CONSTRAINT project_working_group_fk REFERENCES working_group(id),
        area_id uuid,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        responsible_agency_id uuid,
        start_on date,
        planned_end_on date,
        closed_on date,
        status varchar(16) NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'ACTIVE', 'STALLED', 'FINISHED', 'ABANDONED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_county_in_province CHECK (county_id IS NULL OR left(county_id, 2) = province_id),
        CONSTRAINT project_dates_check CHECK (planned_end_on IS NULL OR start_on IS NULL OR planned_end_on >= start_on),
        CONSTRAINT project_closed_check CHECK ((status IN ('FINISHED', 'ABANDONED')) = (closed_on IS NOT NULL))
      )`);
    for (const column of [
      "working_group_id",
      "area_id",
      "province_id",
      "county_id",
      "responsible_agency_id",
      "status",
    ]) {
      await q.query(`CREATE INDEX project_${column} ON project (${column})`);
    }
    await q.query(`
      CREATE TABLE project_partner (
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL,
        PRIMARY KEY (project_id, ngo_id)
      )`);
    await q.query(`CREATE INDEX project_partner_ngo_id ON project_partner (ngo_id)`);
    await q.query(`
      CREATE TABLE project_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        reported_on date NOT NULL,
        note text NOT NULL,
        status_before varchar(16),
        status_after varchar(16),
        recorded_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_update_project_id ON project_update (project_id)`);

    await q.query(`
      CREATE TABLE proposal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ngo_id uuid NOT NULL,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        agency_id uuid,
        council_name text,
        topic text NOT NULL,
        topic_normalized text NOT NULL,
        summary text,
        field_code varchar(40),
        meeting_id uuid CONSTRAINT proposal_meeting_fk REFERENCES meeting(id),
        submitted_on date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'IMPLEMENTED')),
        review_started_on date,
        response text,
        responded_on date,
        implemented_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_county_in_province CHECK (county_id IS NULL OR left(county_id, 2) = province_id),
        CONSTRAINT proposal_addressee_check CHECK (agency_id IS NOT NULL OR council_name IS NOT NULL),
        CONSTRAINT proposal_answer_check CHECK (status NOT IN ('ACCEPTED', 'REJECTED', 'IMPLEMENTED') OR (responded_on IS NOT NULL AND response IS NOT NULL)),
        CONSTRAINT proposal_implemented_check CHECK (status <> 'IMPLEMENTED' OR implemented_on IS NOT NULL),
        CONSTRAINT proposal_dates_check CHECK ((responded_on IS NULL OR responded_on >= submitted_on) AND (review_started_on IS NULL OR review_started_on >= submitted_on) AND (implemented_on IS NULL OR responded_on IS NULL OR implemented_on >= responded_on))
      )`);
    for (const column of [
      "ngo_id",
      "province_id",
      "county_id",
      "agency_id",
      "meeting_id",
      "submitted_on",
      "field_code",
    ]) {
      await q.query(`CREATE INDEX proposal_${column} ON proposal (${column})`);
    }

    await q.query(`
      CREATE TABLE engagement_period_lock (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL,
        province_id varchar(2),
        reason text,
        locked_by text,
        locked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX engagement_period_lock_unique ON engagement_period_lock (year, coalesce(province_id, ''))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "engagement_period_lock",
      "proposal",
      "project_update",
      "project_partner",
      "project",
      "resolution_update",
      "resolution",
      "agenda_item",
      "demand",
      "social_harm",
      "meeting_official",
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE meeting_attendance DROP CONSTRAINT meeting_attendance_meeting_ngo_unique`);
    await q.query(`ALTER TABLE meeting_attendance DROP CONSTRAINT meeting_attendance_pkey`);
    await q.query(`ALTER TABLE meeting_attendance DROP COLUMN id`);
    await q.query(`ALTER TABLE meeting_attendance ADD PRIMARY KEY (meeting_id, ngo_id)`);
    await q.query(`ALTER TABLE meeting DROP CONSTRAINT meeting_working_group_kind`);
    await q.query(`ALTER TABLE meeting DROP CONSTRAINT meeting_county_in_province`);
    for (const column of ["working_group_id", "venue_ngo_house_id", "venue", "organising_agency_id"])
      await q.query(`ALTER TABLE meeting DROP COLUMN ${column}`);
    await q.query(`DROP TABLE working_group_member`);
    await q.query(`DROP TABLE working_group`);
  }
}
