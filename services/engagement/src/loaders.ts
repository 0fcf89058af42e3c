import { byKeys, groupByKeys, RequestContext, uuidKeyedLoader } from "@hamafza/common";
import { In } from "typeorm";
import { Meeting } from "./entities/Meeting";
import { MeetingAttendance } from "./entities/MeetingAttendance";

export const meetingById = (ctx: RequestContext) =>
  uuidKeyedLoader<Meeting | null>(
    ctx,
    "meetingById",
    async (ids) => byKeys(ids, await ctx.db.getRepository(Meeting).findBy({ id: In(ids) }), (m) => m.id),
    null,
  );

/** Attendance rows of many meetings in one statement. */
export const attendanceByMeeting = (ctx: RequestContext) =>
  uuidKeyedLoader<MeetingAttendance[]>(
    ctx,
    "attendanceByMeeting",
    async (ids) => groupByKeys(ids, await ctx.db.getRepository(MeetingAttendance).findBy({ meetingId: In(ids) }), (a) => a.meetingId),
    [],
  );

/** Meetings attended by many NGOs in one statement, newest first. */
export const meetingsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Meeting[]>(
    ctx,
    "meetingsByNgo",
    async (ngoIds) => {
      const attendance = await ctx.db.getRepository(MeetingAttendance).find({
        where: { ngoId: In(ngoIds) },
        relations: { meeting: true },
        order: { meeting: { scheduledAt: "DESC" } },
      });
      return groupByKeys(ngoIds, attendance, (a) => a.ngoId).map((group) => group.map((a) => a.meeting));
    },
    [],
  );
