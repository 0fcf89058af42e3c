import { MigrationInterface, QueryRunner } from "typeorm";

/** Scores carry the manager's territory (for territorial scoping in SQL) and when they were published. */
export class ScoreTerritoryAndPublication1763900000000 implements MigrationInterface {
  name = "ScoreTerritoryAndPublication1763900000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE manager_score ADD COLUMN province_id varchar(2), ADD COLUMN county_id varchar(4), ADD COLUMN published_at timestamptz`,
    );
    await q.query(`CREATE INDEX manager_score_territory ON manager_score (province_id, county_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE manager_score DROP COLUMN province_id, DROP COLUMN county_id, DROP COLUMN published_at`);
  }
}
