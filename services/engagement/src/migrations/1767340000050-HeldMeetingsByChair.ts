import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 13 (S6, the evaluation's facts in pages of ≈ 2,000 managers): a page's held meetings of the year read from an
 * index alone. The facts' meetings statement asks for the held meetings of a list of chairs in a time range, and
 * reads of each only the columns carried here; a page's ≈ 9,400 meetings lay on ≈ 6,800 of the table's 25,000 pages
 * (its rows are ≈ 1 kB: descriptions and minutes), so the heap visit was the statement's largest part. Partial (held
 * meetings only) and ordered by chair, then time, so the year's meetings of each chair are one range.
 */
export class HeldMeetingsByChair1767340000050 implements MigrationInterface {
  name = "HeldMeetingsByChair1767340000050";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX meeting_held_by_chair ON meeting (chair_id, held_at) INCLUDE (id, kind, province_id, county_id, title)
        WHERE status = 'HELD'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX meeting_held_by_chair`);
  }
}
