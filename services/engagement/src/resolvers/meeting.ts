import {
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
  AppError,
  assertCanWrite,
  canRead,
  OFFICERS,
  recordChange,
  requireUser,
  whereInTerritory,
  ConstraintMessages,
  DateScalar,
  ErrorCode,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  jalaliQuarterRange,
  isSupportedJalaliYear,
  jalaliYearBounds,
  normalizePersian,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  SortOrder,
  tidyDisplayText,
  Validator,
  isCountyCode,
  isProvinceCode,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { meetingReferences } from "../rules/references";
import { EntityManager } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand } from "../entities/Demand";
import { Meeting, MeetingKind, MeetingLevel, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { MeetingOfficial } from "../entities/MeetingOfficial";
import { Proposal } from "../entities/Proposal";
import { Agency, County, Manager, Ngo } from "../entities/references";
import { Resolution } from "../entities/Resolution";
import { WorkingGroup } from "../entities/WorkingGroup";
import {
  agendaByMeeting,
  attendanceByMeeting,
  demandsByMeeting,
  MEETING_TERRITORY,
  meetingById,
  meetingsByNgo,
  officialsByMeeting,
  proposalsByMeeting,
  resolutionsByMeeting,
  workingGroupById,
} from "../loaders";
import { periodLocksForRead, PeriodLocks } from "../locks";
import { tehranDay } from "../util/time";
import { checkUuid, oneUuid, trimOrNull, whereListBasics } from "./common";

@ObjectType({ description: "A page of meetings." })
export class MeetingPage extends PageOf(Meeting) {}

@InputType({ description: "Filter meetings; all given conditions must hold." })
export class MeetingFilter {
  @Field(() => [ID], { nullable: true, description: "Only these meetings." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the title (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings this NGO attended." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings chaired by this manager." })
  chairId?: string;

  @Field(() => ID, { nullable: true, description: "Only meetings organised by this agency." })
  organisingAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only sessions of this working group." })
  workingGroupId?: string;

  @Field(() => MeetingStatus, { nullable: true, description: "Only meetings in this status." })
  status?: MeetingStatus;

  @Field(() => MeetingKind, { nullable: true, description: "Only meetings of this kind." })
  kind?: MeetingKind;

  @Field(() => MeetingLevel, { nullable: true, description: "Only provincial (no county) or only county meetings." })
  level?: MeetingLevel;

  @Field(() => Int, {
    nullable: true,
    description: "Only meetings of this Jalali year (held time, else scheduled time, on Tehran's clock).",
  })
  jalaliYear?: number;

  @Field(() => Int, { nullable: true, description: "With `jalaliYear`: only meetings of this quarter (1–4)." })
  jalaliQuarter?: number;

  @Field(() => Date, {
    nullable: true,
    description: "Only meetings at or after this instant (held time, else scheduled time).",
  })
  from?: Date;

  @Field(() => Date, {
    nullable: true,
    description: "Only meetings before this instant (held time, else scheduled time).",
  })
  to?: Date;

  @Field({
    nullable: true,
    description:
      "true: only held meetings with at least one NGO present (they count as engagement); false: only the others.",
  })
  withNgos?: boolean;
}

@InputType({ description: "An NGO attending a meeting." })
export class AttendeeInput {
  @Field(() => ID, { description: "The NGO's id (registry)." })
  ngoId!: string;

  @Field(() => String, { nullable: true, description: "Name of the NGO's representative at the meeting." })
  representativeName?: string | null;
}

@InputType({ description: "An official (registry manager) present at a meeting." })
export class MeetingOfficialInput {
  @Field(() => ID, { description: "The manager's id (registry)." })
  managerId!: string;

  @Field(() => ID, { nullable: true, description: "The agency the official represented (registry)." })
  agencyId?: string | null;

  @Field({ description: "Role or title at the meeting (e.g. «رئیس جلسه»، «دبیر جلسه»)." })
  role!: string;
}

@InputType({ description: "A new meeting." })
export class MeetingCreateInput {
  @Field({ description: "Title." })
  title!: string;

  @Field(() => MeetingKind, { description: "Kind of meeting." })
  kind!: MeetingKind;

  @Field(() => ID, { description: "Province code of the meeting's territory." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code for a county-level meeting." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the chairing manager." })
  chairId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the organising agency (registry)." })
  organisingAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Venue, as typed." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "NGO House (registry) hosting the meeting." })
  venueNgoHouseId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Working group whose session this is (kind must be WORKING_GROUP_SESSION; same territory).",
  })
  workingGroupId?: string | null;

  @Field({ description: "Scheduled start (an instant; the dashboard sends Tehran time converted to UTC)." })
  scheduledAt!: Date;

  @Field(() => [AttendeeInput], { nullable: true, description: "NGOs attending; replaces the whole list when given." })
  attendees?: AttendeeInput[];

  @Field(() => [MeetingOfficialInput], {
    nullable: true,
    description: "Officials present; replaces the whole list when given.",
  })
  officials?: MeetingOfficialInput[];
}

@InputType({ description: "Changes to a meeting; omitted fields keep their value." })
export class MeetingUpdateInput {
  @Field({ nullable: true, description: "Title." })
  title?: string;

  @Field(() => MeetingKind, { nullable: true, description: "Kind of meeting." })
  kind?: MeetingKind;

  @Field(() => ID, { nullable: true, description: "Id of the chairing manager." })
  chairId?: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the organising agency (registry)." })
  organisingAgencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Venue, as typed." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "NGO House (registry) hosting the meeting." })
  venueNgoHouseId?: string | null;

  @Field(() => ID, { nullable: true, description: "Working group whose session this is." })
  workingGroupId?: string | null;

  @Field({ nullable: true, description: "Scheduled start." })
  scheduledAt?: Date;

  @Field(() => MeetingStatus, {
    nullable: true,
    description: "New status: HELD needs `heldAt`, CANCELLED needs `cancellationReason`.",
  })
  status?: MeetingStatus;

  @Field(() => Date, { nullable: true, description: "When the meeting was held." })
  heldAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled." })
  cancellationReason?: string | null;

  @Field(() => String, { nullable: true, description: "Minutes." })
  minutes?: string | null;

  @Field(() => [AttendeeInput], { nullable: true, description: "NGOs attending; replaces the whole list when given." })
  attendees?: AttendeeInput[];

  @Field(() => [MeetingOfficialInput], {
    nullable: true,
    description: "Officials present; replaces the whole list when given.",
  })
  officials?: MeetingOfficialInput[];
}

const MEETING_SORTABLE = {
  scheduledAt: "meeting.scheduledAt",
  heldAt: "meeting.heldAt",
  title: "meeting.titleNormalized",
  kind: "meeting.kind",
  status: "meeting.status",
  countyId: "meeting.countyId",
  createdAt: "meeting.createdAt",
};

export const MEETING_CONSTRAINTS: ConstraintMessages = {
  meeting_attendance_meeting_ngo_unique: "یک سمن دو بار در فهرست حاضران آمده است.",
  meeting_official_meeting_manager_unique: "یک مسئول دو بار در فهرست مسئولان حاضر آمده است.",
  meeting_working_group_kind: "فقط نشستی از نوع «جلسه کارگروه» می‌تواند به کارگروه وصل شود.",
  resolution_meeting_fk: "این نشست مصوبه دارد؛ ابتدا مصوبه‌های آن را حذف کنید یا نشست را لغو کنید.",
  demand_meeting_fk: "مطالباتی به این نشست وصل است؛ ابتدا آن‌ها را از نشست جدا کنید.",
  proposal_meeting_fk: "طرح‌هایی به این نشست وصل است؛ ابتدا آن‌ها را از نشست جدا کنید.",
};

/** The time a meeting is dated by: when held, else when scheduled. */
const MEETING_TIME = "coalesce(meeting.heldAt, meeting.scheduledAt)";

/** SQL of "held, with at least one NGO present" on alias `meeting` (query-builder paths). */
export const HELD_WITH_NGOS =
  "(meeting.status = 'HELD' AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = meeting.id))";

@Resolver(() => Meeting)
export class MeetingResolver {
  @Allow(ALL_ROLES)
  @Query(() => MeetingPage, {
    description: `Meetings of the user's territory, newest first by default. Sortable by ${Object.keys(MEETING_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async meetings(
    @Ctx() ctx: RequestContext,
    @FilterArg(MeetingFilter) filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<MeetingPage> {
    const query = whereInTerritory(
      ctx.db.getRepository(Meeting).createQueryBuilder("meeting"),
      requireUser(ctx),
      MEETING_TERRITORY,
    );
    whereListBasics(query, "meeting", "titleNormalized", filter);
    if (filter?.chairId) query.andWhere("meeting.chairId = :chairId", { chairId: oneUuid(filter.chairId) });
    if (filter?.organisingAgencyId)
      query.andWhere("meeting.organisingAgencyId = :agencyId", { agencyId: oneUuid(filter.organisingAgencyId) });
    if (filter?.workingGroupId)
      query.andWhere("meeting.workingGroupId = :workingGroupId", { workingGroupId: oneUuid(filter.workingGroupId) });
    if (filter?.status) query.andWhere("meeting.status = :status", { status: filter.status });
    if (filter?.kind) query.andWhere("meeting.kind = :kind", { kind: filter.kind });
    if (filter?.level)
      query.andWhere(
        filter.level === MeetingLevel.COUNTY ? "meeting.countyId IS NOT NULL" : "meeting.countyId IS NULL",
      );
    if (filter?.ngoId) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = meeting.id AND a.ngo_id = :ngoId)",
        {
          ngoId: oneUuid(filter.ngoId),
        },
      );
    }
    if (filter?.jalaliYear !== undefined || filter?.jalaliQuarter !== undefined) {
      const v = new Validator();
      v.check(
        filter.jalaliYear !== undefined && isSupportedJalaliYear(filter.jalaliYear),
        "filter.jalaliYear",
        "سال شمسی معتبر نیست.",
      );
      v.check(
        filter.jalaliQuarter === undefined || [1, 2, 3, 4].includes(filter.jalaliQuarter),
        "filter.jalaliQuarter",
        "فصل باید بین ۱ و ۴ باشد.",
      );
      v.done();
      const range = filter.jalaliQuarter
        ? jalaliQuarterRange(filter.jalaliYear!, filter.jalaliQuarter)
        : jalaliYearBounds(filter.jalaliYear!);
      query.andWhere(`${MEETING_TIME} >= :periodStart AND ${MEETING_TIME} < :periodEnd`, {
        periodStart: range.start,
        periodEnd: range.end,
      });
    }
    if (filter?.from) query.andWhere(`${MEETING_TIME} >= :from`, { from: filter.from });
    if (filter?.to) query.andWhere(`${MEETING_TIME} < :to`, { to: filter.to });
    if (filter?.withNgos !== undefined) query.andWhere(filter.withNgos ? HELD_WITH_NGOS : `NOT ${HELD_WITH_NGOS}`);
    return paginate(query, page, MEETING_SORTABLE, { field: "scheduledAt", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Meeting, { nullable: true, description: "One meeting by id; empty when outside the user's territory." })
  meeting(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Meeting | null> {
    return meetingById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, { description: "Schedule a meeting in the user's territory (with its NGOs and officials)." })
  async createMeeting(
    @Ctx() ctx: RequestContext,
    @InputArg(MeetingCreateInput) input: MeetingCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Meeting> {
    await checkReferences(ctx, meetingReferences(input));
    return inTransaction(ctx.db, MEETING_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createMeeting",
        idempotencyKey,
        input,
        async () => {
          const meeting = em.create(Meeting, {
            status: MeetingStatus.PLANNED,
            heldAt: null,
            cancellationReason: null,
            minutes: null,
            workingGroupId: null,
            venue: null,
            venueNgoHouseId: null,
            organisingAgencyId: null,
            chairId: null,
          });
          applyMeetingInput(meeting, input);
          assertCanWrite(requireUser(ctx), meeting);
          await checkWorkingGroup(em, ctx, meeting);
          const saved = await em.save(meeting);
          if (input.attendees) await replaceAttendees(em, saved.id, input.attendees);
          if (input.officials) await replaceOfficials(em, saved.id, input.officials);
          await recordChange(em, ctx, "createMeeting", "Meeting", {
            before: null,
            after: await meetingSnapshot(em, saved),
          });
          return saved;
        },
        (id) => em.findOneBy(Meeting, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, {
    description:
      "Change a meeting of the user's territory: details, attendance, officials, or status (held / cancelled). A held meeting of a locked evaluation year is refused (LOCKED), and so is recording a meeting as held in a locked year.",
  })
  async updateMeeting(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(MeetingUpdateInput) input: MeetingUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Meeting> {
    await checkReferences(ctx, meetingReferences(input));
    return inTransaction(ctx.db, MEETING_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const meeting = await findForWrite(em, ctx, Meeting, id, "نشست", expectedVersion);
      locks.assertMeetingOpen(meeting);
      const before = await meetingSnapshot(em, meeting);
      applyMeetingInput(meeting, input);
      locks.assertMeetingOpen(meeting, "ثبت برگزاری این نشست");
      if (input.workingGroupId !== undefined || input.kind !== undefined) await checkWorkingGroup(em, ctx, meeting);
      const saved = await em.save(meeting);
      if (input.attendees) await replaceAttendees(em, saved.id, input.attendees);
      if (input.officials) await replaceOfficials(em, saved.id, input.officials);
      await recordChange(em, ctx, "updateMeeting", "Meeting", { before, after: await meetingSnapshot(em, saved) });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, {
    description:
      "Delete a meeting entered by mistake (with its attendance and agenda); returns it as it was. Cancel real meetings instead. Refused for a meeting with resolutions, demands or proposals, and for a held meeting of a locked year.",
  })
  deleteMeeting(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Meeting> {
    return inTransaction(ctx.db, MEETING_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const meeting = await findForWrite(em, ctx, Meeting, id, "نشست");
      locks.assertMeetingOpen(meeting);
      const before = await meetingSnapshot(em, meeting);
      await em.delete(Meeting, { id });
      await recordChange(em, ctx, "deleteMeeting", "Meeting", { before, after: null });
      return Object.assign(new Meeting(), meeting, { id });
    });
  }

  @FieldResolver(() => [ID], { description: "Ids of the NGOs that attended." })
  async ngoIds(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).map((a) => a.ngoId);
  }

  @FieldResolver(() => [Ngo], {
    nullable: "items",
    description: "The NGOs that attended; an NGO outside the user's territory appears as null (its id is in `ngoIds`).",
  })
  async ngos(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).map((a) => ({ id: a.ngoId }));
  }

  @FieldResolver(() => Int, { description: "How many NGOs attended." })
  async ngoCount(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<number> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).length;
  }

  @FieldResolver(() => [MeetingAttendance], {
    description:
      "Attendance rows of the NGOs, with representatives (and, from the registry, the licence state on the meeting day).",
  })
  async attendance(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingAttendance[]> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).map((a) => Object.assign(a, { meeting }));
  }

  @FieldResolver(() => [MeetingOfficial], { description: "Officials present, with their roles." })
  officials(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingOfficial[]> {
    return officialsByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => [AgendaItem], { description: "Agenda items in order." })
  agendaItems(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return agendaByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => [Resolution], { description: "Resolutions adopted at the meeting." })
  resolutions(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Resolution[]> {
    return resolutionsByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => [Demand], { description: "Demands NGOs raised at the meeting (of the user's territory)." })
  demands(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Demand[]> {
    return demandsByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => [Proposal], { description: "Proposals presented at the meeting (of the user's territory)." })
  proposals(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Proposal[]> {
    return proposalsByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true, description: "The working group whose session this is." })
  workingGroup(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<WorkingGroup | null> | null {
    return meeting.workingGroupId ? workingGroupById(ctx).load(meeting.workingGroupId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Whether it counts as engagement: held with at least one NGO present." })
  async countsAsEngagement(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<boolean> {
    return meeting.status === MeetingStatus.HELD && (await attendanceByMeeting(ctx).load(meeting.id)).length > 0;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether it is held in an evaluation year that is locked for its province (then it cannot be changed).",
  })
  async locked(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await periodLocksForRead(ctx)).meetingLocked(meeting);
  }

  @FieldResolver(() => County, { nullable: true, description: "The county of a county-level meeting." })
  county(@Root() meeting: Meeting): County | null {
    return meeting.countyId ? { id: meeting.countyId } : null;
  }

  @FieldResolver(() => Manager, { nullable: true, description: "The chairing manager." })
  chair(@Root() meeting: Meeting): Manager | null {
    return meeting.chairId ? { id: meeting.chairId } : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The organising agency (registry)." })
  organisingAgency(@Root() meeting: Meeting): Agency | null {
    return meeting.organisingAgencyId ? { id: meeting.organisingAgencyId } : null;
  }
}

@Resolver(() => MeetingAttendance)
export class MeetingAttendanceResolver {
  @FieldResolver(() => DateScalar, {
    description:
      "The meeting's calendar day on Tehran's clock (held time, else scheduled): the day the registry checks the NGO's licence on.",
  })
  async meetingDate(@Root() attendance: MeetingAttendance, @Ctx() ctx: RequestContext): Promise<string> {
    // Attendance rows are only reached through their (visible) meeting, so the meeting is there.
    const meeting = attendance.meeting ?? (await meetingById(ctx).load(attendance.meetingId))!;
    return tehranDay(meeting.heldAt ?? meeting.scheduledAt);
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The attending NGO (registry)." })
  ngo(@Root() attendance: MeetingAttendance): Ngo {
    return { id: attendance.ngoId };
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting." })
  meeting(@Root() attendance: MeetingAttendance, @Ctx() ctx: RequestContext): Meeting | Promise<Meeting | null> {
    return attendance.meeting ?? meetingById(ctx).load(attendance.meetingId);
  }
}

@Resolver(() => MeetingOfficial)
export class MeetingOfficialResolver {
  @FieldResolver(() => Manager, { nullable: true, description: "The official (registry manager)." })
  manager(@Root() official: MeetingOfficial): Manager {
    return { id: official.managerId };
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency represented (registry)." })
  agency(@Root() official: MeetingOfficial): Agency | null {
    return official.agencyId ? { id: official.agencyId } : null;
  }
}

@Resolver(() => Ngo)
export class NgoEngagementResolver {
  @FieldResolver(() => [Meeting], {
    nullable: true,
    description: "Meetings the NGO attended, newest first (engagement service).",
  })
  meetings(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return meetingsByNgo(ctx).load(ngo.id);
  }
}

/** The meeting with its attendance and officials, as the audit log records it. */
async function meetingSnapshot(em: EntityManager, meeting: Meeting) {
  const attendees = (
    await em.find(MeetingAttendance, { where: { meetingId: meeting.id }, order: { ngoId: "ASC" } })
  ).map((a) => ({ id: a.id, ngoId: a.ngoId, representativeName: a.representativeName }));
  const officials = (
    await em.find(MeetingOfficial, { where: { meetingId: meeting.id }, order: { managerId: "ASC" } })
  ).map((o) => ({ managerId: o.managerId, agencyId: o.agencyId, role: o.role }));
  const agendaItems = await em.count(AgendaItem, { where: { meetingId: meeting.id } });
  return { ...meeting, attendance: undefined, attendees, officials, agendaItems };
}

function applyMeetingInput(meeting: Meeting, input: MeetingCreateInput | MeetingUpdateInput): void {
  const v = new Validator();
  if (input.title !== undefined) v.text(input.title, "title", "عنوان نشست", { min: 3, max: 300 });
  if ("provinceId" in input) v.check(isProvinceCode(input.provinceId), "provinceId", "کد استان باید دو رقم باشد.");
  if ("countyId" in input && input.countyId) {
    v.check(
      isCountyCode(input.countyId) && input.countyId.startsWith(input.provinceId),
      "countyId",
      "شهرستان باید از همان استانِ نشست باشد.",
    );
  }
  if (input.chairId) v.check(isUuid(input.chairId), "chairId", "شناسه رئیس جلسه معتبر نیست.");
  checkUuid(v, input.organisingAgencyId, "organisingAgencyId", "دستگاه برگزارکننده");
  checkUuid(v, input.venueNgoHouseId, "venueNgoHouseId", "خانه سمن‌ها");
  checkUuid(v, input.workingGroupId, "workingGroupId", "کارگروه");
  if (input.venue) v.text(input.venue, "venue", "محل برگزاری", { max: 300 });
  if (input.attendees) {
    v.check(
      input.attendees.every((a) => isUuid(a.ngoId)),
      "attendees",
      "شناسه یکی از سمن‌های حاضر معتبر نیست.",
    );
    v.check(
      new Set(input.attendees.map((a) => a.ngoId)).size === input.attendees.length,
      "attendees",
      "یک سمن دو بار در فهرست حاضران آمده است.",
    );
  }
  if (input.officials) {
    v.check(
      input.officials.every((o) => isUuid(o.managerId) && (!o.agencyId || isUuid(o.agencyId))),
      "officials",
      "شناسه یکی از مسئولان حاضر یا دستگاه او معتبر نیست.",
    );
    v.check(
      input.officials.every((o) => o.role.trim().length >= 2 && o.role.trim().length <= 200),
      "officials",
      "سمت هر مسئول حاضر را (۲ تا ۲۰۰ نویسه) بنویسید.",
    );
    v.check(
      new Set(input.officials.map((o) => o.managerId)).size === input.officials.length,
      "officials",
      "یک مسئول دو بار در فهرست مسئولان حاضر آمده است.",
    );
  }
  const kind = input.kind ?? meeting.kind;
  const workingGroupId = input.workingGroupId !== undefined ? input.workingGroupId : meeting.workingGroupId;
  if (workingGroupId)
    v.check(
      kind === MeetingKind.WORKING_GROUP_SESSION,
      "workingGroupId",
      "فقط نشستی از نوع «جلسه کارگروه» می‌تواند به کارگروه وصل شود.",
    );
  v.done();

  if (input.title !== undefined) {
    meeting.title = tidyDisplayText(input.title);
    meeting.titleNormalized = normalizePersian(input.title);
  }
  if (input.kind) meeting.kind = input.kind;
  if ("provinceId" in input) meeting.provinceId = input.provinceId;
  if ("countyId" in input && input.countyId !== undefined) meeting.countyId = input.countyId || null;
  if (input.chairId !== undefined) meeting.chairId = input.chairId || null;
  if (input.organisingAgencyId !== undefined) meeting.organisingAgencyId = input.organisingAgencyId || null;
  if (input.venue !== undefined) meeting.venue = trimOrNull(input.venue);
  if (input.venueNgoHouseId !== undefined) meeting.venueNgoHouseId = input.venueNgoHouseId || null;
  if (input.workingGroupId !== undefined) meeting.workingGroupId = input.workingGroupId || null;
  if (input.scheduledAt) meeting.scheduledAt = input.scheduledAt;
  if ("status" in input) applyStatusChange(meeting, input);
}

/** A session's working group must exist in the user's territory and in the meeting's province (and county, for a county group). */
async function checkWorkingGroup(em: EntityManager, ctx: RequestContext, meeting: Meeting): Promise<void> {
  if (!meeting.workingGroupId) return;
  const group = await em.findOne(WorkingGroup, { where: { id: meeting.workingGroupId } });
  if (!group || !canRead(requireUser(ctx), group)) throw notFound("کارگروه", meeting.workingGroupId);
  if (group.provinceId !== meeting.provinceId || (group.countyId !== null && group.countyId !== meeting.countyId)) {
    const message = "جلسه کارگروه باید در همان استان (و شهرستانِ) کارگروه باشد.";
    throw new AppError(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field: "workingGroupId", message }] });
  }
}

function applyStatusChange(meeting: Meeting, input: MeetingUpdateInput): void {
  if (input.minutes !== undefined) meeting.minutes = input.minutes?.trim() || null;
  if (input.heldAt !== undefined) meeting.heldAt = input.heldAt;
  if (input.cancellationReason !== undefined) meeting.cancellationReason = input.cancellationReason?.trim() || null;
  if (!input.status || input.status === meeting.status) return;
  if (meeting.status !== MeetingStatus.PLANNED) {
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      "فقط وضعیت نشستِ برنامه‌ریزی‌شده را می‌توان به برگزارشده یا لغوشده تغییر داد.",
      {
        from: meeting.status,
        to: input.status,
      },
    );
  }
  if (input.status === MeetingStatus.HELD && !meeting.heldAt) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "برای ثبت برگزاری، زمان برگزاری (heldAt) را وارد کنید.", {
      field: "heldAt",
    });
  }
  if (input.status === MeetingStatus.HELD && meeting.heldAt && meeting.heldAt.getTime() > Date.now()) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "زمان برگزاری نمی‌تواند در آینده باشد.", { field: "heldAt" });
  }
  if (input.status === MeetingStatus.CANCELLED && !meeting.cancellationReason) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "برای لغو نشست، دلیل لغو را بنویسید.", {
      field: "cancellationReason",
    });
  }
  meeting.status = input.status;
}

/** Replaces the attendance list, keeping the rows (and their ids) of NGOs that stay on it. */
async function replaceAttendees(em: EntityManager, meetingId: string, attendees: AttendeeInput[]): Promise<void> {
  const existing = await em.find(MeetingAttendance, { where: { meetingId } });
  const wanted = new Map(
    attendees.map((a) => [a.ngoId, a.representativeName ? tidyDisplayText(a.representativeName) : null]),
  );
  const gone = existing.filter((row) => !wanted.has(row.ngoId));
  if (gone.length)
    await em.delete(
      MeetingAttendance,
      gone.map((row) => row.id),
    );
  const renamed = existing.filter((row) => wanted.has(row.ngoId) && wanted.get(row.ngoId) !== row.representativeName);
  if (renamed.length) {
    // One statement for every kept row whose representative changed.
    await em.query(
      `UPDATE meeting_attendance a SET representative_name = x.name FROM unnest($1::uuid[], $2::text[]) AS x(id, name) WHERE a.id = x.id`,
      [renamed.map((row) => row.id), renamed.map((row) => wanted.get(row.ngoId) ?? null)],
    );
  }
  const present = new Set(existing.map((row) => row.ngoId));
  const added = attendees.filter((a) => !present.has(a.ngoId));
  if (added.length)
    await em.insert(
      MeetingAttendance,
      added.map((a) => ({ meetingId, ngoId: a.ngoId, representativeName: wanted.get(a.ngoId) ?? null })),
    );
}

async function replaceOfficials(
  em: EntityManager,
  meetingId: string,
  officials: MeetingOfficialInput[],
): Promise<void> {
  await em.delete(MeetingOfficial, { meetingId });
  if (officials.length === 0) return;
  await em.insert(
    MeetingOfficial,
    officials.map((o) => ({
      meetingId,
      managerId: o.managerId,
      agencyId: o.agencyId || null,
      role: tidyDisplayText(o.role),
    })),
  );
}
