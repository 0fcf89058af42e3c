import { EntityManager } from "typeorm";

/**
 * Engagement's side of an NGO merge (docs/merging.md), on its own tables only: every row naming the merged NGO is
 * moved to the survivor, except a row that would then repeat one of the survivor's (both attended the same meeting,
 * both partners of a project, both members of a group from the same day) — that one is removed. Each moved or removed
 * row is recorded under the merge, so undoing it puts back exactly what was there.
 */

interface NgoColumnTable {
  table: string;
  /** Columns identifying a row across the merge (kept as JSON in `row_key`). */
  key: string[];
  /** SQL (row alias `t`, `$2` the survivor) true when moving `t` would repeat a row of the survivor. */
  duplicate?: string;
}

export const NGO_COLUMN_TABLES: NgoColumnTable[] = [
  {
    table: "meeting_attendance",
    key: ["id"],
    duplicate: `EXISTS (SELECT 1 FROM meeting_attendance o WHERE o.meeting_id = t.meeting_id AND o.ngo_id = $2)`,
  },
  {
    table: "working_group_member",
    key: ["id"],
    duplicate: `EXISTS (SELECT 1 FROM working_group_member o WHERE o.working_group_id = t.working_group_id AND o.ngo_id = $2 AND o.joined_on = t.joined_on)`,
  },
  {
    table: "project_partner",
    key: ["project_id"],
    duplicate: `EXISTS (SELECT 1 FROM project_partner o WHERE o.project_id = t.project_id AND o.ngo_id = $2)`,
  },
  { table: "demand", key: ["id"] },
  { table: "proposal", key: ["id"] },
];

const keyJson = (spec: NgoColumnTable, alias: string) =>
  `jsonb_build_object(${spec.key.map((column) => `'${column}', ${alias}.${column}`).join(", ")})`;

/** Moves the merged NGO's rows to the survivor (removing would-be repeats); returns how many rows changed. */
export async function applyMerge(
  em: EntityManager,
  event: { mergeId: string; mergedId: string; survivorId: string },
): Promise<number> {
  let changed = 0;
  for (const spec of NGO_COLUMN_TABLES) {
    if (spec.duplicate) {
      const removed: unknown[] = await em.query(
        `WITH gone AS (DELETE FROM ${spec.table} t WHERE t.ngo_id = $1 AND ${spec.duplicate} RETURNING t.*)
         INSERT INTO ngo_merge_rewrite (merge_id, table_name, row_key, action, row_data)
         SELECT $3, '${spec.table}', ${keyJson(spec, "gone")}, 'REMOVED', to_jsonb(gone) FROM gone RETURNING id`,
        [event.mergedId, event.survivorId, event.mergeId],
      );
      changed += removed.length;
    }
    const moved: unknown[] = await em.query(
      `WITH moved AS (UPDATE ${spec.table} t SET ngo_id = $2 WHERE t.ngo_id = $1 RETURNING t.*)
       INSERT INTO ngo_merge_rewrite (merge_id, table_name, row_key, action)
       SELECT $3, '${spec.table}', ${keyJson(spec, "moved")}, 'MOVED' FROM moved RETURNING id`,
      [event.mergedId, event.survivorId, event.mergeId],
    );
    changed += moved.length;
  }
  return changed;
}

/** Puts back what a merge moved or removed; returns how many rows changed. */
export async function undoMerge(
  em: EntityManager,
  event: { mergeId: string; mergedId: string; survivorId: string },
): Promise<number> {
  let changed = 0;
  for (const spec of NGO_COLUMN_TABLES) {
    const match = spec.key.map((column) => `t.${column}::text = r.row_key->>'${column}'`).join(" AND ");
    const back: unknown[] = await em.query(
      `UPDATE ${spec.table} t SET ngo_id = $2 FROM ngo_merge_rewrite r
        WHERE r.merge_id = $3 AND r.table_name = '${spec.table}' AND r.action = 'MOVED' AND ${match} AND t.ngo_id = $1
        RETURNING 1`,
      [event.survivorId, event.mergedId, event.mergeId],
    );
    const restored: unknown[] = await em.query(
      `INSERT INTO ${spec.table} SELECT (jsonb_populate_record(NULL::${spec.table}, r.row_data)).*
         FROM ngo_merge_rewrite r WHERE r.merge_id = $1 AND r.table_name = '${spec.table}' AND r.action = 'REMOVED'
       RETURNING 1`,
      [event.mergeId],
    );
    changed += back.length + restored.length;
  }
  await em.query(`DELETE FROM ngo_merge_rewrite WHERE merge_id = $1`, [event.mergeId]);
  return changed;
}
