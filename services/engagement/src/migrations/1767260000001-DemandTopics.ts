import { MigrationInterface, QueryRunner } from "typeorm";

/** Seeded demand categories (seed 004): id, code, name, normalised name, description, order. Literal, frozen. */
const DEMAND_TOPIC_ROWS: [string, string, string, string, string, number][] = [
  [
    "8bc0c6de-abca-5598-b665-e817794535f4",
    "MEMBERS_INSURANCE",
    "بیمه اعضای سمن",
    "بیمهاعضایسمن",
    "حل مشکل بیمه‌ای اعضای سازمان‌های مردم‌نهاد",
    1,
  ],
  [
    "7e61cf0b-9425-5576-8951-945316451c9c",
    "SUPPORT_FOR_DISABLED",
    "حمایت مسئولان از افراد دارای معلولیت",
    "حمایتمسئولانازافراددارایمعلولیت",
    "حمایت مسئولان از معلولان",
    2,
  ],
  [
    "1250a50a-b1e1-5365-8514-18c5cecc2867",
    "SUPPORT_FOR_NGOS",
    "حمایت مسئولان از سمن‌ها",
    "حمایتمسئولانازسمنها",
    "حمایت مسئولان از سازمان‌های مردم‌نهاد",
    3,
  ],
  [
    "81a061d1-2540-56c5-99db-66766a558a14",
    "INFRASTRUCTURE",
    "مشکلات زیرساختی",
    "مشکلاتزیرساختی",
    "مکان، تجهیزات و دیگر زیرساخت‌های سمن",
    4,
  ],
  [
    "5de5e556-4a70-562e-84d6-679799e2900c",
    "OFFICIAL_RECOGNITION",
    "به رسمیت شناختن سمن‌ها",
    "بهرسمیتشناختنسمنها",
    "به رسمیت شناساندن سازمان‌های مردم‌نهاد در جامعه",
    5,
  ],
  [
    "41e57606-5fd6-551d-b9be-be09fe013565",
    "EMPLOYMENT_OF_DISABLED",
    "اشتغال معلولان",
    "اشتغالمعلولان",
    "توجه به اشتغال افراد دارای معلولیت",
    6,
  ],
  ["ac6f6d23-0f06-53b2-a4df-ae2bf4a8a88b", "FUNDING", "حمایت مالی", "حمایتمالی", "تأمین مالی و حمایت مالی از سمن", 7],
  ["0aacf7b0-7227-5e8c-abaa-ec54788f61b4", "OTHER", "سایر", "سایر", "مطالبه‌ای که در دسته‌های دیگر نمی‌گنجد", 8],
];

/**
 * The catalogue of demand categories (docs/coverage.md) and each demand's `topic_id`, filled from its enum category
 * (same code). A demand written without a topic keeps `topic_id` null and reads the category of its enum's code.
 */
export class DemandTopics1767260000001 implements MigrationInterface {
  name = "DemandTopics1767260000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demand_topic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL CONSTRAINT demand_topic_code_unique UNIQUE,
        name text NOT NULL,
        name_normalized text NOT NULL CONSTRAINT demand_topic_name_unique UNIQUE,
        description text,
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const row of DEMAND_TOPIC_ROWS) {
      await q.query(
        `INSERT INTO demand_topic (id, code, name, name_normalized, description, sort_order) VALUES ($1, $2, $3, $4, $5, $6)`,
        row,
      );
    }
    await q.query(
      `ALTER TABLE demand ADD COLUMN topic_id uuid CONSTRAINT demand_topic_fk REFERENCES demand_topic (id)`,
    );
    await q.query(`CREATE INDEX demand_topic_id ON demand (topic_id)`);
    await q.query(`UPDATE demand d SET topic_id = t.id FROM demand_topic t WHERE t.code = d.category`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE demand DROP COLUMN topic_id`);
    await q.query(`DROP TABLE demand_topic`);
  }
}
