import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  Validator,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
  namedQuery,
  checkKnownTerritoryArgs,
  Role,
} from "@hamafza/common";
import { resolutionReferences } from "../rules/references";
import { Meeting } from "../entities/Meeting";
import { Agency, Manager } from "../entities/references";
import { Resolution, ResolutionStatus, ResolutionUpdate } from "../entities/Resolution";
import { meetingById, resolutionById, updatesByResolution } from "../loaders";
import { lockedError, periodLocksForRead, PeriodLocks } from "../locks";
import { territorySql } from "../util/sql";
import { tehranToday } from "../util/time";
import { actorName } from "./common";
import {
  OverdueResolutionCount,
  ResolutionCreateInput,
  ResolutionFilter,
  ResolutionPage,
  ResolutionProgressInput,
  ResolutionUpdateInput,
} from "./resolutionInputs";
import {
  RESOLUTION_CONSTRAINTS,
  RESOLUTION_SORTABLE,
  applyResolutionInput,
  changeStatus,
  findResolutionForUpdate,
  lockedYearOf,
  resolutionQuery,
  statusNote,
} from "./resolutionRules";
export {
  ResolutionPage,
  ResolutionFilter,
  ResolutionCreateInput,
  ResolutionUpdateInput,
  ResolutionProgressInput,
  OverdueResolutionCount,
} from "./resolutionInputs";
export { OVERDUE_SQL } from "./resolutionRules";

@Resolver(() => Resolution)
export class ResolutionResolver {
  @Allow(ALL_ROLES, Role.AGENCY_RESPONDENT)
  @Query(() => ResolutionPage, {
    description: `Resolutions of the user's territory (an agency respondent: those its agency owns), earliest deadline first by default. Sortable by ${Object.keys(
      RESOLUTION_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  resolutions(
    @Ctx() ctx: RequestContext,
    @FilterArg(ResolutionFilter) filter: ResolutionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ResolutionPage> {
    return paginate(resolutionQuery(ctx, filter), page, RESOLUTION_SORTABLE, {
      field: "deadline",
      order: SortOrder.ASC,
    });
  }

  @Allow(ALL_ROLES)
  @Query(() => ResolutionPage, {
    description: `The follow-up board: overdue resolutions (not done, deadline passed, Tehran today) of the user's territory, optionally of one owner; longest overdue first. Sortable by ${Object.keys(
      RESOLUTION_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async overdueResolutions(
    @Ctx() ctx: RequestContext,
    @Arg("ownerAgencyId", () => ID, { nullable: true, description: "Only this owner agency." })
    ownerAgencyId: string | undefined,
    @Arg("ownerManagerId", () => ID, { nullable: true, description: "Only this owner manager." })
    ownerManagerId: string | undefined,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ResolutionPage> {
    await checkKnownTerritoryArgs(ctx, provinceId, countyId);
    return paginate(
      resolutionQuery(ctx, { overdue: true, ownerAgencyId, ownerManagerId, provinceId, countyId }),
      page,
      RESOLUTION_SORTABLE,
      { field: "deadline", order: SortOrder.ASC },
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => [OverdueResolutionCount], {
    description:
      "Overdue resolutions counted per owner (agency and manager) in the user's territory, most overdue first (one SQL GROUP BY).",
  })
  async overdueResolutionCounts(
    @Ctx() ctx: RequestContext,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
  ): Promise<OverdueResolutionCount[]> {
    await checkKnownTerritoryArgs(ctx, provinceId, countyId);
    const scope = territorySql(requireUser(ctx), { province: "r.province_id", county: "r.county_id" });
    const rows = await namedQuery<{
      owner_agency_id: string | null;
      owner_manager_id: string | null;
      overdue: string;
      oldest: string;
    }>(
      ctx.db,
      `SELECT r.owner_agency_id, r.owner_manager_id, count(*) AS overdue, min(r.deadline)::text AS oldest
         FROM resolution r
        WHERE r.status IN ('OPEN', 'IN_PROGRESS') AND r.deadline < CAST(:today AS date) ${scope.sql}
          ${provinceId ? "AND r.province_id = :provinceId" : ""} ${countyId ? "AND r.county_id = :countyId" : ""}
        GROUP BY r.owner_agency_id, r.owner_manager_id
        ORDER BY count(*) DESC, min(r.deadline) ASC`,
      { today: tehranToday(), provinceId, countyId, ...scope.params },
    );
    return rows.map((row) => ({
      ownerAgencyId: row.owner_agency_id,
      ownerManagerId: row.owner_manager_id,
      ownerAgency: row.owner_agency_id ? { id: row.owner_agency_id } : null,
      ownerManager: row.owner_manager_id ? { id: row.owner_manager_id } : null,
      overdue: Number(row.overdue),
      oldestDeadline: row.oldest,
    }));
  }

  @Allow(ALL_ROLES, Role.AGENCY_RESPONDENT)
  @Query(() => Resolution, {
    nullable: true,
    description: "One resolution by id; empty when outside the user's territory.",
  })
  resolution(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Resolution | null> {
    return resolutionById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Resolution, {
    description:
      "Record a resolution of a meeting of the user's territory (LOCKED for a held meeting of a locked year, or a deadline in a locked year).",
  })
  async createResolution(
    @Ctx() ctx: RequestContext,
    @InputArg(ResolutionCreateInput) input: ResolutionCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Resolution> {
    await checkReferences(ctx, resolutionReferences(input));
    return inTransaction(ctx.db, RESOLUTION_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createResolution",
        idempotencyKey,
        input,
        async () => {
          const locks = await PeriodLocks.forWrite(em);
          const meeting = await findForWrite(em, ctx, Meeting, input.meetingId, "نشست");
          locks.assertMeetingOpen(meeting, "مصوبه‌های این نشست");
          const resolution = em.create(Resolution, {
            meetingId: meeting.id,
            provinceId: meeting.provinceId,
            countyId: meeting.countyId,
            status: ResolutionStatus.OPEN,
            completedOn: null,
            cancellationReason: null,
            ownerAgencyId: null,
            ownerManagerId: null,
            deadline: null,
          });
          applyResolutionInput(resolution, input, true);
          locks.assertDatesOpen(resolution.provinceId, "مصوبه‌ای با مهلت", resolution.deadline);
          const saved = await em.save(resolution);
          await recordChange(em, ctx, "createResolution", "Resolution", { before: null, after: saved });
          return saved;
        },
        (id) => em.findOneBy(Resolution, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Resolution, {
    description:
      "Change a resolution: text, owners, deadline, or status (recorded as a dated update). For a held meeting of a locked year, or a deadline in a locked year, only status changes dated after that year are allowed (LOCKED otherwise).",
  })
  async updateResolution(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(ResolutionUpdateInput) input: ResolutionUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Resolution> {
    await checkReferences(ctx, resolutionReferences(input));
    return inTransaction(ctx.db, RESOLUTION_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { resolution, meeting } = await findResolutionForUpdate(em, ctx, id, expectedVersion);
      const before = { ...resolution };
      const frozenYear = lockedYearOf(locks, resolution, meeting);
      const changesContent =
        input.text !== undefined ||
        input.ownerAgencyId !== undefined ||
        input.ownerManagerId !== undefined ||
        input.deadline !== undefined;
      if (frozenYear !== null && changesContent) throw lockedError(frozenYear, "متن، مسئول و مهلت این مصوبه");
      applyResolutionInput(resolution, input, false);
      locks.assertDatesOpen(resolution.provinceId, "مصوبه‌ای با مهلت", resolution.deadline);
      if (input.status && input.status !== before.status) {
        const reportedOn = input.status === ResolutionStatus.DONE ? (input.completedOn ?? "") : tehranToday();
        await changeStatus(em, ctx, locks, resolution, input.status, {
          reportedOn,
          note: statusNote(input.status, input.cancellationReason),
          cancellationReason: input.cancellationReason,
        });
      }
      const saved = await em.save(resolution);
      await recordChange(em, ctx, "updateResolution", "Resolution", { before, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Resolution, {
    description:
      "Delete a resolution entered by mistake, with its updates; returns it as it was (LOCKED for a held meeting of a locked year or a deadline in a locked year).",
  })
  deleteResolution(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Resolution> {
    return inTransaction(ctx.db, RESOLUTION_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { resolution, meeting } = await findResolutionForUpdate(em, ctx, id);
      locks.assertMeetingOpen(meeting, "مصوبه‌های این نشست");
      locks.assertDatesOpen(resolution.provinceId, "مصوبه‌ای با مهلت", resolution.deadline, resolution.completedOn);
      await em.delete(Resolution, { id });
      await recordChange(em, ctx, "deleteResolution", "Resolution", { before: resolution, after: null });
      return Object.assign(new Resolution(), resolution);
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Resolution, {
    description:
      "Follow up a resolution: add a dated progress report, optionally changing its status (DONE takes the report's day as the completion day). The day may not be in the future nor inside a locked evaluation year (LOCKED).",
  })
  addResolutionUpdate(
    @Ctx() ctx: RequestContext,
    @Arg("resolutionId", () => ID, { description: "The resolution." }) resolutionId: string,
    @InputArg(ResolutionProgressInput) input: ResolutionProgressInput,
  ): Promise<Resolution> {
    return inTransaction(ctx.db, RESOLUTION_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { resolution } = await findResolutionForUpdate(em, ctx, resolutionId);
      const before = { ...resolution };
      const v = new Validator();
      v.text(input.note, "note", "شرح پیگیری", { min: 3, max: 4000 });
      v.check(input.reportedOn <= tehranToday(), "reportedOn", "روز گزارش نمی‌تواند در آینده باشد.");
      v.done();
      locks.assertDatesOpen(resolution.provinceId, "گزارش پیگیری", input.reportedOn);
      if (input.status && input.status !== resolution.status) {
        await changeStatus(em, ctx, locks, resolution, input.status, {
          reportedOn: input.reportedOn,
          note: input.note,
          cancellationReason: input.status === ResolutionStatus.CANCELLED ? input.note : undefined,
        });
      } else {
        await em.insert(ResolutionUpdate, {
          resolutionId: resolution.id,
          reportedOn: input.reportedOn,
          note: tidyDisplayText(input.note),
          statusBefore: null,
          statusAfter: null,
          recordedBy: actorName(ctx),
        });
      }
      const saved = await em.save(resolution);
      const after = {
        ...saved,
        update: { reportedOn: input.reportedOn, note: input.note, status: input.status ?? null },
      };
      await recordChange<typeof before>(em, ctx, "addResolutionUpdate", "Resolution", { before, after });
      return saved;
    });
  }

  @FieldResolver(() => [ResolutionUpdate], { description: "Dated progress updates, oldest first (the history)." })
  updates(@Root() resolution: Resolution, @Ctx() ctx: RequestContext): Promise<ResolutionUpdate[]> {
    return updatesByResolution(ctx).load(resolution.id);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting that adopted it." })
  meeting(@Root() resolution: Resolution, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return meetingById(ctx).load(resolution.meetingId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The owner agency (registry)." })
  ownerAgency(@Root() resolution: Resolution): Agency | null {
    return resolution.ownerAgencyId ? { id: resolution.ownerAgencyId } : null;
  }

  @FieldResolver(() => Manager, { nullable: true, description: "The owner manager (registry)." })
  ownerManager(@Root() resolution: Resolution): Manager | null {
    return resolution.ownerManagerId ? { id: resolution.ownerManagerId } : null;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether its content is frozen by a locked evaluation year (its meeting's or its deadline's).",
  })
  async locked(@Root() resolution: Resolution, @Ctx() ctx: RequestContext): Promise<boolean> {
    const locks = await periodLocksForRead(ctx);
    const meeting = await meetingById(ctx).load(resolution.meetingId);
    return lockedYearOf(locks, resolution, meeting) !== null;
  }
}
