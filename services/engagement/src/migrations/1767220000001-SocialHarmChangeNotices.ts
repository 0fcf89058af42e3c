import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Writes to the social harms catalogue notify `hamafza_reference_changed` (payload: the table's name) after every write, so every replica's
 * in-memory copy (`ReferenceTableCache` with `changeNotices`, services/common/src/referenceChanges.ts) is forgotten
 * when the write commits.
 */
export class SocialHarmChangeNotices1767220000001 implements MigrationInterface {
  name = "SocialHarmChangeNotices1767220000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hamafza_reference_changed', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER social_harm_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON social_harm
        FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER social_harm_change_notice ON social_harm`);
    await q.query(`DROP FUNCTION notify_reference_change()`);
  }
}
