import { toJalali } from "@hamafza/common";
import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The training loop (docs/training.md): training needs per Jalali year with a status, training sessions and the NGOs
 * invited to them with their attendance. Existing needs take the Jalali year they were declared in.
 */
export class TrainingLoop1767250000000 implements MigrationInterface {
  name = "TrainingLoop1767250000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_need ADD COLUMN year integer`);
    const rows: { id: string; created_at: Date }[] = await q.query(`SELECT id, created_at FROM training_need`);
    const byYear = new Map<number, string[]>();
    for (const row of rows) {
      const year = toJalali(new Date(row.created_at)).year;
      byYear.set(year, [...(byYear.get(year) ?? []), row.id]);
    }
    for (const [year, ids] of byYear)
      await q.query(`UPDATE training_need SET year = $1 WHERE id = ANY($2::uuid[])`, [year, ids]);
    await q.query(`
      ALTER TABLE training_need
        ALTER COLUMN year SET NOT NULL,
        ADD CONSTRAINT training_need_year CHECK (year BETWEEN 1380 AND 1450),
        ADD COLUMN status varchar(8) NOT NULL DEFAULT 'DECLARED' CHECK (status IN ('DECLARED', 'PLANNED', 'MET')),
        ADD COLUMN session_id uuid,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE UNIQUE INDEX training_need_ngo_year_topic ON training_need (ngo_id, year, topic_normalized)`);
    await q.query(`CREATE INDEX training_need_year_status ON training_need (year, status)`);
    await q.query(`
      CREATE TABLE training_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic text NOT NULL,
        topic_normalized text NOT NULL,
        starts_at timestamptz NOT NULL,
        venue text,
        ngo_house_id uuid CONSTRAINT training_session_ngo_house REFERENCES ngo_house (id),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        provider text NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED')),
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (venue IS NOT NULL OR ngo_house_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX training_session_territory ON training_session (province_id, county_id, starts_at)`);
    await q.query(`
      CREATE TABLE training_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL REFERENCES ngo (id) ON DELETE CASCADE,
        need_id uuid,
        attended boolean,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX training_invitation_session_ngo ON training_invitation (session_id, ngo_id)`);
    await q.query(`CREATE INDEX "IDX_training_invitation_ngo" ON training_invitation (ngo_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_invitation`);
    await q.query(`DROP TABLE training_session`);
    await q.query(`DROP INDEX training_need_year_status`);
    await q.query(`DROP INDEX training_need_ngo_year_topic`);
    await q.query(
      `ALTER TABLE training_need DROP CONSTRAINT training_need_year, DROP COLUMN year, DROP COLUMN status, DROP COLUMN session_id, DROP COLUMN updated_at`,
    );
  }
}
