import {
  AppError,
  assertCanWrite,
  canRead,
  recordChange,
  requireUser,
  ConstraintMessages,
  ErrorCode,
  isUuid,
  normalizePersian,
  notFound,
  RequestContext,
  tidyDisplayText,
  Validator,
  isCountyCode,
  isProvinceCode,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { canTransition, MEETING_MACHINE } from "../rules/transitions";
import { AgendaItem } from "../entities/AgendaItem";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { MeetingOfficial } from "../entities/MeetingOfficial";
import { WorkingGroup } from "../entities/WorkingGroup";
import { checkUuid, trimOrNull } from "./common";
import { AttendeeInput, MeetingCreateInput, MeetingOfficialInput, MeetingUpdateInput } from "./meetingInputs";

export const MEETING_SORTABLE = {
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
export const MEETING_TIME = "coalesce(meeting.heldAt, meeting.scheduledAt)";

/**
 * SQL of "held, with at least one NGO present" on alias `meeting` (query-builder paths): the maintained count of the
 * meeting's attendance rows (migration 1767340000010), the same meaning as a row existing, without the probe.
 */
export const HELD_WITH_NGOS = "(meeting.status = 'HELD' AND meeting.attendance_count > 0)";

/** The meeting with its attendance and officials, as the audit log records it. */
export async function meetingSnapshot(em: EntityManager, meeting: Meeting) {
  const attendees = (
    await em.find(MeetingAttendance, { where: { meetingId: meeting.id }, order: { ngoId: "ASC" } })
  ).map((a) => ({ id: a.id, ngoId: a.ngoId, representativeName: a.representativeName }));
  const officials = (
    await em.find(MeetingOfficial, { where: { meetingId: meeting.id }, order: { managerId: "ASC" } })
  ).map((o) => ({ managerId: o.managerId, agencyId: o.agencyId, role: o.role }));
  const agendaItems = await em.count(AgendaItem, { where: { meetingId: meeting.id } });
  return { ...meeting, attendance: undefined, attendees, officials, agendaItems };
}

/** Validates and applies a create or update input (pure: throws BAD_USER_INPUT or INVALID_TRANSITION); `now` judges "held in the future". */
export function applyMeetingInput(
  meeting: Meeting,
  input: MeetingCreateInput | MeetingUpdateInput,
  now: Date = new Date(),
): void {
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
  if ("status" in input) applyStatusChange(meeting, input, now);
}

/** A session's working group must exist in the user's territory and in the meeting's province (and county, for a county group). */
export async function checkWorkingGroup(em: EntityManager, ctx: RequestContext, meeting: Meeting): Promise<void> {
  if (!meeting.workingGroupId) return;
  const group = await em.findOne(WorkingGroup, { where: { id: meeting.workingGroupId } });
  if (!group || !canRead(requireUser(ctx), group)) throw notFound("کارگروه", meeting.workingGroupId);
  if (group.provinceId !== meeting.provinceId || (group.countyId !== null && group.countyId !== meeting.countyId)) {
    const message = "جلسه کارگروه باید در همان استان (و شهرستانِ) کارگروه باشد.";
    throw new AppError(ErrorCode.BAD_USER_INPUT, message, { fields: [{ field: "workingGroupId", message }] });
  }
}

function applyStatusChange(meeting: Meeting, input: MeetingUpdateInput, now: Date): void {
  if (input.minutes !== undefined) meeting.minutes = input.minutes?.trim() || null;
  if (input.heldAt !== undefined) meeting.heldAt = input.heldAt;
  if (input.cancellationReason !== undefined) meeting.cancellationReason = input.cancellationReason?.trim() || null;
  if (!input.status || input.status === meeting.status) return;
  if (!canTransition(MEETING_MACHINE, meeting.status, input.status)) {
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
  if (input.status === MeetingStatus.HELD && meeting.heldAt && meeting.heldAt.getTime() > now.getTime()) {
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
export async function replaceAttendees(
  em: EntityManager,
  meetingId: string,
  attendees: AttendeeInput[],
): Promise<void> {
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

export async function replaceOfficials(
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

/**
 * Creates one planned meeting from a create input (checked, territory asserted, attendance and officials saved,
 * audited) — for `createMeeting` and each meeting of a quarterly series.
 */
export async function insertMeeting(
  em: EntityManager,
  ctx: RequestContext,
  input: MeetingCreateInput,
  series: { scheduledAt: Date; seriesId: string } | null = null,
): Promise<Meeting> {
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
    seriesId: series?.seriesId ?? null,
  });
  applyMeetingInput(meeting, series ? { ...input, scheduledAt: series.scheduledAt } : input);
  assertCanWrite(requireUser(ctx), meeting);
  await checkWorkingGroup(em, ctx, meeting);
  const saved = await em.save(meeting);
  if (input.attendees) await replaceAttendees(em, saved.id, input.attendees);
  if (input.officials) await replaceOfficials(em, saved.id, input.officials);
  await recordChange(em, ctx, series ? "scheduleQuarterlyMeetings" : "createMeeting", "Meeting", {
    before: null,
    after: await meetingSnapshot(em, saved),
  });
  return saved;
}
