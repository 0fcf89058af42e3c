import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 13 (S6, the evaluation's facts): the held meetings' agenda counts (items, and items on a social harm or a
 * demand) read from the index alone. The index on the agenda item's meeting now carries the two columns the count
 * filters on (it replaces `agenda_item_meeting_id`, whose every use it serves): an index-only scan per meeting instead
 * of a bitmap scan and a heap visit.
 */
export class AgendaItemCovering1767340000041 implements MigrationInterface {
  name = "AgendaItemCovering1767340000041";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX agenda_item_meeting_covering ON agenda_item (meeting_id) INCLUDE (social_harm_id, demand_id)`,
    );
    await q.query(`DROP INDEX agenda_item_meeting_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX agenda_item_meeting_id ON agenda_item (meeting_id)`);
    await q.query(`DROP INDEX agenda_item_meeting_covering`);
  }
}
