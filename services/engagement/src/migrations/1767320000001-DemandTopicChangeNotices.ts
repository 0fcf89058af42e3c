import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Writes to the demand-category catalogue notify `hamafza_reference_changed` (payload: the table's name) after every
 * write, so every replica's in-memory copy (`ReferenceTableCache` with `changeNotices`,
 * services/common/src/referenceChanges.ts) is forgotten when the write commits. `notify_reference_change()` is the
 * engagement schema's function of migration 1767220000001.
 */
export class DemandTopicChangeNotices1767320000001 implements MigrationInterface {
  name = "DemandTopicChangeNotices1767320000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER demand_topic_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demand_topic
        FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER demand_topic_change_notice ON demand_topic`);
  }
}
