import { byKeys, groupByKeys, RequestContext } from "@hamafza/common";
import { In } from "typeorm";
import { Meeting } from "./entities/Meeting";
import { MeetingAttendance } from "./entities/MeetingAttendance";

export const meetingById = (ctx: RequestContext) =>
  ctx.loaders.get<string, Meeting | null>("meetingById", async (ids) =>
    byKeys(ids, await ctx.db.getRepository(Meeting).findBy({ id: In([...ids]) }), (m) => m.id),
  );

/** Attendance rows of many meetings in one statement. */
export const attendanceByMeeting = (ctx: RequestContext) =>
  ctx.loaders.get<string, MeetingAttendance[]>("attendanceByMeeting", async (meetingIds) =>
    groupByKeys(meetingIds, await ctx.db.getRepository(MeetingAttendance).findBy({ meetingId: In([...meetingIds]) }), (a) => a.meetingId),
  );

/** Meetings attended by many NGOs in one statement, newest first. */
export const meetingsByNgo = (ctx: RequestContext) =>
  ctx.loaders.get<string, Meeting[]>("meetingsByNgo", async (ngoIds) => {
    const attendance = await ctx.db.getRepository(MeetingAttendance).find({
      where: { ngoId: In([...ngoIds]) },
      relations: { meeting: true },
      order: { meeting: { scheduledAt: "DESC" } },
    });
    return groupByKeys(ngoIds, attendance, (a) => a.ngoId).map((group) => group.map((a) => a.meeting));
  });
