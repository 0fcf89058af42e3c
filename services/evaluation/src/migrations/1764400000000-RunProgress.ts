import { MigrationInterface, QueryRunner } from "typeorm";

// Frozen copy of the Persian search normaliser as it was when this migration was written. Migrations are history:
// a later change to the live normaliser (services/common/src/persian.ts) must not change what this migration wrote.
const FROZEN_CHAR_MAP: Record<string, string> = {
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
function frozenNormalizePersian(input: string | null | undefined): string {
  if (!input) return "";
  return (
    input
      .normalize("NFC")
      .replace(/[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671\u0624]/g, (ch) => FROZEN_CHAR_MAP[ch] ?? ch)
      .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, "")
      .replace(/\u0640/g, "")
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      // eslint-disable-next-line no-misleading-character-class -- ZWNJ/ZWJ are removed one by one on purpose
      .replace(/[\u200C\u200D\u200E\u200F\u00AD\uFEFF]/g, "")
      .replace(/[\s\u00A0]+/g, "")
      .toLowerCase()
  );
}

/**
 * Runs become background jobs: a run row exists from the start (RUNNING, with its phase and progress) and gets its
 * snapshot, hash and results when it SUCCEEDS; a FAILED run keeps its Persian failure message. At most one RUNNING
 * run per cycle and scope (country or province). Results get the manager's normalised name for search (`filter.q`).
 */
export class RunProgress1764400000000 implements MigrationInterface {
  name = "RunProgress1764400000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE evaluation_run
        ADD COLUMN status varchar(16) NOT NULL DEFAULT 'SUCCEEDED' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
        ADD COLUMN phase varchar(24) NOT NULL DEFAULT 'DONE',
        ADD COLUMN progress integer NOT NULL DEFAULT 100 CHECK (progress BETWEEN 0 AND 100),
        ADD COLUMN failure_message text,
        ADD COLUMN finished_at timestamptz,
        ALTER COLUMN snapshot DROP NOT NULL,
        ALTER COLUMN results_hash DROP NOT NULL,
        ALTER COLUMN facts_as_of DROP NOT NULL,
        ALTER COLUMN duration_ms DROP NOT NULL`);
    await q.query(`UPDATE evaluation_run SET finished_at = computed_at + duration_ms * interval '1 millisecond'`);
    await q.query(
      `ALTER TABLE evaluation_run ALTER COLUMN status SET DEFAULT 'RUNNING', ALTER COLUMN phase SET DEFAULT 'QUEUED', ALTER COLUMN progress SET DEFAULT 0`,
    );
    await q.query(`
      ALTER TABLE evaluation_run ADD CONSTRAINT evaluation_run_succeeded_complete
        CHECK (status <> 'SUCCEEDED' OR (snapshot IS NOT NULL AND results_hash IS NOT NULL AND facts_as_of IS NOT NULL AND finished_at IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX evaluation_run_one_running ON evaluation_run (cycle_id, coalesce(province_id, '')) WHERE status = 'RUNNING'`,
    );
    await q.query(`ALTER TABLE evaluation_result ADD COLUMN manager_name_normalized text`);
    const names: { name: string }[] = await q.query(`SELECT DISTINCT manager_name AS name FROM evaluation_result`);
    if (names.length > 0) {
      await q.query(
        `UPDATE evaluation_result r SET manager_name_normalized = x.normalized FROM jsonb_to_recordset($1::jsonb) AS x(name text, normalized text) WHERE r.manager_name = x.name`,
        [JSON.stringify(names.map(({ name }) => ({ name, normalized: frozenNormalizePersian(name) })))],
      );
    }
    await q.query(`ALTER TABLE evaluation_result ALTER COLUMN manager_name_normalized SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evaluation_result DROP COLUMN manager_name_normalized`);
    await q.query(`DROP INDEX evaluation_run_one_running`);
    await q.query(`DELETE FROM evaluation_run WHERE status <> 'SUCCEEDED'`);
    await q.query(`
      ALTER TABLE evaluation_run DROP CONSTRAINT evaluation_run_succeeded_complete,
        DROP COLUMN status, DROP COLUMN phase, DROP COLUMN progress, DROP COLUMN failure_message, DROP COLUMN finished_at,
        ALTER COLUMN snapshot SET NOT NULL, ALTER COLUMN results_hash SET NOT NULL, ALTER COLUMN facts_as_of SET NOT NULL, ALTER COLUMN duration_ms SET NOT NULL`);
  }
}
