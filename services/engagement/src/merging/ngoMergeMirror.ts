import { AliasLookup, RequestContext, SurvivorLookup } from "@hamafza/common";

/**
 * The survivor an NGO was merged into, as far as engagement has followed the registry (`ngo_merge_applied`, in
 * sequence order): the survivor when the last event applied for that NGO is a MERGE, null when it was never merged or
 * its last merge was undone. Engagement answers from its own mirror, not the registry's truth, so a representative
 * acts for the survivor exactly when engagement's rows of the merged NGO have moved to it (ngoMergeSync.ts). The
 * table holds one row per merge or undo (rare, by hand), so the lookup is cheap without an index of its own.
 */
export const appliedSurvivorOf: SurvivorLookup = async (ctx: RequestContext, ngoId: string) => {
  const rows: { survivor_id: string }[] = await ctx.db.query(
    `SELECT survivor_id FROM (
       SELECT kind, survivor_id FROM ngo_merge_applied WHERE merged_id = $1 ORDER BY sequence DESC LIMIT 1
     ) last WHERE kind = 'MERGE'`,
    [ngoId],
  );
  return rows[0]?.survivor_id ?? null;
};

/** The NGOs merged into these survivors as engagement has followed the merges (for notices: mergedNgo.ts). */
export const appliedMergedInto: AliasLookup = (em, survivorIds) =>
  em.query(
    `SELECT merged_id AS "mergedId", survivor_id AS "survivorId" FROM (
       SELECT DISTINCT ON (merged_id) merged_id, kind, survivor_id FROM ngo_merge_applied ORDER BY merged_id, sequence DESC
     ) last WHERE kind = 'MERGE' AND survivor_id = ANY($1::uuid[])`,
    [survivorIds],
  );
