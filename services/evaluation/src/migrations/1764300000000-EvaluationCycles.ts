import { MigrationInterface, QueryRunner } from "typeorm";

/** Frozen: the 1404 rubric exactly as this migration stored it (the then-default rubric, literal). */
const RUBRIC_1404 = [
  {
    code: "REGULARITY",
    title: "منظم بودن نشست‌های مسئله‌محور",
    definition: "فصل‌های سال که دست‌کم یک نشست فصلی مسئله‌محور به ریاست مدیر با حضور دست‌کم یک سمن برگزار شده است.",
    weight: 30,
    target: 4,
    unit: "فصل",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "PROBLEM_FOCUS",
    title: "مسئله‌محوری نشست‌ها",
    definition:
      "سهم نشست‌های شمارش‌شده که دست‌کم یک دستور جلسه مرتبط با آسیب اجتماعی یا مطالبه سمن و دست‌کم یک مصوبه داشته‌اند.",
    weight: 15,
    target: 80,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "NGO_REACH",
    title: "گستره مشارکت سمن‌ها",
    definition:
      "سمن‌های متمایز دارای مجوز معتبر در تاریخ نشست که در نشست‌های مدیر حضور داشته‌اند، نسبت به سمن‌های فعال قلمرو مدیر.",
    weight: 15,
    target: 20,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "FOLLOW_THROUGH",
    title: "پیگیری مصوبات",
    definition: "مصوبات با مسئولیت مدیر یا دستگاه او که مهلتشان در سال است و تا مهلت انجام شده‌اند.",
    weight: 20,
    target: 90,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "PARTICIPATION",
    title: "کارگروه‌های مشارکتی",
    definition: "کارگروه‌هایی به ریاست دستگاه مدیر که عضو سمن دارند و در سال دست‌کم دو بار تشکیل جلسه داده‌اند.",
    weight: 10,
    target: 2,
    unit: "کارگروه",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "RESPONSIVENESS",
    title: "پاسخگویی به سمن‌ها",
    definition: "پیشنهادها و مطالبات سمن‌ها که به دستگاه مدیر ارجاع شده و ظرف ۳۰ روز پاسخ گرفته‌اند.",
    weight: 10,
    target: 90,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
];

/** Evaluation cycles with their rubric, computation runs (facts snapshot + results), results per manager, adjustments; the 1404 cycle as reference data. */
export class EvaluationCycles1764300000000 implements MigrationInterface {
  name = "EvaluationCycles1764300000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 1390 AND 1500),
        title text NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN ('DRAFT', 'OPEN', 'UNDER_REVIEW', 'FINAL', 'PUBLISHED')),
        indicators jsonb NOT NULL,
        current_run_id uuid,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT evaluation_cycle_year_unique UNIQUE (year)
      )`);
    await q.query(`
      CREATE TABLE evaluation_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES evaluation_cycle (id) ON DELETE CASCADE,
        year integer NOT NULL,
        province_id varchar(2),
        rubric jsonb NOT NULL,
        snapshot jsonb NOT NULL,
        results_hash varchar(64) NOT NULL,
        facts_as_of varchar(10) NOT NULL,
        managers_scored integer NOT NULL,
        managers_without_tenure integer NOT NULL,
        computed_by text NOT NULL,
        duration_ms integer NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluation_run_cycle ON evaluation_run (cycle_id, computed_at)`);
    await q.query(`
      CREATE TABLE evaluation_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES evaluation_run (id) ON DELETE CASCADE,
        cycle_id uuid NOT NULL REFERENCES evaluation_cycle (id) ON DELETE CASCADE,
        year integer NOT NULL,
        manager_id uuid NOT NULL,
        manager_name text NOT NULL,
        position text NOT NULL,
        position_kind varchar(32) NOT NULL,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        tenure_quarters integer[] NOT NULL,
        total numeric(5, 2) NOT NULL CHECK (total BETWEEN 0 AND 100),
        grade varchar(24) NOT NULL,
        province_rank integer NOT NULL,
        national_rank integer NOT NULL,
        indicators jsonb NOT NULL,
        published_at timestamptz,
        CONSTRAINT evaluation_result_run_manager_unique UNIQUE (run_id, manager_id)
      )`);
    await q.query(`CREATE INDEX evaluation_result_territory ON evaluation_result (run_id, province_id, county_id)`);
    await q.query(`CREATE INDEX evaluation_result_manager ON evaluation_result (manager_id, year)`);
    await q.query(`
      CREATE TABLE evaluation_adjustment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        result_id uuid NOT NULL REFERENCES evaluation_result (id) ON DELETE CASCADE,
        manager_id uuid NOT NULL,
        points numeric(5, 2) NOT NULL CHECK (points BETWEEN -10 AND 10),
        justification text NOT NULL CHECK (length(btrim(justification)) >= 10),
        adjusted_by text NOT NULL,
        adjusted_at timestamptz NOT NULL DEFAULT now(),
        province_id varchar(2) NOT NULL,
        county_id varchar(4)
      )`);
    await q.query(`CREATE INDEX evaluation_adjustment_result ON evaluation_adjustment (result_id, adjusted_at)`);
    await q.query(`INSERT INTO evaluation_cycle (year, title, state, indicators) VALUES (1404, $1, 'DRAFT', $2)`, [
      "ارزیابی عملکرد مدیران در تعامل با سمن‌ها — ۱۴۰۴",
      JSON.stringify(RUBRIC_1404),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluation_adjustment, evaluation_result, evaluation_run, evaluation_cycle`);
  }
}
