import { askService, canRead, canWrite, isUuid, notFound, RequestContext, requireUser } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { MergeSide } from "./ngoMergeRules";
import { NgoMerge } from "./ngoMergeTypes";

/** SQL of the merges (registry's own tables ngo_merge, ngo_merge_event, ngo_duplicate_dismissal; docs/merging.md). */

/** The backstop of two merges of one NGO at the same instant (the second is refused). */
export const MERGE_CONSTRAINTS = {
  ngo_merge_active_merged: "این سمن هم‌زمان در سمن دیگری ادغام شد؛ صفحه را تازه کنید و دوباره بررسی کنید.",
};

export const MERGE_COLUMNS = `m.id, m.merged_id AS "mergedId", mn.name AS "mergedName", m.survivor_id AS "survivorId",
  sn.name AS "survivorName", m.reason, m.merged_at AS "mergedAt", m.merged_by_username AS "mergedBy",
  m.undone_at AS "undoneAt", m.undone_by_username AS "undoneBy", m.undo_reason AS "undoReason",
  m.merged_status AS "mergedStatus", mn.province_id AS "provinceId", mn.county_id AS "countyId"`;
export const MERGE_FROM = `ngo_merge m JOIN ngo mn ON mn.id = m.merged_id JOIN ngo sn ON sn.id = m.survivor_id`;

export type MergeRow = Omit<NgoMerge, "engagementSynced"> & {
  mergedStatus: string;
  provinceId: string;
  countyId: string | null;
};

export async function mergeById(em: EntityManager, id: string): Promise<MergeRow | null> {
  const rows: MergeRow[] = await em.query(`SELECT ${MERGE_COLUMNS} FROM ${MERGE_FROM} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

export type LockedSide = MergeSide & { version: number; provinceId: string; countyId: string | null };

/** Both NGOs locked (in id order, so two merges of the same pair cannot deadlock) with what the rules need. */
export async function lockSides(
  em: EntityManager,
  ctx: RequestContext,
  ids: { mergedId: string; survivorId: string },
): Promise<{ merged: LockedSide; survivor: LockedSide }> {
  const user = requireUser(ctx);
  for (const id of [ids.mergedId, ids.survivorId]) if (!isUuid(id)) throw notFound("سمن", id);
  const rows: {
    id: string;
    name: string;
    status: string;
    version: number;
    provinceId: string;
    countyId: string | null;
    mergedInto: string | null;
    aliases: number;
  }[] = await em
    .query(`SELECT n.id FROM ngo n WHERE n.id IN ($1, $2) ORDER BY n.id FOR UPDATE`, [ids.mergedId, ids.survivorId])
    // Read after the locks are held (a new snapshot): a merge of either NGO committed meanwhile is seen.
    .then(() =>
      em.query(
        `SELECT n.id, n.name, n.status, n.version, n.province_id AS "provinceId", n.county_id AS "countyId",
                (SELECT m.survivor_id FROM ngo_merge m WHERE m.merged_id = n.id AND m.undone_at IS NULL) AS "mergedInto",
                (SELECT count(*)::int FROM ngo_merge m WHERE m.survivor_id = n.id AND m.undone_at IS NULL) AS aliases
           FROM ngo n WHERE n.id IN ($1, $2)`,
        [ids.mergedId, ids.survivorId],
      ),
    );
  const side = (id: string) => {
    const row = rows.find((r) => r.id === id);
    // A record the caller may not even read is "not found" (nothing is told about records out of reach).
    if (!row || !canRead(user, row)) throw notFound("سمن", id);
    return { ...row, writable: canWrite(user, row) };
  };
  return { merged: side(ids.mergedId), survivor: side(ids.survivorId) };
}

/**
 * After a merge or an undo is committed: asks the engagement service to apply the events it has not applied yet
 * (with the caller's token). Answers whether it did; an engagement service that cannot be reached catches up at the
 * next merge, undo or `syncNgoMerges`.
 */
export async function syncEngagement(ctx: RequestContext): Promise<boolean> {
  if (ctx.referenceOwners === "unchecked" || !ctx.referenceOwners) return false;
  try {
    await askService<{ syncNgoMerges: number }>(
      ctx,
      "engagement",
      `mutation { syncNgoMerges }`,
      {},
      "بخش نشست‌ها پاسخ نمی‌دهد.",
    );
    return true;
  } catch {
    return false;
  }
}
