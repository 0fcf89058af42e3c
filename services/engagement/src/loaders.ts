import { byKeys, groupByKeys, RequestContext, requireUser, TerritoryColumns, uuidKeyedLoader, whereInTerritory } from "@hamafza/common";
import { In } from "typeorm";
import { Meeting } from "./entities/Meeting";
import { MeetingAttendance } from "./entities/MeetingAttendance";

export const MEETING_TERRITORY: TerritoryColumns = { province: "meeting.provinceId", county: "meeting.countyId" };

/** Meetings by id, limited in SQL to the user's territory (outside it: null, as if absent). */
export const meetingById = (ctx: RequestContext) =>
  uuidKeyedLoader<Meeting | null>(
    ctx,
    "meetingById",
    async (ids) => {
      const query = ctx.db.getRepository(Meeting).createQueryBuilder("meeting").where("meeting.id IN (:...ids)", { ids });
      return byKeys(ids, await whereInTerritory(query, requireUser(ctx), MEETING_TERRITORY).getMany(), (m) => m.id);
    },
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

/** Meetings (of the user's territory) attended by many NGOs in one statement, newest first. */
export const meetingsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Meeting[]>(
    ctx,
    "meetingsByNgo",
    async (ngoIds) => {
      const query = ctx.db
        .getRepository(MeetingAttendance)
        .createQueryBuilder("attendance")
        .innerJoinAndSelect("attendance.meeting", "meeting")
        .where("attendance.ngoId IN (:...ngoIds)", { ngoIds })
        .orderBy("meeting.scheduledAt", "DESC");
      const attendance = await whereInTerritory(query, requireUser(ctx), MEETING_TERRITORY).getMany();
      return groupByKeys(ngoIds, attendance, (a) => a.ngoId).map((group) => group.map((a) => a.meeting));
    },
    [],
  );
