import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The resolutions list in its default order (deadline ascending, resolutions without a deadline first, then id) read
 * in index order (issue 13): a national user's page of 25 was a parallel scan and sort of all 280,314 resolutions at
 * national scale (242 ms cold). The deadline can be empty, so the list states the placement and the index has it.
 */
export class ResolutionDeadlineOrder1767340000082 implements MigrationInterface {
  name = "ResolutionDeadlineOrder1767340000082";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX resolution_deadline_order ON resolution (deadline NULLS FIRST, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX resolution_deadline_order`);
  }
}
