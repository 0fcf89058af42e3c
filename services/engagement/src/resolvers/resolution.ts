import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertCanWrite,
  canRead,
  ConstraintMessages,
  DateScalar,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  Validator,
  whereInTerritory,
  checkReferences,
  claimForWrite,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
  invalidTransition,
  namedQuery,
} from "@hamafza/common";
import { resolutionReferences } from "../rules/references";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { Meeting } from "../entities/Meeting";
import { Agency, Manager } from "../entities/references";
import { Resolution, ResolutionFollowUpStatus, ResolutionStatus, ResolutionUpdate } from "../entities/Resolution";
import { meetingById, resolutionById, territoryOf, updatesByResolution } from "../loaders";
import { jalaliYearOf, lockedError, periodLocksForRead, PeriodLocks } from "../locks";
import { territorySql } from "../util/sql";
import { isSupportedJalaliYear, jalaliYearRange } from "@hamafza/common";
import { tehranToday } from "../util/time";
import { actorName, checkUuid, oneUuid, whereListBasics } from "./common";

@ObjectType({ description: "A page of resolutions." })
export class ResolutionPage extends PageOf(Resolution) {}

@InputType({ description: "Filter resolutions; all given conditions must hold." })
export class ResolutionFilter {
  @Field(() => [ID], { nullable: true, description: "Only these resolutions." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the text (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions of this meeting." })
  meetingId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions owned by this agency." })
  ownerAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions owned by this manager." })
  ownerManagerId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only resolutions of this county." })
  countyId?: string;

  @Field(() => ResolutionStatus, { nullable: true, description: "Only resolutions with this recorded status." })
  status?: ResolutionStatus;

  @Field(() => ResolutionFollowUpStatus, {
    nullable: true,
    description: "Only resolutions with this follow-up status (OVERDUE: not done past the deadline, Tehran today).",
  })
  followUpStatus?: ResolutionFollowUpStatus;

  @Field({ nullable: true, description: "true: only overdue resolutions; false: only the others." })
  overdue?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Only resolutions due on or after this day." })
  deadlineFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only resolutions due on or before this day." })
  deadlineTo?: string;

  @Field(() => Int, { nullable: true, description: "Only resolutions due in this Jalali year." })
  deadlineYear?: number;
}

@InputType({ description: "A new resolution of a meeting." })
export class ResolutionCreateInput {
  @Field(() => ID, { description: "The meeting that adopted it (the resolution takes its territory)." })
  meetingId!: string;

  @Field({ description: "Text of the resolution." })
  text!: string;

  @Field(() => ID, { nullable: true, description: "Owner agency (registry); an owner agency or manager is required." })
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Owner manager (registry)." })
  ownerManagerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Deadline." })
  deadline?: string | null;
}

@InputType({
  description:
    "Changes to a resolution; omitted fields keep their value, null clears. Status changes are recorded as dated updates.",
})
export class ResolutionUpdateInput {
  @Field({ nullable: true, description: "Text." })
  text?: string;

  @Field(() => ID, { nullable: true, description: "Owner agency." })
  ownerAgencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Owner manager." })
  ownerManagerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Deadline." })
  deadline?: string | null;

  @Field(() => ResolutionStatus, {
    nullable: true,
    description:
      "New status (see `ResolutionStatus` for the allowed changes); DONE needs `completedOn`, CANCELLED `cancellationReason`.",
  })
  status?: ResolutionStatus;

  @Field(() => DateScalar, { nullable: true, description: "Day it was done (with status DONE); not in the future." })
  completedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Why it is cancelled (with status CANCELLED)." })
  cancellationReason?: string | null;
}

@InputType({ description: "A dated progress report of a resolution, possibly changing its status." })
export class ResolutionProgressInput {
  @Field(() => DateScalar, {
    description: "Day of the report; not in the future. With status DONE it is the completion day.",
  })
  reportedOn!: string;

  @Field({ description: "What was done or found." })
  note!: string;

  @Field(() => ResolutionStatus, { nullable: true, description: "New status, if the report changes it." })
  status?: ResolutionStatus;
}

@ObjectType({ description: "How many resolutions of an owner are overdue (Tehran today)." })
export class OverdueResolutionCount {
  @Field(() => ID, { nullable: true, description: "The owner agency (empty for resolutions owned by a manager only)." })
  ownerAgencyId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The owner manager (empty for resolutions owned by an agency only).",
  })
  ownerManagerId!: string | null;

  @Field(() => Agency, { nullable: true, description: "The owner agency (registry)." })
  ownerAgency!: Agency | null;

  @Field(() => Manager, { nullable: true, description: "The owner manager (registry)." })
  ownerManager!: Manager | null;

  @Field(() => Int, { description: "Overdue resolutions." })
  overdue!: number;

  @Field(() => DateScalar, { description: "The earliest missed deadline." })
  oldestDeadline!: string;
}

const RESOLUTION_SORTABLE = {
  deadline: "resolution.deadline",
  status: "resolution.status",
  createdAt: "resolution.createdAt",
  completedOn: "resolution.completedOn",
  text: "resolution.textNormalized",
};

const RESOLUTION_CONSTRAINTS: ConstraintMessages = {
  resolution_owner_check: "برای مصوبه، دستگاه یا مدیر مسئول را مشخص کنید.",
  resolution_done_check: "روز انجام مصوبه را وارد کنید.",
};

/** Allowed status changes; anything else is INVALID_TRANSITION. */
const RESOLUTION_TRANSITIONS: Record<ResolutionStatus, ResolutionStatus[]> = {
  OPEN: [ResolutionStatus.IN_PROGRESS, ResolutionStatus.DONE, ResolutionStatus.CANCELLED],
  IN_PROGRESS: [ResolutionStatus.DONE, ResolutionStatus.CANCELLED],
  DONE: [ResolutionStatus.IN_PROGRESS],
  CANCELLED: [],
};

/** SQL of "overdue" on alias `resolution` with the parameter `today`. */
export const OVERDUE_SQL =
  "(resolution.status IN ('OPEN', 'IN_PROGRESS') AND resolution.deadline < CAST(:today AS date))";

/** The filtered query of `resolutions` and `overdueResolutions`, limited to the user's territory. */
function resolutionQuery(ctx: RequestContext, filter: ResolutionFilter | undefined): SelectQueryBuilder<Resolution> {
  const query = whereInTerritory(
    ctx.db.getRepository(Resolution).createQueryBuilder("resolution"),
    requireUser(ctx),
    territoryOf("resolution"),
  );
  const today = tehranToday();
  whereListBasics(query, "resolution", "textNormalized", filter);
  if (filter?.meetingId) query.andWhere("resolution.meetingId = :meetingId", { meetingId: oneUuid(filter.meetingId) });
  if (filter?.ownerAgencyId)
    query.andWhere("resolution.ownerAgencyId = :ownerAgencyId", { ownerAgencyId: oneUuid(filter.ownerAgencyId) });
  if (filter?.ownerManagerId)
    query.andWhere("resolution.ownerManagerId = :ownerManagerId", { ownerManagerId: oneUuid(filter.ownerManagerId) });
  if (filter?.status) query.andWhere("resolution.status = :status", { status: filter.status });
  if (filter?.overdue !== undefined)
    query.andWhere(filter.overdue ? OVERDUE_SQL : `NOT coalesce(${OVERDUE_SQL}, false)`, { today });
  if (filter?.followUpStatus) {
    if (filter.followUpStatus === ResolutionFollowUpStatus.OVERDUE) query.andWhere(OVERDUE_SQL, { today });
    else
      query.andWhere(`resolution.status = :followUp AND NOT coalesce(${OVERDUE_SQL}, false)`, {
        followUp: filter.followUpStatus,
        today,
      });
  }
  if (filter?.deadlineFrom)
    query.andWhere("resolution.deadline >= :deadlineFrom", { deadlineFrom: filter.deadlineFrom });
  if (filter?.deadlineTo) query.andWhere("resolution.deadline <= :deadlineTo", { deadlineTo: filter.deadlineTo });
  if (filter?.deadlineYear !== undefined) {
    const v = new Validator();
    v.check(isSupportedJalaliYear(filter.deadlineYear), "filter.deadlineYear", "سال شمسی معتبر نیست.").done();
    const days = jalaliYearRange(filter.deadlineYear);
    query.andWhere("resolution.deadline >= :yearStart AND resolution.deadline < :yearEnd", {
      yearStart: days.firstDay,
      yearEnd: days.dayAfter,
    });
  }
  return query;
}

@Resolver(() => Resolution)
export class ResolutionResolver {
  @Allow(ALL_ROLES)
  @Query(() => ResolutionPage, {
    description: `Resolutions of the user's territory, earliest deadline first by default. Sortable by ${Object.keys(
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
  overdueResolutions(
    @Ctx() ctx: RequestContext,
    @Arg("ownerAgencyId", () => ID, { nullable: true, description: "Only this owner agency." })
    ownerAgencyId: string | undefined,
    @Arg("ownerManagerId", () => ID, { nullable: true, description: "Only this owner manager." })
    ownerManagerId: string | undefined,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ResolutionPage> {
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

  @Allow(ALL_ROLES)
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

/** The locked year that freezes a resolution's content: its meeting's (held, locked) or its deadline's; null if none. */
function lockedYearOf(locks: PeriodLocks, resolution: Resolution, meeting: Meeting | null): number | null {
  if (meeting && locks.meetingLocked(meeting)) return jalaliYearOf(meeting.heldAt!);
  if (resolution.deadline && locks.isLocked(jalaliYearOf(resolution.deadline), resolution.provinceId))
    return jalaliYearOf(resolution.deadline);
  return null;
}

const statusNote = (status: ResolutionStatus, reason: string | null | undefined) =>
  ({ OPEN: "بازگشایی", IN_PROGRESS: "شروع اجرا", DONE: "انجام شد", CANCELLED: `لغو شد${reason ? `: ${reason}` : ""}` })[
    status
  ];

/** Applies a status change with its checks and records it as a dated update. */
async function changeStatus(
  em: EntityManager,
  ctx: RequestContext,
  locks: PeriodLocks,
  resolution: Resolution,
  to: ResolutionStatus,
  change: { reportedOn: string; note: string; cancellationReason?: string | null },
): Promise<void> {
  const from = resolution.status;
  if (!RESOLUTION_TRANSITIONS[from].includes(to)) {
    throw invalidTransition(`تغییر وضعیت مصوبه از «${STATUS_LABELS[from]}» به «${STATUS_LABELS[to]}» ممکن نیست.`, {
      from,
      to,
    });
  }
  const v = new Validator();
  if (to === ResolutionStatus.DONE) {
    v.check(/^\d{4}-\d{2}-\d{2}$/.test(change.reportedOn), "completedOn", "روز انجام مصوبه را وارد کنید.");
    v.check(change.reportedOn <= tehranToday(), "completedOn", "روز انجام نمی‌تواند در آینده باشد.");
  }
  if (to === ResolutionStatus.CANCELLED)
    v.check(!!change.cancellationReason?.trim(), "cancellationReason", "دلیل لغو مصوبه را بنویسید.");
  v.done();
  if (to === ResolutionStatus.DONE) locks.assertDatesOpen(resolution.provinceId, "انجام مصوبه", change.reportedOn);
  if (from === ResolutionStatus.DONE)
    locks.assertDatesOpen(resolution.provinceId, "انجام مصوبه", resolution.completedOn);
  resolution.status = to;
  resolution.completedOn = to === ResolutionStatus.DONE ? change.reportedOn : null;
  resolution.cancellationReason =
    to === ResolutionStatus.CANCELLED ? tidyDisplayText(change.cancellationReason!) : null;
  await em.insert(ResolutionUpdate, {
    resolutionId: resolution.id,
    reportedOn: to === ResolutionStatus.DONE ? change.reportedOn : change.reportedOn || tehranToday(),
    note: tidyDisplayText(change.note),
    statusBefore: from,
    statusAfter: to,
    recordedBy: actorName(ctx),
  });
}

const STATUS_LABELS: Record<ResolutionStatus, string> = {
  OPEN: "باز",
  IN_PROGRESS: "در حال اجرا",
  DONE: "انجام‌شده",
  CANCELLED: "لغوشده",
};

async function findResolutionForUpdate(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  expectedVersion?: number | null,
): Promise<{ resolution: Resolution; meeting: Meeting }> {
  const user = requireUser(ctx);
  const resolution = isUuid(id)
    ? await em.findOne(Resolution, { where: { id }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!resolution || !canRead(user, resolution)) throw notFound("مصوبه", id);
  assertCanWrite(user, resolution);
  claimForWrite(resolution, ctx, expectedVersion, "مصوبه");
  const meeting = (await em.findOne(Meeting, { where: { id: resolution.meetingId } }))!;
  return { resolution, meeting };
}

function applyResolutionInput(
  resolution: Resolution,
  input: ResolutionCreateInput | ResolutionUpdateInput,
  creating: boolean,
): void {
  const v = new Validator();
  if (creating || input.text !== undefined) v.text(input.text, "text", "متن مصوبه", { min: 5, max: 4000 });
  checkUuid(v, input.ownerAgencyId, "ownerAgencyId", "دستگاه مسئول");
  checkUuid(v, input.ownerManagerId, "ownerManagerId", "مدیر مسئول");
  const agency = input.ownerAgencyId !== undefined ? input.ownerAgencyId || null : resolution.ownerAgencyId;
  const manager = input.ownerManagerId !== undefined ? input.ownerManagerId || null : resolution.ownerManagerId;
  v.check(agency !== null || manager !== null, "ownerAgencyId", "برای مصوبه، دستگاه یا مدیر مسئول را مشخص کنید.");
  if ("completedOn" in input && input.completedOn && input.status !== ResolutionStatus.DONE)
    v.check(false, "completedOn", "روز انجام را همراه با وضعیت «انجام‌شده» وارد کنید.");
  v.done();
  if (input.text !== undefined)
    Object.assign(resolution, { text: tidyDisplayText(input.text!), textNormalized: normalizePersian(input.text) });
  resolution.ownerAgencyId = agency;
  resolution.ownerManagerId = manager;
  if (input.deadline !== undefined) resolution.deadline = input.deadline || null;
}
