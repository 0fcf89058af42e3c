import {
  assertCanWrite,
  canRead,
  ConstraintMessages,
  isUuid,
  normalizePersian,
  notFound,
  RequestContext,
  requireUser,
  tidyDisplayText,
  Validator,
  whereInTerritory,
  claimForWrite,
} from "@hamafza/common";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { assertTransition, RESOLUTION_MACHINE } from "../rules/transitions";
import { Meeting } from "../entities/Meeting";
import { Resolution, ResolutionFollowUpStatus, ResolutionStatus, ResolutionUpdate } from "../entities/Resolution";
import { resolutionScopeOf } from "../loaders";
import { jalaliYearOf, PeriodLocks } from "../locks";
import { isSupportedJalaliYear, jalaliYearRange } from "@hamafza/common";
import { tehranToday } from "../util/time";
import { actorName, checkUuid, oneUuid, whereListBasics } from "./common";
import { ResolutionCreateInput, ResolutionFilter, ResolutionUpdateInput } from "./resolutionInputs";

export const RESOLUTION_SORTABLE = {
  deadline: "resolution.deadline",
  status: "resolution.status",
  createdAt: "resolution.createdAt",
  completedOn: "resolution.completedOn",
  text: "resolution.textNormalized",
};

export const RESOLUTION_CONSTRAINTS: ConstraintMessages = {
  resolution_owner_check: "برای مصوبه، دستگاه یا مدیر مسئول را مشخص کنید.",
  resolution_done_check: "روز انجام مصوبه را وارد کنید.",
};

/** SQL of "overdue" on alias `resolution` with the parameter `today`. */
export const OVERDUE_SQL =
  "(resolution.status IN ('OPEN', 'IN_PROGRESS') AND resolution.deadline < CAST(:today AS date))";

/** The filtered query of `resolutions` and `overdueResolutions`, limited to the user's territory. */
export function resolutionQuery(
  ctx: RequestContext,
  filter: ResolutionFilter | undefined,
): SelectQueryBuilder<Resolution> {
  const query = whereInTerritory(
    ctx.db.getRepository(Resolution).createQueryBuilder("resolution"),
    requireUser(ctx),
    resolutionScopeOf("resolution"),
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

/** The locked year that freezes a resolution's content: its meeting's (held, locked) or its deadline's; null if none. */
export function lockedYearOf(locks: PeriodLocks, resolution: Resolution, meeting: Meeting | null): number | null {
  if (meeting && locks.meetingLocked(meeting)) return jalaliYearOf(meeting.heldAt!);
  if (resolution.deadline && locks.isLocked(jalaliYearOf(resolution.deadline), resolution.provinceId))
    return jalaliYearOf(resolution.deadline);
  return null;
}

export const statusNote = (status: ResolutionStatus, reason: string | null | undefined) =>
  ({ OPEN: "بازگشایی", IN_PROGRESS: "شروع اجرا", DONE: "انجام شد", CANCELLED: `لغو شد${reason ? `: ${reason}` : ""}` })[
    status
  ];

/** Applies a status change with its checks and records it as a dated update. */
export async function changeStatus(
  em: EntityManager,
  ctx: RequestContext,
  locks: PeriodLocks,
  resolution: Resolution,
  to: ResolutionStatus,
  change: { reportedOn: string; note: string; cancellationReason?: string | null },
): Promise<void> {
  const from = resolution.status;
  assertTransition(RESOLUTION_MACHINE, from, to);
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

export async function findResolutionForUpdate(
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

export function applyResolutionInput(
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
