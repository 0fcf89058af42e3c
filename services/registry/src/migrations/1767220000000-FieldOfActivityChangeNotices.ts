import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Writes to the fields of activity notify `hamafza_reference_changed` (payload: the table's name) after every write, so every replica's
 * in-memory copy (`ReferenceTableCache` with `changeNotices`, services/common/src/referenceChanges.ts) is forgotten
 * when the write commits.
 */
export class FieldOfActivityChangeNotices1767220000000 implements MigrationInterface {
  name = "FieldOfActivityChangeNotices1767220000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hamafza_reference_changed', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER field_of_activity_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON field_of_activity
        FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER field_of_activity_change_notice ON field_of_activity`);
    await q.query(`DROP FUNCTION notify_reference_change()`);
  }
}
