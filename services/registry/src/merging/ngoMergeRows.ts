import { EntityManager } from "typeorm";

/**
 * The registry's own rows of a merged NGO (docs/merging.md), moved in the merge's transaction: training needs and
 * invitations, the NGOs assessing a needs assessment and the public listing move to the survivor, except a row that
 * would repeat one of the survivor's — an invitation to the same session, the same assessment, a listing of its own
 * (removed), or a need of the same year and topic (kept with the alias). A pending change request of the merged
 * record is closed (its regulated fields can no longer change). Each change is recorded in `ngo_merge_rewrite`, so
 * undoing the merge restores exactly what was there. Licences, board, activity reports and decided change requests
 * are the record's own profile and history: they stay with the alias, as before.
 */

interface NgoRowTable {
  table: string;
  /** Columns identifying a row across the merge (kept as JSON in `row_key`); none when `ngo_id` is the whole key. */
  key: string[];
  /** SQL (row alias `t`, `$2` the survivor) true when moving `t` would repeat a row of the survivor. */
  repeats?: string;
  /** What happens to a repeat: removed (recorded in full) or kept with the alias. */
  onRepeat?: "REMOVE" | "KEEP";
}

export const NGO_ROW_TABLES: NgoRowTable[] = [
  {
    table: "training_need",
    key: ["id"],
    repeats: `EXISTS (SELECT 1 FROM training_need o WHERE o.ngo_id = $2 AND o.year = t.year AND o.topic_normalized = t.topic_normalized)`,
    onRepeat: "KEEP",
  },
  {
    table: "training_invitation",
    key: ["id"],
    repeats: `EXISTS (SELECT 1 FROM training_invitation o WHERE o.ngo_id = $2 AND o.session_id = t.session_id)`,
    onRepeat: "REMOVE",
  },
  {
    table: "needs_assessment_ngo",
    key: ["assessment_id"],
    repeats: `EXISTS (SELECT 1 FROM needs_assessment_ngo o WHERE o.ngo_id = $2 AND o.assessment_id = t.assessment_id)`,
    onRepeat: "REMOVE",
  },
  {
    table: "ngo_public_listing",
    key: [],
    repeats: `EXISTS (SELECT 1 FROM ngo_public_listing o WHERE o.ngo_id = $2)`,
    onRepeat: "REMOVE",
  },
];

/** The note a pending change request of a merged record is closed with. */
export const CLOSED_BY_MERGE =
  "این سمن در سمن دیگری ادغام شد و مشخصات آن دیگر تغییر نمی‌کند؛ درخواست را برای سمن باقی‌مانده دوباره ثبت کنید.";

const keyJson = (spec: NgoRowTable, alias: string) =>
  `jsonb_build_object(${spec.key.map((column) => `'${column}', ${alias}.${column}`).join(", ")})`;
const keyMatch = (spec: NgoRowTable) =>
  spec.key.length ? spec.key.map((column) => `t.${column}::text = r.row_key->>'${column}'`).join(" AND ") : "TRUE";

type MergeIds = { mergeId: string; mergedId: string; survivorId: string };

/** Moves (or removes, or closes) the merged NGO's registry rows; returns how many rows changed. */
export async function moveMergedRows(em: EntityManager, ids: MergeIds, username: string): Promise<number> {
  let changed = 0;
  for (const spec of NGO_ROW_TABLES) {
    let notRepeat = "TRUE";
    if (spec.repeats && spec.onRepeat === "REMOVE") {
      const removed: unknown[] = await em.query(
        `WITH gone AS (DELETE FROM ${spec.table} t WHERE t.ngo_id = $1 AND ${spec.repeats} RETURNING t.*)
         INSERT INTO ngo_merge_rewrite (merge_id, table_name, row_key, action, row_data)
         SELECT $3, '${spec.table}', ${keyJson(spec, "gone")}, 'REMOVED', to_jsonb(gone) FROM gone RETURNING id`,
        [ids.mergedId, ids.survivorId, ids.mergeId],
      );
      changed += removed.length;
    } else if (spec.repeats) notRepeat = `NOT ${spec.repeats}`;
    const moved: unknown[] = await em.query(
      `WITH moved AS (UPDATE ${spec.table} t SET ngo_id = $2 WHERE t.ngo_id = $1 AND ${notRepeat} RETURNING t.*)
       INSERT INTO ngo_merge_rewrite (merge_id, table_name, row_key, action)
       SELECT $3, '${spec.table}', ${keyJson(spec, "moved")}, 'MOVED' FROM moved RETURNING id`,
      [ids.mergedId, ids.survivorId, ids.mergeId],
    );
    changed += moved.length;
  }
  const closed: unknown[] = await em.query(
    `WITH before AS (SELECT * FROM ngo_change_request WHERE ngo_id = $1 AND status = 'PENDING' FOR UPDATE),
          closed AS (UPDATE ngo_change_request c SET status = 'REJECTED', decided_by = $3, decided_at = now(),
                            decision_note = $4, version = c.version + 1, updated_by = $3, updated_at = now()
                       FROM before b WHERE c.id = b.id RETURNING c.id)
     INSERT INTO ngo_merge_rewrite (merge_id, table_name, row_key, action, row_data)
     SELECT $2, 'ngo_change_request', jsonb_build_object('id', b.id), 'CLOSED', to_jsonb(b) FROM before b
       JOIN closed ON closed.id = b.id RETURNING id`,
    [ids.mergedId, ids.mergeId, username, CLOSED_BY_MERGE],
  );
  return changed + closed.length;
}

/** Puts back what a merge moved, removed or closed in the registry; returns how many rows changed. */
export async function restoreMergedRows(em: EntityManager, ids: MergeIds): Promise<number> {
  let changed = 0;
  const reopened: unknown[] = await em.query(
    `UPDATE ngo_change_request t SET (status, decided_by, decided_at, decision_note, version, updated_by, updated_at) =
            (o.status, o.decided_by, o.decided_at, o.decision_note, o.version, o.updated_by, o.updated_at)
       FROM ngo_merge_rewrite r, jsonb_populate_record(NULL::ngo_change_request, r.row_data) o
      WHERE r.merge_id = $1 AND r.table_name = 'ngo_change_request' AND r.action = 'CLOSED' AND t.id = o.id
      RETURNING 1`,
    [ids.mergeId],
  );
  changed += reopened.length;
  for (const spec of [...NGO_ROW_TABLES].reverse()) {
    const back: unknown[] = await em.query(
      `UPDATE ${spec.table} t SET ngo_id = $2 FROM ngo_merge_rewrite r
        WHERE r.merge_id = $3 AND r.table_name = '${spec.table}' AND r.action = 'MOVED' AND ${keyMatch(spec)}
          AND t.ngo_id = $1
        RETURNING 1`,
      [ids.survivorId, ids.mergedId, ids.mergeId],
    );
    const restored: unknown[] = await em.query(
      `INSERT INTO ${spec.table} SELECT (jsonb_populate_record(NULL::${spec.table}, r.row_data)).*
         FROM ngo_merge_rewrite r WHERE r.merge_id = $1 AND r.table_name = '${spec.table}' AND r.action = 'REMOVED'
       RETURNING 1`,
      [ids.mergeId],
    );
    changed += back.length + restored.length;
  }
  await em.query(`DELETE FROM ngo_merge_rewrite WHERE merge_id = $1`, [ids.mergeId]);
  return changed;
}
