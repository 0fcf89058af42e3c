import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Scoreboard pages read in index order (issue 13, S4: `evaluationResults(filter: { year, provinceId }, sort:
 * provinceRank)`): the page's 25 current results instead of every current result of the province (≈ 1,300 at national
 * scale; 20,000 for the country), each row wide with its indicators, read and sorted for each page. An index serves an
 * ORDER BY only with the same nulls placement, and `paginate` orders ascending with nulls first and descending with
 * nulls last, then by `id`: the two indexes of `CurrentResults` (total descending, i.e. nulls first) served no page,
 * so they are replaced by ones in the pages' order. Ranks by province are new.
 */
export class ScoreboardIndexes1767340000080 implements MigrationInterface {
  name = "ScoreboardIndexes1767340000080";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_result_current_total`);
    await q.query(`DROP INDEX evaluation_result_current_province`);
    await q.query(
      `CREATE INDEX evaluation_result_current_total ON evaluation_result (year, total DESC NULLS LAST, id) WHERE is_current`,
    );
    await q.query(
      `CREATE INDEX evaluation_result_current_province ON evaluation_result (year, province_id, total DESC NULLS LAST, id) WHERE is_current`,
    );
    await q.query(
      `CREATE INDEX evaluation_result_current_province_rank ON evaluation_result (year, province_id, province_rank NULLS FIRST, id) WHERE is_current`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX evaluation_result_current_province_rank`);
    await q.query(`DROP INDEX evaluation_result_current_province`);
    await q.query(`DROP INDEX evaluation_result_current_total`);
    await q.query(
      `CREATE INDEX evaluation_result_current_total ON evaluation_result (year, total DESC, id) WHERE is_current`,
    );
    await q.query(
      `CREATE INDEX evaluation_result_current_province ON evaluation_result (year, province_id, total DESC) WHERE is_current`,
    );
  }
}
