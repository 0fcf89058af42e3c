import {
  byKeys,
  canRead,
  groupByKeys,
  isBoundRole,
  ReferenceTableCache,
  RequestContext,
  requireUser,
  TerritoryColumns,
  uuidKeyedLoader,
  whereInTerritory,
} from "@hamafza/common";
import { EntityTarget, In, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { AgendaItem } from "./entities/AgendaItem";
import { Demand } from "./entities/Demand";
import { Meeting } from "./entities/Meeting";
import { MeetingAttendance } from "./entities/MeetingAttendance";
import { MeetingOfficial } from "./entities/MeetingOfficial";
import { Project, ProjectPartner, ProjectUpdate } from "./entities/Project";
import { Proposal } from "./entities/Proposal";
import { Resolution, ResolutionUpdate } from "./entities/Resolution";
import { SocialHarm } from "./entities/SocialHarm";
import { DemandTopic } from "./entities/DemandTopic";
import { GoverningBody } from "./entities/GoverningBody";
import { WorkingGroup, WorkingGroupMember } from "./entities/WorkingGroup";

export const MEETING_TERRITORY: TerritoryColumns = { province: "meeting.provinceId", county: "meeting.countyId" };
/**
 * The meetings a user may read: the territory's, and for an NGO representative those its NGO is on the attendance
 * list of (invited or attended). Nested lists under a meeting (its attendance, agenda, resolutions) keep
 * MEETING_TERRITORY, so a representative sees the meeting itself, never the other NGOs at it.
 */
export const MEETING_SCOPE: TerritoryColumns = {
  ...MEETING_TERRITORY,
  ngo: "EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = meeting.id AND a.ngo_id = :bound)",
};

/** Territory columns of a table with `province_id` / `county_id`, by query alias. */
export const territoryOf = (alias: string): TerritoryColumns => ({
  province: `${alias}.provinceId`,
  county: `${alias}.countyId`,
});

/**
 * The scope of proposals and demands: the territory, and for invited users the NGO that raised them (an NGO
 * representative follows its own) or the agency they are addressed to (an agency respondent's inbox).
 */
export const requestScopeOf = (alias: string): TerritoryColumns => ({
  ...territoryOf(alias),
  ngo: `${alias}.ngoId`,
  agency: `${alias}.agencyId`,
});

/**
 * A request-scoped loader of rows by id, limited in SQL to the user's territory (outside it: null, as if absent).
 * `join` adds the parent whose territory a child row takes.
 */
function scopedById<T extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  name: string,
  entity: EntityTarget<T>,
  alias: string,
  territory: TerritoryColumns | null,
  join?: (query: SelectQueryBuilder<T>) => void,
) {
  return uuidKeyedLoader<T | null>(
    ctx,
    name,
    async (ids) => {
      const query = ctx.db.getRepository(entity).createQueryBuilder(alias);
      join?.(query);
      query.andWhere(`${alias}.id IN (:...ids)`, { ids });
      if (territory) whereInTerritory(query, requireUser(ctx), territory);
      return byKeys(ids, await query.getMany(), (row) => row.id);
    },
    null,
  );
}

/** A request-scoped one-to-many loader: rows whose `key` column is one of the ids, in the user's territory, ordered. */
function scopedGroups<T extends ObjectLiteral>(
  ctx: RequestContext,
  name: string,
  entity: EntityTarget<T>,
  alias: string,
  key: string,
  territory: TerritoryColumns | null,
  order: [string, "ASC" | "DESC"][],
  where?: (query: SelectQueryBuilder<T>) => void,
) {
  return uuidKeyedLoader<T[]>(
    ctx,
    name,
    async (ids) => {
      const query = ctx.db
        .getRepository(entity)
        .createQueryBuilder(alias)
        .where(`${alias}.${key} IN (:...ids)`, { ids });
      if (territory) whereInTerritory(query, requireUser(ctx), territory);
      where?.(query);
      order.forEach(([column, direction], i) =>
        i === 0 ? query.orderBy(column, direction) : query.addOrderBy(column, direction),
      );
      if (ctx.db.getMetadata(entity).findColumnWithPropertyName("id")) query.addOrderBy(`${alias}.id`, "ASC");
      return groupByKeys(ids, await query.getMany(), (row) => (row as Record<string, string>)[key]);
    },
    [],
  );
}

// Meetings ----------------------------------------------------------------------------------------------------

/** Meetings by id, limited in SQL to the user's territory (outside it: null, as if absent). */
export const meetingById = (ctx: RequestContext) => scopedById(ctx, "meetingById", Meeting, "meeting", MEETING_SCOPE);

/** Attendance rows of many meetings in one statement (the meeting itself was checked by its loader). */
/**
 * The attendance of meetings the user can see (all of it for staff, whose meeting rule covers the rows); an NGO
 * representative gets only its own NGO's row, never the other NGOs at the meeting or their representatives.
 */
export const attendanceByMeeting = (ctx: RequestContext) =>
  uuidKeyedLoader<MeetingAttendance[]>(
    ctx,
    "attendanceByMeeting",
    async (ids) => {
      const user = requireUser(ctx);
      const rows = await ctx.db
        .getRepository(MeetingAttendance)
        .find({ where: { meetingId: In(ids) }, order: { ngoId: "ASC" } });
      const visible = isBoundRole(user.role)
        ? rows.filter((a) => canRead(user, { provinceId: null, countyId: null }, { ngo: a.ngoId }))
        : rows;
      return groupByKeys(ids, visible, (a) => a.meetingId);
    },
    [],
  );

/** Attendance rows by id, with their meeting, in the user's territory (the `_entities` path of `MeetingAttendance`). */
export const attendanceById = (ctx: RequestContext) =>
  scopedById(ctx, "attendanceById", MeetingAttendance, "attendance", MEETING_TERRITORY, (q) =>
    q.innerJoinAndSelect("attendance.meeting", "meeting"),
  );

/** Meetings (of the user's territory) attended by many NGOs in one statement, newest first. */
/**
 * The meetings the NGOs attended in the user's territory, newest first, with the NGO of each attendance row as the raw
 * column `attendance_ngo`: the one query behind `meetingsByNgo` and `meetingIdsByNgo`, so both answer the same rows.
 */
function attendedMeetingsQuery(ctx: RequestContext, ngoIds: string[]) {
  const query = ctx.db
    .getRepository(Meeting)
    .createQueryBuilder("meeting")
    .innerJoin("meeting.attendance", "attendance")
    .addSelect("attendance.ngoId", "attendance_ngo")
    .where("attendance.ngoId IN (:...ngoIds)", { ngoIds })
    .orderBy("meeting.scheduledAt", "DESC");
  return whereInTerritory(query, requireUser(ctx), MEETING_TERRITORY);
}

export const meetingsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Meeting[]>(
    ctx,
    "meetingsByNgo",
    // Meetings only, each once, with the NGO of each attendance row as a raw column: no attendance entity is
    // built per row, and a meeting several NGOs of the page attended is hydrated once (a page of 25 NGOs reads
    // hundreds of rows; TypeORM's hydration was the engagement service's largest cost on the NGO list).
    async (ngoIds) => {
      const { entities, raw } = await attendedMeetingsQuery(ctx, ngoIds).getRawAndEntities<{
        meeting_id: string;
        attendance_ngo: string;
      }>();
      const byId = new Map(entities.map((meeting) => [meeting.id, meeting]));
      const rows = raw.map((row) => ({ ngoId: row.attendance_ngo, meeting: byId.get(row.meeting_id)! }));
      return groupByKeys(ngoIds, rows, (row) => row.ngoId).map((group) => group.map((row) => row.meeting));
    },
    [],
  );

/**
 * The ids alone of the meetings each NGO attended (the same query as `meetingsByNgo`, selecting only the id): what
 * `Ngo.meetings { id }` needs, without hydrating a meeting. (A count is `Ngo.meetingsAttended { totalCount }`, one
 * grouped count: `childPageLoader`.)
 */
export const meetingIdsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<Pick<Meeting, "id">[]>(
    ctx,
    "meetingIdsByNgo",
    async (ngoIds) => {
      const rows = await attendedMeetingsQuery(ctx, ngoIds)
        .select("meeting.id", "meeting_id")
        .addSelect("attendance.ngoId", "attendance_ngo")
        .getRawMany<{ meeting_id: string; attendance_ngo: string }>();
      return groupByKeys(ngoIds, rows, (row) => row.attendance_ngo).map((group) =>
        group.map((row) => ({ id: row.meeting_id })),
      );
    },
    [],
  );

export const officialsByMeeting = (ctx: RequestContext) =>
  scopedGroups(ctx, "officialsByMeeting", MeetingOfficial, "official", "meetingId", null, [["official.role", "ASC"]]);

export const meetingsByChair = (ctx: RequestContext) =>
  scopedGroups(ctx, "meetingsByChair", Meeting, "meeting", "chairId", MEETING_TERRITORY, [
    ["meeting.scheduledAt", "DESC"],
  ]);

export const meetingsByAgency = (ctx: RequestContext) =>
  scopedGroups(ctx, "meetingsByAgency", Meeting, "meeting", "organisingAgencyId", MEETING_TERRITORY, [
    ["meeting.scheduledAt", "DESC"],
  ]);

export const sessionsByWorkingGroup = (ctx: RequestContext) =>
  scopedGroups(ctx, "sessionsByWorkingGroup", Meeting, "meeting", "workingGroupId", MEETING_TERRITORY, [
    ["meeting.scheduledAt", "ASC"],
  ]);

// Agenda and catalogue ------------------------------------------------------------------------------------------

export const agendaByMeeting = (ctx: RequestContext) =>
  scopedGroups(ctx, "agendaByMeeting", AgendaItem, "item", "meetingId", null, [["item.position", "ASC"]]);

export const agendaItemById = (ctx: RequestContext) =>
  scopedById(ctx, "agendaItemById", AgendaItem, "item", MEETING_TERRITORY, (q) =>
    q.innerJoin(Meeting, "meeting", "meeting.id = item.meetingId"),
  );

/** Social harms: administrators edit the catalogue, so every replica forgets its copy when a write commits. */
export const socialHarmTable = new ReferenceTableCache(SocialHarm, { changeNotices: true });

/** Social harms by id, from the in-memory copy (`socialHarmTable`; reference data: no territory). */
export const socialHarmById = (ctx: RequestContext) =>
  ctx.loaders.get<string, SocialHarm | null>("socialHarmById", (ids) => socialHarmTable.byIds(ctx.db, ids));

/**
 * The demand-category catalogue, held in memory like the social harms: administrators' edits notify every replica
 * (migration 1767320000001).
 */
export const demandTopicTable = new ReferenceTableCache(DemandTopic, { changeNotices: true });

/** Demand categories by id, from the in-memory copy (`demandTopicTable`; reference data: no territory). */
export const demandTopicById = (ctx: RequestContext) =>
  ctx.loaders.get<string, DemandTopic | null>("demandTopicById", (ids) => demandTopicTable.byIds(ctx.db, ids));

// Resolutions ---------------------------------------------------------------------------------------------------

/** A resolution's scope: its meeting's territory; for an agency respondent, the resolutions its agency owns. */
export const resolutionScopeOf = (alias: string): TerritoryColumns => ({
  ...territoryOf(alias),
  agency: `${alias}.ownerAgencyId`,
});

export const resolutionById = (ctx: RequestContext) =>
  scopedById(ctx, "resolutionById", Resolution, "resolution", resolutionScopeOf("resolution"));

export const resolutionsByMeeting = (ctx: RequestContext) =>
  scopedGroups(ctx, "resolutionsByMeeting", Resolution, "resolution", "meetingId", null, [
    ["resolution.createdAt", "ASC"],
  ]);

export const updatesByResolution = (ctx: RequestContext) =>
  scopedGroups(ctx, "updatesByResolution", ResolutionUpdate, "update", "resolutionId", null, [
    ["update.reportedOn", "ASC"],
    ["update.createdAt", "ASC"],
  ]);

export const resolutionsByOwnerManager = (ctx: RequestContext) =>
  scopedGroups(
    ctx,
    "resolutionsByOwnerManager",
    Resolution,
    "resolution",
    "ownerManagerId",
    territoryOf("resolution"),
    [["resolution.deadline", "ASC"]],
  );

export const resolutionsByOwnerAgency = (ctx: RequestContext) =>
  scopedGroups(ctx, "resolutionsByOwnerAgency", Resolution, "resolution", "ownerAgencyId", territoryOf("resolution"), [
    ["resolution.deadline", "ASC"],
  ]);

// Working groups and projects -----------------------------------------------------------------------------------

export const workingGroupById = (ctx: RequestContext) =>
  scopedById(ctx, "workingGroupById", WorkingGroup, "wg", territoryOf("wg"));

export const membersByWorkingGroup = (ctx: RequestContext) =>
  scopedGroups(ctx, "membersByWorkingGroup", WorkingGroupMember, "member", "workingGroupId", null, [
    ["member.kind", "ASC"],
    ["member.joinedOn", "ASC"],
  ]);

export const memberById = (ctx: RequestContext) =>
  scopedById(ctx, "workingGroupMemberById", WorkingGroupMember, "member", territoryOf("wg"), (q) =>
    q.innerJoin(WorkingGroup, "wg", "wg.id = member.workingGroupId"),
  );

/** Working groups (of the user's territory) NGOs are or were members of, in one statement. */
export const workingGroupsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<WorkingGroup[]>(
    ctx,
    "workingGroupsByNgo",
    async (ngoIds) => {
      const query = ctx.db
        .getRepository(WorkingGroup)
        .createQueryBuilder("wg")
        .innerJoin(WorkingGroupMember, "member", "member.workingGroupId = wg.id")
        .addSelect("member.ngoId", "member_ngo_id")
        .where("member.ngoId IN (:...ngoIds)", { ngoIds })
        .orderBy("wg.name", "ASC");
      whereInTerritory(query, requireUser(ctx), territoryOf("wg"));
      const { entities, raw } = await query.getRawAndEntities();
      const byId = new Map(entities.map((e) => [e.id, e]));
      const pairs = raw.map((row: { wg_id: string; member_ngo_id: string }) => ({
        ngoId: row.member_ngo_id,
        group: byId.get(row.wg_id)!,
      }));
      return groupByKeys(ngoIds, pairs, (p) => p.ngoId).map((group) => [
        ...new Map(group.map((p) => [p.group.id, p.group])).values(),
      ]);
    },
    [],
  );

export const governingBodyById = (ctx: RequestContext) =>
  scopedById(ctx, "governingBodyById", GoverningBody, "body", territoryOf("body"));

/** The committees (working groups) of bodies, within the user's territory, by name. */
export const workingGroupsByBody = (ctx: RequestContext) =>
  scopedGroups(ctx, "workingGroupsByBody", WorkingGroup, "wg", "bodyId", territoryOf("wg"), [["wg.name", "ASC"]]);

export const workingGroupsByChairAgency = (ctx: RequestContext) =>
  scopedGroups(ctx, "workingGroupsByChairAgency", WorkingGroup, "wg", "chairAgencyId", territoryOf("wg"), [
    ["wg.name", "ASC"],
  ]);

export const projectById = (ctx: RequestContext) =>
  scopedById(ctx, "projectById", Project, "project", territoryOf("project"));

/** Projects (of the user's territory) made from priority needs of needs assessments (registry ids). */
export const projectsByPriorityNeed = (ctx: RequestContext) =>
  scopedGroups(ctx, "projectsByPriorityNeed", Project, "project", "priorityNeedId", territoryOf("project"), [
    ["project.createdAt", "ASC"],
  ]);

export const projectsByWorkingGroup = (ctx: RequestContext) =>
  scopedGroups(ctx, "projectsByWorkingGroup", Project, "project", "workingGroupId", territoryOf("project"), [
    ["project.startOn", "ASC"],
  ]);

export const partnersByProject = (ctx: RequestContext) =>
  scopedGroups(ctx, "partnersByProject", ProjectPartner, "partner", "projectId", null, [["partner.ngoId", "ASC"]]);

export const updatesByProject = (ctx: RequestContext) =>
  scopedGroups(ctx, "updatesByProject", ProjectUpdate, "update", "projectId", null, [
    ["update.reportedOn", "ASC"],
    ["update.createdAt", "ASC"],
  ]);

// Proposals and demands -----------------------------------------------------------------------------------------

export const proposalById = (ctx: RequestContext) =>
  scopedById(ctx, "proposalById", Proposal, "proposal", requestScopeOf("proposal"));

export const proposalsByNgo = (ctx: RequestContext) =>
  scopedGroups(ctx, "proposalsByNgo", Proposal, "proposal", "ngoId", requestScopeOf("proposal"), [
    ["proposal.submittedOn", "DESC"],
  ]);

export const proposalsByAgency = (ctx: RequestContext) =>
  scopedGroups(ctx, "proposalsByAgency", Proposal, "proposal", "agencyId", requestScopeOf("proposal"), [
    ["proposal.submittedOn", "DESC"],
  ]);

export const proposalsByMeeting = (ctx: RequestContext) =>
  scopedGroups(ctx, "proposalsByMeeting", Proposal, "proposal", "meetingId", requestScopeOf("proposal"), [
    ["proposal.submittedOn", "ASC"],
  ]);

export const demandById = (ctx: RequestContext) =>
  scopedById(ctx, "demandById", Demand, "demand", requestScopeOf("demand"));

export const demandsByNgo = (ctx: RequestContext) =>
  scopedGroups(ctx, "demandsByNgo", Demand, "demand", "ngoId", requestScopeOf("demand"), [["demand.raisedOn", "DESC"]]);

export const demandsByAgency = (ctx: RequestContext) =>
  scopedGroups(ctx, "demandsByAgency", Demand, "demand", "agencyId", requestScopeOf("demand"), [
    ["demand.raisedOn", "DESC"],
  ]);

export const demandsByMeeting = (ctx: RequestContext) =>
  scopedGroups(ctx, "demandsByMeeting", Demand, "demand", "meetingId", requestScopeOf("demand"), [
    ["demand.raisedOn", "ASC"],
  ]);
