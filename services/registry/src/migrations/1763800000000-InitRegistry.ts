import { MigrationInterface, QueryRunner } from "typeorm";

export class InitRegistry1763800000000 implements MigrationInterface {
  name = "InitRegistry1763800000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE province (
        id varchar(2) PRIMARY KEY,
        name text NOT NULL,
        name_en text NOT NULL,
        name_normalized text NOT NULL
      )`);
    await q.query(`CREATE INDEX province_name_normalized ON province (name_normalized)`);
    await q.query(`
      CREATE TABLE county (
        id varchar(4) PRIMARY KEY,
        province_id varchar(2) NOT NULL REFERENCES province(id),
        name text NOT NULL,
        name_en text NOT NULL,
        name_normalized text NOT NULL
      )`);
    await q.query(`CREATE INDEX county_province_id ON county (province_id)`);
    await q.query(`CREATE INDEX county_name_normalized ON county (name_normalized)`);
    await q.query(`
      CREATE TABLE ngo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        national_id varchar(11) NOT NULL,
        registration_number text,
        county_id varchar(4) NOT NULL REFERENCES county(id),
        province_id varchar(2) NOT NULL REFERENCES province(id),
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DISSOLVED')),
        founded_on date,
        phone varchar(11),
        address text,
        members_count integer CHECK (members_count >= 0),
        volunteers_count integer CHECK (volunteers_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ngo_national_id_unique ON ngo (national_id)`);
    await q.query(`CREATE UNIQUE INDEX ngo_name_in_county_unique ON ngo (county_id, name_normalized)`);
    await q.query(`CREATE INDEX ngo_county_id ON ngo (county_id)`);
    await q.query(`CREATE INDEX ngo_province_id ON ngo (province_id)`);
    await q.query(`CREATE INDEX ngo_name_trgm ON ngo USING gin (name_normalized public.gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE manager (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        position text NOT NULL,
        province_id varchar(2) NOT NULL REFERENCES province(id),
        county_id varchar(4) REFERENCES county(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX manager_province_id ON manager (province_id)`);
    await q.query(`CREATE INDEX manager_county_id ON manager (county_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE manager`);
    await q.query(`DROP TABLE ngo`);
    await q.query(`DROP TABLE county`);
    await q.query(`DROP TABLE province`);
  }
}
