import { GraphQLResolveInfo } from "graphql";
import { AliasLookup, RequestContext, selectsOnly, uuidKeyedLoader } from "@hamafza/common";
import { Ngo } from "../entities/Ngo";
import { ngoById, ngoNameById } from "../loaders";

/**
 * An NGO id merged into another resolves to the survivor (docs/merging.md): one batched lookup of the merges in
 * effect per request. Merges never chain (ngoMergeRules), so one step is enough.
 */
export const survivorOf = (ctx: RequestContext) =>
  uuidKeyedLoader<string | null>(
    ctx,
    "NgoSurvivorOf",
    async (ids) => {
      const rows: { merged_id: string; survivor_id: string }[] = await ctx.db.query(
        `SELECT merged_id, survivor_id FROM ngo_merge WHERE merged_id = ANY($1::uuid[]) AND undone_at IS NULL`,
        [ids],
      );
      const survivors = new Map(rows.map((row) => [row.merged_id, row.survivor_id]));
      return ids.map((id) => survivors.get(id) ?? null);
    },
    null,
  );

/**
 * The NGO an id stands for: itself, or the survivor it was merged into (federation `_entities`). When `info` shows
 * that only the NGO's `id` and `name` are asked, only those are read (`ngoNameById`, same territory rule).
 */
export function resolveNgo(
  ctx: RequestContext,
  id: string,
  info?: GraphQLResolveInfo,
): Promise<Ngo | Pick<Ngo, "id" | "name"> | null> {
  const loader = info && selectsOnly(info, ["id", "name"]) ? ngoNameById(ctx) : ngoById(ctx);
  return survivorOf(ctx)
    .load(id)
    .then((survivor) => loader.load(survivor ?? id));
}

/** The NGOs merged into these survivors, merges in effect (for notices to their representatives: mergedNgo.ts). */
export const mergedInto: AliasLookup = (em, survivorIds) =>
  em.query(
    `SELECT merged_id AS "mergedId", survivor_id AS "survivorId" FROM ngo_merge
      WHERE survivor_id = ANY($1::uuid[]) AND undone_at IS NULL`,
    [survivorIds],
  );
