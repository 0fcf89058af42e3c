import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The NGO and manager lists of a national user in their default order (name, then id) read in index order (issue
 * 13): a page of 25 was a sequential scan and sort of every NGO (30,150 at national scale: 232 ms cold) or manager
 * (20,000: 110 ms). Names cannot be null, so the lists state no nulls placement and these plain indexes serve them
 * (`nullsPlacement`). Province and county lists filter first; the county lists already have the name-uniqueness index.
 */
export class NationalListOrder1767340000081 implements MigrationInterface {
  name = "NationalListOrder1767340000081";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ngo_name_order ON ngo (name_normalized, id)`);
    await q.query(`CREATE INDEX manager_name_order ON manager (name_normalized, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX manager_name_order`);
    await q.query(`DROP INDEX ngo_name_order`);
  }
}
