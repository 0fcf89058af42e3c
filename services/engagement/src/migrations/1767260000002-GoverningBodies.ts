import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The normalisation of names as it was when this migration was written (common's `normalizePersian`), frozen here so
 * the migration never changes with live code.
 */
function normalizedName(input: string): string {
  const map: Record<string, string> = {
    "\u064A": "\u06CC",
    "\u0649": "\u06CC",
    "\u0643": "\u06A9",
    "\u0629": "\u0647",
    "\u06C0": "\u0647",
    "\u0623": "\u0627",
    "\u0625": "\u0627",
    "\u0671": "\u0627",
    "\u0624": "\u0648",
  };
  return (
    input
      .normalize("NFC")
      .replace(/[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671\u0624]/g, (ch) => map[ch] ?? ch)
      .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, "")
      .replace(/\u0640/g, "")
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      // eslint-disable-next-line no-misleading-character-class -- joiners removed one by one on purpose
      .replace(/[\u200C\u200D\u200E\u200F\u00AD\uFEFF]/g, "")
      .replace(/[\s\u00A0]+/g, "")
      .toLowerCase()
  );
}

/**
 * Bodies committees belong to (docs/coverage.md), replacing the free-text `working_group.parent_body`: one body per
 * province and distinct (normalised) text, each group pointed at its body. The text column stays (read by the
 * deprecated `parentBody` field).
 */
export class GoverningBodies1767260000002 implements MigrationInterface {
  name = "GoverningBodies1767260000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE governing_body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        description text,
        version integer NOT NULL DEFAULT 1,
        updated_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT governing_body_name_in_province_unique UNIQUE (province_id, name_normalized)
      )`);
    await q.query(`CREATE INDEX governing_body_territory ON governing_body (province_id, county_id)`);
    await q.query(
      `ALTER TABLE working_group ADD COLUMN body_id uuid CONSTRAINT working_group_body_fk REFERENCES governing_body (id)`,
    );
    await q.query(`CREATE INDEX working_group_body_id ON working_group (body_id)`);
    const groups: { id: string; parent_body: string; province_id: string }[] = await q.query(
      `SELECT id, parent_body, province_id FROM working_group WHERE parent_body IS NOT NULL AND btrim(parent_body) <> '' ORDER BY created_at, id`,
    );
    const bodies = new Map<string, string>();
    for (const group of groups) {
      const key = `${group.province_id}:${normalizedName(group.parent_body)}`;
      let bodyId = bodies.get(key);
      if (!bodyId) {
        const [row]: { id: string }[] = await q.query(
          `INSERT INTO governing_body (name, name_normalized, province_id) VALUES ($1, $2, $3) RETURNING id`,
          [group.parent_body.replace(/[\s\u00A0]+/g, " ").trim(), normalizedName(group.parent_body), group.province_id],
        );
        bodyId = row.id;
        bodies.set(key, bodyId);
      }
      await q.query(`UPDATE working_group SET body_id = $1 WHERE id = $2`, [bodyId, group.id]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE working_group DROP COLUMN body_id`);
    await q.query(`DROP TABLE governing_body`);
  }
}
