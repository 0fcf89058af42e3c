import { MigrationInterface, QueryRunner } from "typeorm";

/** Saved GraphQL queries: per user, optionally shared within the owner's territory. */
export class SavedQueries1766200000000 implements MigrationInterface {
  name = "SavedQueries1766200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_query (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        owner_username text NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        name_normalized text NOT NULL,
        description text CHECK (char_length(description) <= 1000),
        query text NOT NULL CHECK (char_length(query) BETWEEN 1 AND 20000),
        variables text CHECK (char_length(variables) <= 10000),
        shared boolean NOT NULL DEFAULT false,
        province_id varchar(2),
        county_id varchar(4),
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX saved_query_owner_name_unique ON saved_query (owner_id, name_normalized)`);
    await q.query(`CREATE INDEX saved_query_shared_territory ON saved_query (province_id, county_id) WHERE shared`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_query`);
  }
}
