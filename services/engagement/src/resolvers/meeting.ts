import { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  OFFICERS,
  requireUser,
  Role,
  whereInTerritory,
  DateScalar,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  jalaliQuarterRange,
  isSupportedJalaliYear,
  jalaliYearBounds,
  PageArgs,
  paginate,
  RequestContext,
  SortOrder,
  Validator,
  checkReferences,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  idempotentCreate,
  updateRecord,
  deleteRecord,
  Writable,
  selectsOnly,
} from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { meetingReferences } from "../rules/references";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand } from "../entities/Demand";
import { Meeting, MeetingLevel, MeetingStatus } from "../entities/Meeting";
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
  MEETING_SCOPE,
  meetingById,
  meetingIdsByNgo,
  meetingsByNgo,
  officialsByMeeting,
  proposalsByMeeting,
  resolutionsByMeeting,
  workingGroupById,
} from "../loaders";
import { periodLocksForRead, PeriodLocks } from "../locks";
import { tehranDay } from "../util/time";
import { oneUuid, whereListBasics } from "./common";
import { representativeSeesRecord } from "./meetingReplyRules";
import { MeetingCreateInput, MeetingFilter, MeetingPage, MeetingUpdateInput } from "./meetingInputs";
import {
  HELD_WITH_NGOS,
  MEETING_CONSTRAINTS,
  MEETING_SORTABLE,
  MEETING_TIME,
  applyMeetingInput,
  checkWorkingGroup,
  insertMeeting,
  meetingSnapshot,
  replaceAttendees,
  replaceOfficials,
} from "./meetingRules";
export {
  MeetingPage,
  MeetingFilter,
  AttendeeInput,
  MeetingOfficialInput,
  MeetingCreateInput,
  MeetingUpdateInput,
} from "./meetingInputs";
export { MEETING_CONSTRAINTS, HELD_WITH_NGOS } from "./meetingRules";

/** The write outline of meetings: audited with their attendance, officials and agenda count. */
const MEETINGS: Writable<Meeting> = {
  entity: Meeting,
  typeName: "Meeting",
  label: "نشست",
  constraints: MEETING_CONSTRAINTS,
  audit: meetingSnapshot,
};

@Resolver(() => Meeting)
export class MeetingResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => MeetingPage, {
    description: `Meetings of the user's territory (an NGO representative: those its NGO was invited to or attended), newest first by default. Sortable by ${Object.keys(
      MEETING_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async meetings(
    @Ctx() ctx: RequestContext,
    @FilterArg(MeetingFilter) filter: MeetingFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<MeetingPage> {
    return paginate(meetingListQuery(ctx, filter), page, MEETING_SORTABLE, {
      field: "scheduledAt",
      order: SortOrder.DESC,
    });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE)
  @Query(() => Meeting, {
    nullable: true,
    description:
      "One meeting by id; empty when outside the user's territory (an NGO representative: unless its NGO was invited or attended).",
  })
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
        () => insertMeeting(em, ctx, input),
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
    return updateRecord(
      ctx,
      MEETINGS,
      { id, expectedVersion },
      {
        prepare: (em) => PeriodLocks.forWrite(em),
        change: async (em, meeting, { prepared: locks }) => {
          locks.assertMeetingOpen(meeting);
          applyMeetingInput(meeting, input);
          locks.assertMeetingOpen(meeting, "ثبت برگزاری این نشست");
          if (input.workingGroupId !== undefined || input.kind !== undefined) await checkWorkingGroup(em, ctx, meeting);
        },
        afterSave: async (em, saved) => {
          if (input.attendees) await replaceAttendees(em, saved.id, input.attendees);
          if (input.officials) await replaceOfficials(em, saved.id, input.officials);
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, {
    description:
      "Delete a meeting entered by mistake (with its attendance and agenda); returns it as it was. Cancel real meetings instead. Refused for a meeting with resolutions, demands or proposals, and for a held meeting of a locked year.",
  })
  deleteMeeting(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Meeting> {
    return deleteRecord(ctx, MEETINGS, id, {
      prepare: (em) => PeriodLocks.forWrite(em),
      guard: (_em, meeting, locks) => locks.assertMeetingOpen(meeting),
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

  @FieldResolver(() => [AgendaItem], {
    description: "Agenda items in order (an NGO representative: once the meeting is held).",
  })
  async agendaItems(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return hidesRecord(ctx, meeting) ? [] : agendaByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => [Resolution], {
    description: "Resolutions adopted at the meeting (an NGO representative: once the meeting is held).",
  })
  async resolutions(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Resolution[]> {
    return hidesRecord(ctx, meeting) ? [] : resolutionsByMeeting(ctx).load(meeting.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Minutes (صورتجلسه), free text (an NGO representative: once the meeting is held).",
  })
  minutes(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): string | null {
    return hidesRecord(ctx, meeting) ? null : meeting.minutes;
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
  meetingDate(@Root() attendance: MeetingAttendance, @Ctx() ctx: RequestContext): string | Promise<string> {
    // Attendance rows are only reached through their (visible) meeting, so the meeting is there. Answered without a
    // promise when the row came with its meeting (`Meeting.attendance`): a promise per row makes graphql-js wait on
    // each row's fields as a whole (S3: 139 rows per page).
    const meeting = attendance.meeting;
    if (meeting) return tehranDay(meeting.heldAt ?? meeting.scheduledAt);
    return meetingById(ctx)
      .load(attendance.meetingId)
      .then((loaded) => tehranDay(loaded!.heldAt ?? loaded!.scheduledAt));
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
    description:
      "Meetings the NGO attended, newest first (engagement service). To count them, ask `meetingsAttended { totalCount }` (counted, none read).",
  })
  meetings(
    @Root() ngo: Ngo,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Pick<Meeting, "id">[]> {
    // Only the ids asked: read the ids alone, in the same order and territory.
    return selectsOnly(info, ["id"]) ? meetingIdsByNgo(ctx).load(ngo.id) : meetingsByNgo(ctx).load(ngo.id);
  }
}

/**
 * Whether the meeting's record (minutes, agenda, resolutions) is hidden from the user: from an NGO representative
 * until the meeting is held (its NGO is then on the held meeting's list: it attended).
 */
function hidesRecord(ctx: RequestContext, meeting: Meeting): boolean {
  return requireUser(ctx).role === Role.NGO_REPRESENTATIVE && !representativeSeesRecord(meeting.status);
}

/** The `meetings` list query (territory and filter applied); nested lists (`County.meetings`) page the same query. */
export function meetingListQuery(ctx: RequestContext, filter: MeetingFilter | undefined): SelectQueryBuilder<Meeting> {
  const query = whereInTerritory(
    ctx.db.getRepository(Meeting).createQueryBuilder("meeting"),
    requireUser(ctx),
    MEETING_SCOPE,
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
    query.andWhere(filter.level === MeetingLevel.COUNTY ? "meeting.countyId IS NOT NULL" : "meeting.countyId IS NULL");
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
  return query;
}
