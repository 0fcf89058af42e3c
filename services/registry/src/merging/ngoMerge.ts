import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  AppError,
  ErrorCode,
  inTransaction,
  namedQuery,
  OFFICERS,
  recordAudit,
  RequestContext,
  requireUser,
  Role,
  territoryCondition,
} from "@hamafza/common";
import { Ngo, NgoStatus } from "../entities/Ngo";
import { ngoById } from "../loaders";
import { survivorOf } from "./ngoAlias";
import {
  lockSides,
  MERGE_COLUMNS,
  MERGE_CONSTRAINTS,
  MERGE_FROM,
  mergeById,
  MergeRow,
  syncEngagement,
} from "./ngoMergeStore";
import { moveMergedRows, restoreMergedRows } from "./ngoMergeRows";
import { mergeRefusal, orderedPair, reasonProblem } from "./ngoMergeRules";
import { enqueueEngagementSync } from "./ngoMergeSyncJob";
import { NgoDuplicateDismissal, NgoMerge, NgoMergeEvent, NgoMergeEventKind } from "./ngoMergeTypes";

/**
 * Duplicate NGO records resolved (docs/merging.md): a candidate pair is dismissed (not the same NGO; never proposed
 * again) or merged (the merged record becomes an alias of the survivor, status MERGED; its references resolve to the
 * survivor everywhere); an administrator can undo a merge. Every change is audited; repeating one changes nothing.
 */

const reasonOf = (reason: string, field = "reason") => {
  const problem = reasonProblem(reason);
  if (problem) throw new AppError(ErrorCode.BAD_USER_INPUT, problem, { field });
  return reason.trim();
};

const answer = (row: MergeRow, engagementSynced: boolean): NgoMerge => {
  const { mergedStatus: _status, provinceId: _province, countyId: _county, ...merge } = row;
  return { ...merge, engagementSynced };
};

@Resolver()
export class NgoMergeResolver {
  @Allow(OFFICERS)
  @Mutation(() => NgoDuplicateDismissal, {
    description:
      "Marks a candidate pair as two different NGOs (with the reason): `duplicateNgoCandidates` does not propose it again. Both NGOs must be in the user's territory; dismissing a dismissed pair changes nothing.",
  })
  async dismissNgoDuplicate(
    @Ctx() ctx: RequestContext,
    @Arg("firstId", () => ID, { description: "One NGO of the pair." }) firstId: string,
    @Arg("secondId", () => ID, { description: "The other NGO of the pair." }) secondId: string,
    @Arg("reason", { description: "Why they are different NGOs (3 to 1000 characters)." }) reason: string,
  ): Promise<NgoDuplicateDismissal> {
    if (firstId === secondId)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "دو سمن متفاوت را انتخاب کنید.", { field: "secondId" });
    const why = reasonOf(reason);
    const user = requireUser(ctx);
    const [a, b] = orderedPair(firstId, secondId);
    return inTransaction(ctx.db, {}, async (em) => {
      const { merged, survivor } = await lockSides(em, ctx, { mergedId: a, survivorId: b });
      if (!merged.writable || !survivor.writable)
        throw new AppError(ErrorCode.FORBIDDEN, "هر دو سمن باید در قلمرو (استان یا شهرستان) شما باشند.");
      const select = `SELECT first_id AS "firstId", second_id AS "secondId", reason, dismissed_by_username AS "dismissedBy",
                             dismissed_at AS "dismissedAt" FROM ngo_duplicate_dismissal WHERE first_id = $1 AND second_id = $2`;
      const [existing] = await em.query(select, [a, b]);
      if (existing) return existing;
      await em.query(
        `INSERT INTO ngo_duplicate_dismissal (first_id, second_id, reason, dismissed_by, dismissed_by_username) VALUES ($1, $2, $3, $4, $5)`,
        [a, b, why, user.id, user.username],
      );
      const [row] = await em.query(select, [a, b]);
      await recordAudit(em, ctx, {
        action: "dismissNgoDuplicate",
        entityType: "Ngo",
        entityId: a,
        provinceId: merged.provinceId,
        countyId: merged.countyId,
        after: row,
      });
      return row;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoMerge, {
    description:
      "Merges a duplicate NGO record into the surviving one: the merged record becomes an alias (status MERGED) whose id resolves to the survivor, and the records naming it (attendance, projects, working groups, demands, proposals, training needs and invitations, needs assessments, the public listing) move to the survivor; its pending change request is closed. Both must be in the user's territory; refused for the same NGO, into an alias, or an NGO others were merged into. Repeating it changes nothing.",
  })
  async mergeNgos(
    @Ctx() ctx: RequestContext,
    @Arg("mergedId", () => ID, { description: "The duplicate record, merged away." }) mergedId: string,
    @Arg("survivorId", () => ID, { description: "The record that stays." }) survivorId: string,
    @Arg("reason", { description: "Why they are the same NGO (3 to 1000 characters)." }) reason: string,
  ): Promise<NgoMerge> {
    if (mergedId === survivorId)
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        "سمن را نمی‌توان در خودش ادغام کرد؛ سمن باقی‌مانده دیگری را انتخاب کنید.",
        {
          field: "survivorId",
        },
      );
    const why = reasonOf(reason);
    const user = requireUser(ctx);
    const row = await inTransaction(ctx.db, MERGE_CONSTRAINTS, async (em) => {
      const { merged, survivor } = await lockSides(em, ctx, { mergedId, survivorId });
      const refusal = mergeRefusal(merged, survivor);
      if (refusal === "already") {
        const [{ id }] = await em.query(`SELECT id FROM ngo_merge WHERE merged_id = $1 AND undone_at IS NULL`, [
          mergedId,
        ]);
        return (await mergeById(em, id))!;
      }
      if (refusal) throw refusal;
      const [{ id }] = await em.query(
        `INSERT INTO ngo_merge (merged_id, survivor_id, reason, merged_status, merged_version, merged_by, merged_by_username)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [mergedId, survivorId, why, merged.status, merged.version, user.id, user.username],
      );
      await em.query(
        `UPDATE ngo SET status = 'MERGED', version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1`,
        [mergedId, user.username],
      );
      await em.query(
        `INSERT INTO ngo_merge_event (merge_id, kind, merged_id, survivor_id) VALUES ($1, 'MERGE', $2, $3)`,
        [id, mergedId, survivorId],
      );
      await enqueueEngagementSync(ctx, em);
      const registryRows = await moveMergedRows(em, { mergeId: id, mergedId, survivorId }, user.username);
      const done = (await mergeById(em, id))!;
      await recordAudit(em, ctx, {
        action: "mergeNgos",
        entityType: "Ngo",
        entityId: mergedId,
        provinceId: merged.provinceId,
        countyId: merged.countyId,
        before: { id: mergedId, status: merged.status, version: merged.version },
        after: { ...answer(done, false), registryRows },
      });
      return done;
    });
    return answer(row, await syncEngagement(ctx));
  }

  @Allow(Role.ADMIN)
  @Mutation(() => NgoMerge, {
    description:
      "Undoes a merge (administrators): the merged NGO gets back its own status and id, and the records the merge moved, removed or closed go back to it. Undoing an undone merge changes nothing.",
  })
  async undoNgoMerge(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID, { description: "The merge." }) id: string,
    @Arg("reason", { description: "Why it is undone (3 to 1000 characters)." }) reason: string,
  ): Promise<NgoMerge> {
    const why = reasonOf(reason);
    const user = requireUser(ctx);
    const row = await inTransaction(ctx.db, {}, async (em) => {
      const [locked] = await em.query(`SELECT id FROM ngo_merge WHERE id::text = $1 FOR UPDATE`, [id]);
      if (!locked) throw new AppError(ErrorCode.NOT_FOUND, `ادغامی با شناسه «${id}» پیدا نشد.`, { id });
      const before = (await mergeById(em, id))!;
      if (before.undoneAt) return before;
      await em.query(
        `UPDATE ngo_merge SET undone_at = now(), undone_by = $2, undone_by_username = $3, undo_reason = $4 WHERE id = $1`,
        [id, user.id, user.username, why],
      );
      await em.query(
        `UPDATE ngo SET status = $2, version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1`,
        [before.mergedId, before.mergedStatus, user.username],
      );
      await em.query(
        `INSERT INTO ngo_merge_event (merge_id, kind, merged_id, survivor_id) VALUES ($1, 'UNDO', $2, $3)`,
        [id, before.mergedId, before.survivorId],
      );
      await enqueueEngagementSync(ctx, em);
      const registryRows = await restoreMergedRows(em, { mergeId: id, ...before });
      const after = (await mergeById(em, id))!;
      await recordAudit(em, ctx, {
        action: "undoNgoMerge",
        entityType: "Ngo",
        entityId: before.mergedId,
        provinceId: before.provinceId,
        countyId: before.countyId,
        before: answer(before, false),
        after: { ...answer(after, false), registryRows },
      });
      return after;
    });
    return answer(row, await syncEngagement(ctx));
  }

  @Allow(OFFICERS)
  @Query(() => [NgoMerge], {
    description:
      "Merges of NGOs of the user's territory (by the merged NGO), newest first; in effect only unless `includeUndone`.",
  })
  async ngoMerges(
    @Ctx() ctx: RequestContext,
    @Arg("includeUndone", { defaultValue: false, description: "Also the merges that were undone." })
    includeUndone: boolean,
    @Arg("limit", () => Int, { defaultValue: 100, description: "At most this many (1 to 500)." }) limit: number,
  ): Promise<NgoMerge[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "مقدار limit باید بین ۱ و ۵۰۰ باشد.", { field: "limit" });
    const scope = territoryCondition(requireUser(ctx), { province: "mn.province_id", county: "mn.county_id" });
    const conditions = [includeUndone ? null : "m.undone_at IS NULL", scope?.sql].filter(Boolean);
    const rows = await namedQuery<MergeRow>(
      ctx.readDb.manager,
      `SELECT ${MERGE_COLUMNS} FROM ${MERGE_FROM} ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
        ORDER BY m.merged_at DESC, m.id LIMIT :limit`,
      { ...(scope?.params ?? {}), limit },
    );
    return rows.map((row) => answer(row, true));
  }

  @Allow(OFFICERS)
  @Query(() => [NgoMergeEvent], {
    description:
      "Merges and undos in the order they happened, after a position: how the engagement service follows merges (ids only, every territory).",
  })
  async ngoMergeEvents(
    @Ctx() ctx: RequestContext,
    @Arg("afterSequence", () => Int, { defaultValue: 0, description: "Only events after this position." })
    afterSequence: number,
    @Arg("limit", () => Int, { defaultValue: 500, description: "At most this many (1 to 1000)." }) limit: number,
  ): Promise<NgoMergeEvent[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "مقدار limit باید بین ۱ و ۱۰۰۰ باشد.", { field: "limit" });
    // Read from the primary: the engagement service asks right after a merge commits.
    const rows: NgoMergeEvent[] = await ctx.db.query(
      `SELECT sequence::int AS sequence, merge_id AS "mergeId", kind, merged_id AS "mergedId", survivor_id AS "survivorId"
         FROM ngo_merge_event WHERE sequence > $1 ORDER BY sequence LIMIT $2`,
      [afterSequence, limit],
    );
    return rows.map((row) => ({ ...row, kind: row.kind as NgoMergeEventKind }));
  }
}

/** `Ngo.mergedInto`: the survivor of a merged record (status MERGED). */
@Resolver(() => Ngo)
export class NgoMergedIntoResolver {
  @FieldResolver(() => Ngo, {
    nullable: true,
    description: "For a merged record (status MERGED): the NGO it was merged into, which its id resolves to elsewhere.",
  })
  async mergedInto(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    if (ngo.status !== NgoStatus.MERGED) return null;
    const survivor = await survivorOf(ctx).load(ngo.id);
    return survivor ? ngoById(ctx).load(survivor) : null;
  }
}
