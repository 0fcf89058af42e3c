import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A province's NGO list in its default order (name, then id) read in index order, and its total counted from the
 * index alone (issue 13, S1): the index holds the status and the current licence's columns, which the list's
 * licence-state filter compares (`licenceStatesSql`). A page of 25 of a province's ≈ 1,950 NGOs read ≈ 960 table
 * blocks and sorted every row, its count the same blocks again; with this index, 34 blocks and 30 (index only).
 * It leads with `province_id`, so it also serves everything `ngo_province_id` served, which it replaces.
 */
export class ProvinceNgoListOrder1767340000090 implements MigrationInterface {
  name = "ProvinceNgoListOrder1767340000090";

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ngo_province_name_order ON ngo (province_id, name_normalized, id)
         INCLUDE (status, current_licence_status, current_licence_suspended_until, current_licence_expires_on)`,
    );
    await q.query(`DROP INDEX ngo_province_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ngo_province_id ON ngo (province_id)`);
    await q.query(`DROP INDEX ngo_province_name_order`);
  }
}
