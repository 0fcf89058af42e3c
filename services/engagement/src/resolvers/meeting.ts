import { Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
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
  containsPattern,
  ErrorCode,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { County, Manager, Ngo } from "../entities/references";
import { attendanceByMeeting, MEETING_TERRITORY, meetingById, meetingsByNgo } from "../loaders";

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

  @Field(() => MeetingStatus, { nullable: true, description: "Only meetings in this status." })
  status?: MeetingStatus;

  @Field(() => MeetingKind, { nullable: true, description: "Only meetings of this kind." })
  kind?: MeetingKind;
}

@InputType({ description: "An NGO attending a meeting." })
export class AttendeeInput {
  @Field(() => ID, { description: "The NGO's id (registry)." })
  ngoId!: string;

  @Field(() => String, { nullable: true, description: "Name of the NGO's representative at the meeting." })
  representativeName?: string | null;
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

  @Field({ description: "Scheduled start (an instant; the dashboard sends Tehran time converted to UTC)." })
  scheduledAt!: Date;

  @Field(() => [AttendeeInput], { nullable: true, description: "NGOs attending; replaces the whole list when given." })
  attendees?: AttendeeInput[];
}

@InputType({ description: "Changes to a meeting; omitted fields keep their value." })
export class MeetingUpdateInput {
  @Field({ nullable: true, description: "Title." })
  title?: string;

  @Field(() => MeetingKind, { nullable: true, description: "Kind of meeting." })
  kind?: MeetingKind;

  @Field(() => ID, { nullable: true, description: "Id of the chairing manager." })
  chairId?: string | null;

  @Field({ nullable: true, description: "Scheduled start." })
  scheduledAt?: Date;

  @Field(() => MeetingStatus, { nullable: true, description: "New status: HELD needs `heldAt`, CANCELLED needs `cancellationReason`." })
  status?: MeetingStatus;

  @Field(() => Date, { nullable: true, description: "When the meeting was held." })
  heldAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled." })
  cancellationReason?: string | null;

  @Field(() => String, { nullable: true, description: "Minutes." })
  minutes?: string | null;

  @Field(() => [AttendeeInput], { nullable: true, description: "NGOs attending; replaces the whole list when given." })
  attendees?: AttendeeInput[];
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

@Resolver(() => Meeting)
export class MeetingResolver {
  @Allow(ALL_ROLES)
  @Query(() => MeetingPage, { description: `Meetings of the user's territory, newest first by default. Sortable by ${Object.keys(MEETING_SORTABLE).map((f) => `\`${f}\``).join(", ")}.` })
  async meetings(@Ctx() ctx: RequestContext, @FilterArg(MeetingFilter) filter: MeetingFilter | undefined, @Args(() => PageArgs) page: PageArgs): Promise<MeetingPage> {
    const query = whereInTerritory(ctx.db.getRepository(Meeting).createQueryBuilder("meeting"), requireUser(ctx), MEETING_TERRITORY);
    if (filter?.ids) query.andWhere("meeting.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.provinceId) query.andWhere("meeting.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("meeting.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.chairId) query.andWhere("meeting.chairId = :chairId", { chairId: uuidsForFilter([filter.chairId])[0] });
    if (filter?.status) query.andWhere("meeting.status = :status", { status: filter.status });
    if (filter?.kind) query.andWhere("meeting.kind = :kind", { kind: filter.kind });
    if (filter?.q) query.andWhere("meeting.titleNormalized LIKE :q", { q: containsPattern(filter.q) });
    if (filter?.ngoId) {
      query.andWhere("EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = meeting.id AND a.ngo_id = :ngoId)", {
        ngoId: uuidsForFilter([filter.ngoId])[0],
      });
    }
    return paginate(query, page, MEETING_SORTABLE, { field: "scheduledAt", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Meeting, { nullable: true, description: "One meeting by id; empty when outside the user's territory." })
  meeting(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Meeting | null> {
    return meetingById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, { description: "Schedule a meeting in the user's territory." })
  createMeeting(@Ctx() ctx: RequestContext, @InputArg(MeetingCreateInput) input: MeetingCreateInput): Promise<Meeting> {
    return inTransaction(ctx.db, {}, async (em) => {
      const meeting = em.create(Meeting, { status: MeetingStatus.PLANNED, heldAt: null, cancellationReason: null, minutes: null });
      applyMeetingInput(meeting, input);
      assertCanWrite(requireUser(ctx), meeting);
      const saved = await em.save(meeting);
      if (input.attendees) await replaceAttendees(em, saved.id, input.attendees);
      await recordChange(em, ctx, "createMeeting", "Meeting", { before: null, after: { ...saved, attendees: input.attendees ?? [] } });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, { description: "Change a meeting of the user's territory: details, attendance, or status (held / cancelled)." })
  updateMeeting(@Ctx() ctx: RequestContext, @IdArg() id: string, @InputArg(MeetingUpdateInput) input: MeetingUpdateInput): Promise<Meeting> {
    return inTransaction(ctx.db, {}, async (em) => {
      const meeting = await findForUpdate(em, ctx, id);
      const before = { ...meeting, attendees: await attendeesOf(em, id) };
      applyMeetingInput(meeting, input);
      const saved = await em.save(meeting);
      if (input.attendees) await replaceAttendees(em, saved.id, input.attendees);
      await recordChange(em, ctx, "updateMeeting", "Meeting", { before, after: { ...saved, attendees: await attendeesOf(em, id) } });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Meeting, { description: "Delete a meeting entered by mistake; returns it as it was. Cancel real meetings instead." })
  deleteMeeting(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Meeting> {
    return inTransaction(ctx.db, {}, async (em) => {
      const meeting = await findForUpdate(em, ctx, id);
      const before = { ...meeting, attendees: await attendeesOf(em, id) };
      await em.delete(Meeting, { id });
      await recordChange(em, ctx, "deleteMeeting", "Meeting", { before, after: null });
      return Object.assign(new Meeting(), meeting, { id });
    });
  }

  @FieldResolver(() => [ID], { description: "Ids of the NGOs that attended." })
  async ngoIds(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).map((a) => a.ngoId);
  }

  @FieldResolver(() => [Ngo], { nullable: "items", description: "The NGOs that attended; an NGO outside the user's territory appears as null (its id is in `ngoIds`)." })
  async ngos(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).map((a) => ({ id: a.ngoId }));
  }

  @FieldResolver(() => Int, { description: "How many NGOs attended." })
  async ngoCount(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<number> {
    return (await attendanceByMeeting(ctx).load(meeting.id)).length;
  }

  @FieldResolver(() => County, { nullable: true, description: "The county of a county-level meeting." })
  county(@Root() meeting: Meeting): County | null {
    return meeting.countyId ? { id: meeting.countyId } : null;
  }

  @FieldResolver(() => Manager, { nullable: true, description: "The chairing manager." })
  chair(@Root() meeting: Meeting): Manager | null {
    return meeting.chairId ? { id: meeting.chairId } : null;
  }
}

@Resolver(() => Ngo)
export class NgoEngagementResolver {
  @FieldResolver(() => [Meeting], { nullable: true, description: "Meetings the NGO attended, newest first (engagement service)." })
  meetings(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return meetingsByNgo(ctx).load(ngo.id);
  }
}

/** The meeting, locked for the transaction; outside the user's territory "not found", outside its write scope forbidden. */
async function findForUpdate(em: EntityManager, ctx: RequestContext, id: string): Promise<Meeting> {
  const user = requireUser(ctx);
  const meeting = isUuid(id) ? await em.findOne(Meeting, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!meeting || !canRead(user, meeting)) throw notFound("نشست", id);
  assertCanWrite(user, meeting);
  return meeting;
}

async function attendeesOf(em: EntityManager, meetingId: string) {
  const rows = await em.find(MeetingAttendance, { where: { meetingId }, order: { ngoId: "ASC" } });
  return rows.map((a) => ({ ngoId: a.ngoId, representativeName: a.representativeName }));
}

const PROVINCE_CODE = /^\d{2}$/;
const COUNTY_CODE = /^\d{4}$/;

function applyMeetingInput(meeting: Meeting, input: MeetingCreateInput | MeetingUpdateInput): void {
  const v = new Validator();
  if (input.title !== undefined) v.text(input.title, "title", "عنوان نشست", { min: 3, max: 300 });
  if ("provinceId" in input) v.check(PROVINCE_CODE.test(input.provinceId), "provinceId", "کد استان باید دو رقم باشد.");
  if ("countyId" in input && input.countyId) {
    v.check(COUNTY_CODE.test(input.countyId) && input.countyId.startsWith(input.provinceId), "countyId", "شهرستان باید از همان استانِ نشست باشد.");
  }
  if (input.chairId) v.check(isUuid(input.chairId), "chairId", "شناسه رئیس جلسه معتبر نیست.");
  if (input.attendees) {
    v.check(input.attendees.every((a) => isUuid(a.ngoId)), "attendees", "شناسه یکی از سمن‌های حاضر معتبر نیست.");
    v.check(new Set(input.attendees.map((a) => a.ngoId)).size === input.attendees.length, "attendees", "یک سمن دو بار در فهرست حاضران آمده است.");
  }
  v.done();

  if (input.title !== undefined) {
    meeting.title = tidyDisplayText(input.title);
    meeting.titleNormalized = normalizePersian(input.title);
  }
  if (input.kind) meeting.kind = input.kind;
  if ("provinceId" in input) meeting.provinceId = input.provinceId;
  if ("countyId" in input && input.countyId !== undefined) meeting.countyId = input.countyId || null;
  if (input.chairId !== undefined) meeting.chairId = input.chairId || null;
  if (input.scheduledAt) meeting.scheduledAt = input.scheduledAt;
  if ("status" in input) applyStatusChange(meeting, input);
}

function applyStatusChange(meeting: Meeting, input: MeetingUpdateInput): void {
  if (input.minutes !== undefined) meeting.minutes = input.minutes?.trim() || null;
  if (input.heldAt !== undefined) meeting.heldAt = input.heldAt;
  if (input.cancellationReason !== undefined) meeting.cancellationReason = input.cancellationReason?.trim() || null;
  if (!input.status || input.status === meeting.status) return;
  if (meeting.status !== MeetingStatus.PLANNED) {
    throw new AppError(ErrorCode.INVALID_TRANSITION, "فقط وضعیت نشستِ برنامه‌ریزی‌شده را می‌توان به برگزارشده یا لغوشده تغییر داد.", {
      from: meeting.status,
      to: input.status,
    });
  }
  if (input.status === MeetingStatus.HELD && !meeting.heldAt) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "برای ثبت برگزاری، زمان برگزاری (heldAt) را وارد کنید.", { field: "heldAt" });
  }
  if (input.status === MeetingStatus.HELD && meeting.heldAt && meeting.heldAt.getTime() > Date.now()) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "زمان برگزاری نمی‌تواند در آینده باشد.", { field: "heldAt" });
  }
  if (input.status === MeetingStatus.CANCELLED && !meeting.cancellationReason) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "برای لغو نشست، دلیل لغو را بنویسید.", { field: "cancellationReason" });
  }
  meeting.status = input.status;
}

async function replaceAttendees(em: EntityManager, meetingId: string, attendees: AttendeeInput[]): Promise<void> {
  await em.delete(MeetingAttendance, { meetingId });
  if (attendees.length === 0) return;
  await em.insert(
    MeetingAttendance,
    attendees.map((a) => ({ meetingId, ngoId: a.ngoId, representativeName: a.representativeName ? tidyDisplayText(a.representativeName) : null })),
  );
}
