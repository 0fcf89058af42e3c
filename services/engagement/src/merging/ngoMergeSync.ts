import { Ctx, Int, Mutation, Resolver } from "type-graphql";
import { Allow, askService, logger, OFFICERS, recordAudit, RequestContext } from "@hamafza/common";
import { applyMerge, undoMerge } from "./ngoMergeRewrite";

/**
 * Engagement follows the registry's NGO merges (docs/merging.md): it asks the registry for the merge events after
 * the last one it applied (with the caller's token, as every cross-service question) and applies each, in order,
 * to its own tables in one transaction. The registry calls this right after a merge or an undo commits; calling it
 * again applies nothing twice (events are applied once, by sequence, under a lock).
 */

interface MergeEvent {
  sequence: number;
  mergeId: string;
  kind: "MERGE" | "UNDO";
  mergedId: string;
  survivorId: string;
}

const REGISTRY_UNAVAILABLE =
  "ادغام سمن‌ها در سوابق نشست‌ها اعمال نشد، چون بخش ثبت پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.";

@Resolver()
export class NgoMergeSyncResolver {
  @Allow(OFFICERS)
  @Mutation(() => Int, {
    description:
      "Applies the registry's NGO merges and undos not applied yet to engagement's records (attendance, working groups, project partners, demands, proposals); answers how many were applied. The registry calls it after each merge or undo; calling it again changes nothing.",
  })
  async syncNgoMerges(@Ctx() ctx: RequestContext): Promise<number> {
    const [{ last }] = await ctx.db.query(`SELECT coalesce(max(sequence), 0)::int AS last FROM ngo_merge_applied`);
    const { ngoMergeEvents: events } = await askService<{ ngoMergeEvents: MergeEvent[] }>(
      ctx,
      "registry",
      `query($after: Int!) { ngoMergeEvents(afterSequence: $after, limit: 1000) { sequence mergeId kind mergedId survivorId } }`,
      { after: last },
      REGISTRY_UNAVAILABLE,
    );
    if (!events.length) return 0;
    return ctx.db.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('engagement-ngo-merges', 0))`);
      const [{ applied }] = await em.query(`SELECT coalesce(max(sequence), 0)::int AS applied FROM ngo_merge_applied`);
      let count = 0;
      for (const event of events.filter((e) => e.sequence > applied).sort((a, b) => a.sequence - b.sequence)) {
        const rows = event.kind === "MERGE" ? await applyMerge(em, event) : await undoMerge(em, event);
        await em.query(
          `INSERT INTO ngo_merge_applied (sequence, merge_id, kind, merged_id, survivor_id, rows_changed) VALUES ($1, $2, $3, $4, $5, $6)`,
          [event.sequence, event.mergeId, event.kind, event.mergedId, event.survivorId, rows],
        );
        await recordAudit(em, ctx, {
          action: event.kind === "MERGE" ? "applyNgoMerge" : "undoNgoMerge",
          entityType: "Ngo",
          entityId: event.mergedId,
          after: { ...event, rowsChanged: rows },
        });
        count++;
      }
      if (count) logger.info(`[engagement] ${count} NGO merge event(s) applied`);
      return count;
    });
  }
}
