import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A province's scoreboard by rank read in index order (issue 13, S4: `evaluationResults(filter: { year, provinceId },
 * sort: provinceRank)`): the page's 25 current results instead of every current result of the province (≈ 1,300 at
 * national scale, each row wide with its indicators) read and sorted for each page. The order is the pages' (rank
 * ascending, then `id`; the rank cannot be null, so `paginate` states no nulls placement). The sorts by total have
 * their indexes since `CurrentResults`.
 */
export class ScoreboardRankIndex1767340000080 implements MigrationInterface {
  name = "ScoreboardRankIndex1767340000080";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX evaluation_result_current_province_rank ON evaluation_result (year, province_id, province_rank, id) WHERE is_current`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_result_current_province_rank`);
  }
}
