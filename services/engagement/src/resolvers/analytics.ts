import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  canRead,
  countiesInScope,
  checkTerritoryArgs,
  ngosInScope,
  ErrorCode,
  isUuid,
  RequestContext,
  requireUser,
  isCountyCode,
  namedQuery,
} from "@hamafza/common";
import { MeetingKind } from "../entities/Meeting";
import { County, Ngo } from "../entities/references";
import { SocialHarm } from "../entities/SocialHarm";
import { socialHarmById } from "../loaders";
import { territorySql } from "../util/sql";
import { jalaliYearRange } from "@hamafza/common";
import { quarterPeriods, tehranToday } from "../util/time";
import {
  AgencyResponseTime,
  EngagementRequestKind,
  MeetingStatisticsRow,
  ResolutionCompletionRate,
  ResolutionOwnerGrouping,
  SocialHarmDiscussion,
  StatisticsLevel,
} from "./analyticsInputs";
import { checkQuarter, checkYears, rate } from "./analyticsRules";
export {
  StatisticsLevel,
  ResolutionOwnerGrouping,
  EngagementRequestKind,
  MeetingStatisticsRow,
  ResolutionCompletionRate,
  SocialHarmDiscussion,
  AgencyResponseTime,
} from "./analyticsInputs";

@Resolver()
export class EngagementAnalyticsResolver {
  @Allow(ALL_ROLES)
  @Query(() => [MeetingStatisticsRow], {
    description:
      "Analysts: meetings per territory, Jalali year and quarter (Tehran clock, held time else scheduled time) and kind, in the user's territory — summed from per-quarter counts kept current on every write. Rows only where there were meetings.",
  })
  async meetingStatistics(
    @Ctx() ctx: RequestContext,
    @Arg("fromYear", () => Int, { description: "First Jalali year." }) fromYear: number,
    @Arg("toYear", () => Int, {
      nullable: true,
      description: "Last Jalali year (at most ten years after `fromYear`); `fromYear` when omitted.",
    })
    toYear: number | undefined,
    @Arg("quarter", () => Int, { nullable: true, description: "Only this quarter." }) quarter: number | undefined,
    @Arg("groupBy", () => StatisticsLevel, {
      defaultValue: StatisticsLevel.COUNTY,
      description: "Group by province or by county.",
    })
    groupBy: StatisticsLevel,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
    @Arg("kind", () => MeetingKind, { nullable: true, description: "Only this kind." }) kind: MeetingKind | undefined,
  ): Promise<MeetingStatisticsRow[]> {
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
    checkYears(fromYear, toYear ?? fromYear);
    checkQuarter(quarter);
    const scope = territorySql(requireUser(ctx), { province: "m.province_id", county: "m.county_id" });
    const county = groupBy === StatisticsLevel.COUNTY ? "m.county_id" : "NULL::varchar";
    // meeting_quarter_count: per-quarter counts kept by triggers (migration 1767340000010).
    const rows = await namedQuery<Record<string, string | number | null>>(
      ctx.readDb,
      `SELECT m.province_id, ${county} AS county_id, m.year, m.quarter, m.kind, sum(m.total) AS total,
              sum(m.planned) AS planned, sum(m.held) AS held, sum(m.cancelled) AS cancelled,
              sum(m.held_with_ngos) AS held_with_ngos
         FROM meeting_quarter_count m
        WHERE m.year BETWEEN :fromYear AND :toYear AND m.total > 0 ${quarter ? "AND m.quarter = :quarter" : ""}
              ${scope.sql} ${provinceId ? "AND m.province_id = :provinceId" : ""} ${countyId ? "AND m.county_id = :countyId" : ""} ${kind ? "AND m.kind = :kind" : ""}
        GROUP BY m.province_id, ${county}, m.year, m.quarter, m.kind
        ORDER BY m.province_id, ${county} NULLS FIRST, m.year, m.quarter, m.kind`,
      { fromYear, toYear: toYear ?? fromYear, quarter, ...scope.params, provinceId, countyId, kind },
    );
    return rows.map((row) => ({
      provinceId: String(row.province_id),
      countyId: (row.county_id as string | null) ?? null,
      county: row.county_id ? { id: String(row.county_id) } : null,
      year: Number(row.year),
      quarter: Number(row.quarter),
      kind: row.kind as MeetingKind,
      total: Number(row.total),
      planned: Number(row.planned),
      held: Number(row.held),
      cancelled: Number(row.cancelled),
      heldWithNgos: Number(row.held_with_ngos),
    }));
  }

  @Allow(ALL_ROLES)
  @Query(() => [County], {
    description:
      "Analysts: the counties where no quarterly problem-centred meeting with at least one NGO present was held in the Jalali quarter — of a province (`provinceId`), of given counties (`countyIds`), of both (the given counties of the province), or, with neither, of the user's whole territory (the county list comes from the registry). Counties outside the user's territory are left out (engagement cannot see their meetings).",
  })
  async countiesWithoutProblemCentredMeeting(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "Jalali year." }) year: number,
    @Arg("quarter", () => Int, { description: "Quarter 1–4." }) quarter: number,
    @Arg("countyIds", () => [ID], {
      nullable: true,
      description:
        "Only these counties (four-digit codes; at most 1000). Omitted: every county of `provinceId`, else of the user's territory.",
    })
    countyIds: string[] | undefined,
    @Arg("provinceId", () => ID, {
      nullable: true,
      description:
        "Only counties of this province (two-digit code, within the user's territory). Omitted: the user's territory.",
    })
    provinceId: string | undefined,
  ): Promise<County[]> {
    checkYears(year, year);
    checkQuarter(quarter);
    if (countyIds && countyIds.length > 1000)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداکثر ۱۰۰۰ شهرستان در هر پرسش.", { field: "countyIds" });
    const user = requireUser(ctx);
    const inProvince = countyIds && !provinceId ? null : new Set(await countiesInScope(ctx, provinceId));
    const visible = [...new Set(countyIds ?? inProvince ?? [])].filter(
      (id) =>
        isCountyCode(id) &&
        canRead(user, { provinceId: id.slice(0, 2), countyId: id }) &&
        (!inProvince || inProvince.has(id)),
    );
    if (visible.length === 0) return [];
    const [period] = quarterPeriods(year).filter((p) => p.quarter === quarter);
    const scope = territorySql(user, { province: "m.province_id", county: "m.county_id" });
    const rows = await namedQuery<{ county_id: string }>(
      ctx.readDb,
      `SELECT DISTINCT m.county_id FROM meeting m
        WHERE m.county_id = ANY(CAST(:ids AS text[])) AND m.status = 'HELD' AND m.kind = 'QUARTERLY_PROBLEM_CENTRED'
          AND m.held_at >= :start AND m.held_at < :end
          AND m.attendance_count > 0 ${scope.sql}`,
      { ids: visible, start: period.start, end: period.end, ...scope.params },
    );
    const held = new Set(rows.map((row) => row.county_id));
    return visible
      .filter((id) => !held.has(id))
      .sort()
      .map((id) => ({ id }));
  }

  @Allow(ALL_ROLES)
  @Query(() => [ResolutionCompletionRate], {
    description:
      "Analysts: resolution completion and on-time rates per owner (agency or manager) in the user's territory, optionally for resolutions due in one Jalali year — one SQL GROUP BY.",
  })
  async resolutionCompletionRates(
    @Ctx() ctx: RequestContext,
    @Arg("groupBy", () => ResolutionOwnerGrouping, {
      defaultValue: ResolutionOwnerGrouping.AGENCY,
      description: "Owner agency or owner manager.",
    })
    groupBy: ResolutionOwnerGrouping,
    @Arg("deadlineYear", () => Int, { nullable: true, description: "Only resolutions due in this Jalali year." })
    deadlineYear: number | undefined,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
  ): Promise<ResolutionCompletionRate[]> {
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
    if (deadlineYear !== undefined) checkYears(deadlineYear, deadlineYear);
    const days = deadlineYear !== undefined ? jalaliYearRange(deadlineYear) : null;
    const owner = groupBy === ResolutionOwnerGrouping.AGENCY ? "r.owner_agency_id" : "r.owner_manager_id";
    const scope = territorySql(requireUser(ctx), { province: "r.province_id", county: "r.county_id" });
    const rows = await namedQuery<Record<string, string | null>>(
      ctx.readDb,
      `SELECT ${owner} AS owner, count(*) AS total,
              count(*) FILTER (WHERE r.status = 'DONE') AS done,
              count(*) FILTER (WHERE r.status = 'DONE' AND r.deadline IS NOT NULL AND r.completed_on <= r.deadline) AS on_time,
              count(*) FILTER (WHERE r.status = 'DONE' AND r.deadline IS NOT NULL AND r.completed_on > r.deadline) AS late,
              count(*) FILTER (WHERE r.status IN ('OPEN', 'IN_PROGRESS') AND r.deadline < CAST(:today AS date)) AS overdue,
              count(*) FILTER (WHERE r.status IN ('OPEN', 'IN_PROGRESS') AND (r.deadline IS NULL OR r.deadline >= CAST(:today AS date))) AS pending,
              count(*) FILTER (WHERE r.status = 'CANCELLED') AS cancelled,
              count(*) FILTER (WHERE r.status <> 'CANCELLED' AND r.deadline IS NOT NULL) AS with_deadline
         FROM resolution r
        WHERE true ${scope.sql} ${days ? "AND r.deadline >= CAST(:start AS date) AND r.deadline < CAST(:end AS date)" : ""}
          ${provinceId ? "AND r.province_id = :provinceId" : ""} ${countyId ? "AND r.county_id = :countyId" : ""}
        GROUP BY ${owner}
        ORDER BY count(*) DESC, ${owner} NULLS LAST`,
      { today: tehranToday(), start: days?.firstDay, end: days?.dayAfter, provinceId, countyId, ...scope.params },
    );
    return rows.map((row) => {
      const n = (key: string) => Number(row[key]);
      const ownerId = row.owner;
      return {
        ownerAgencyId: groupBy === ResolutionOwnerGrouping.AGENCY ? ownerId : null,
        ownerManagerId: groupBy === ResolutionOwnerGrouping.MANAGER ? ownerId : null,
        ownerAgency: groupBy === ResolutionOwnerGrouping.AGENCY && ownerId ? { id: ownerId } : null,
        ownerManager: groupBy === ResolutionOwnerGrouping.MANAGER && ownerId ? { id: ownerId } : null,
        total: n("total"),
        done: n("done"),
        doneOnTime: n("on_time"),
        doneLate: n("late"),
        overdue: n("overdue"),
        pending: n("pending"),
        cancelled: n("cancelled"),
        completionRate: rate(n("done"), n("total") - n("cancelled")),
        onTimeRate: rate(n("on_time"), n("with_deadline")),
      };
    });
  }

  @Allow(ALL_ROLES)
  @Query(() => [SocialHarmDiscussion], {
    description:
      "Analysts: the social harms most discussed at held meetings of the user's territory (agenda items), optionally in one Jalali year or quarter — one SQL GROUP BY.",
  })
  async socialHarmsMostDiscussed(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { nullable: true, description: "Only meetings held in this Jalali year." })
    year: number | undefined,
    @Arg("quarter", () => Int, { nullable: true, description: "With `year`: only this quarter." })
    quarter: number | undefined,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
    @Arg("limit", () => Int, { defaultValue: 20, description: "How many harms (1–100)." }) limit: number,
  ): Promise<SocialHarmDiscussion[]> {
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
    if (year !== undefined) checkYears(year, year);
    checkQuarter(quarter);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "limit باید بین ۱ و ۱۰۰ باشد.", { field: "limit" });
    const period = year !== undefined ? quarterPeriods(year).filter((p) => !quarter || p.quarter === quarter) : null;
    const scope = territorySql(requireUser(ctx), { province: "m.province_id", county: "m.county_id" });
    const rows = await namedQuery<{ social_harm_id: string; items: string; meetings: string; ngos: string }>(
      ctx.readDb,
      `WITH hits AS (
         SELECT i.social_harm_id, i.meeting_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
          WHERE i.social_harm_id IS NOT NULL AND m.status = 'HELD'
            ${period ? "AND m.held_at >= :start AND m.held_at < :end" : ""} ${scope.sql}
            ${provinceId ? "AND m.province_id = :provinceId" : ""} ${countyId ? "AND m.county_id = :countyId" : ""})
       SELECT h.social_harm_id, count(*) AS items, count(DISTINCT h.meeting_id) AS meetings,
              (SELECT count(DISTINCT a.ngo_id) FROM meeting_attendance a
                WHERE a.meeting_id IN (SELECT h2.meeting_id FROM hits h2 WHERE h2.social_harm_id = h.social_harm_id)) AS ngos
         FROM hits h
        GROUP BY h.social_harm_id
        ORDER BY count(DISTINCT h.meeting_id) DESC, count(*) DESC, h.social_harm_id
        LIMIT ${limit}`,
      { start: period?.[0].start, end: period?.[period.length - 1].end, provinceId, countyId, ...scope.params },
    );
    const harms = await socialHarmById(ctx).loadMany(rows.map((row) => row.social_harm_id));
    return rows.map((row, i) => ({
      socialHarm: harms[i] as SocialHarm,
      agendaItems: Number(row.items),
      meetings: Number(row.meetings),
      ngos: Number(row.ngos),
    }));
  }

  @Allow(ALL_ROLES)
  @Query(() => [Ngo], {
    description:
      "Analysts: the NGOs never engaged in the user's territory — no held meeting attended, no proposal, no demand, no working-group membership — optionally within one Jalali year; of a province or county (`provinceId`, `countyId`), of given NGOs (`ngoIds`), of both, or with none of them of the user's whole territory (the NGO list comes from the registry; at most 5000 NGOs). `Ngo.lastEngagementAt` gives the same answer per NGO.",
  })
  async ngosWithoutEngagement(
    @Ctx() ctx: RequestContext,
    @Arg("ngoIds", () => [ID], {
      nullable: true,
      description:
        "Only these NGOs (at most 5000). Omitted: the NGOs of `provinceId`/`countyId`, else of the user's territory.",
    })
    ngoIds: string[] | undefined,
    @Arg("year", () => Int, { nullable: true, description: "Only engagement in this Jalali year." })
    year: number | undefined,
    @Arg("provinceId", () => ID, {
      nullable: true,
      description: "Only NGOs of this province (within the user's territory).",
    })
    provinceId: string | undefined,
    @Arg("countyId", () => ID, {
      nullable: true,
      description: "Only NGOs of this home county (within the user's territory).",
    })
    countyId: string | undefined,
  ): Promise<Ngo[]> {
    if (ngoIds && ngoIds.length > 5000)
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداکثر ۵۰۰۰ سمن در هر پرسش.", { field: "ngoIds" });
    if (year !== undefined) checkYears(year, year);
    const scoped = ngoIds && !provinceId && !countyId ? null : await ngosInScope(ctx, { provinceId, countyId }, 5000);
    const inScope = scoped ? new Set(scoped) : null;
    const ids = [...new Set((ngoIds ?? scoped ?? []).filter(isUuid))].filter((id) => !inScope || inScope.has(id));
    if (ids.length === 0) return [];
    const user = requireUser(ctx);
    const m = territorySql(user, { province: "m.province_id", county: "m.county_id" });
    const p = territorySql(user, { province: "p.province_id", county: "p.county_id" });
    const d = territorySql(user, { province: "d.province_id", county: "d.county_id" });
    const g = territorySql(user, { province: "g.province_id", county: "g.county_id" });
    const range = year !== undefined ? quarterPeriods(year) : null;
    const days = year !== undefined ? jalaliYearRange(year) : null;
    const rows = await namedQuery<{ ngo_id: string }>(
      ctx.readDb,
      `SELECT a.ngo_id FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id
        WHERE m.status = 'HELD' AND a.ngo_id = ANY(CAST(:ids AS uuid[])) ${m.sql} ${range ? "AND m.held_at >= :start AND m.held_at < :end" : ""}
       UNION SELECT p.ngo_id FROM proposal p WHERE p.ngo_id = ANY(CAST(:ids AS uuid[])) ${p.sql} ${days ? "AND p.submitted_on >= CAST(:startDay AS date) AND p.submitted_on < CAST(:endDay AS date)" : ""}
       UNION SELECT d.ngo_id FROM demand d WHERE d.ngo_id = ANY(CAST(:ids AS uuid[])) ${d.sql} ${days ? "AND d.raised_on >= CAST(:startDay AS date) AND d.raised_on < CAST(:endDay AS date)" : ""}
       UNION SELECT w.ngo_id FROM working_group_member w JOIN working_group g ON g.id = w.working_group_id
        WHERE w.ngo_id = ANY(CAST(:ids AS uuid[])) ${g.sql} ${days ? "AND w.joined_on < CAST(:endDay AS date) AND (w.left_on IS NULL OR w.left_on >= CAST(:startDay AS date))" : ""}`,
      {
        ids,
        start: range?.[0].start,
        end: range?.[3].end,
        startDay: days?.firstDay,
        endDay: days?.dayAfter,
        ...m.params,
        ...p.params,
        ...d.params,
        ...g.params,
      },
    );
    const engaged = new Set(rows.map((row) => row.ngo_id));
    return ids.filter((id) => !engaged.has(id)).map((id) => ({ id }));
  }

  @Allow(ALL_ROLES)
  @Query(() => [AgencyResponseTime], {
    description:
      "Analysts: how fast agencies answered NGO proposals and demands in the user's territory (days from submission to the response: average, median, within 30 days), optionally for items submitted in one Jalali year — one SQL GROUP BY.",
  })
  async responseTimes(
    @Ctx() ctx: RequestContext,
    @Arg("kind", () => EngagementRequestKind, { nullable: true, description: "Only proposals or only demands." })
    kind: EngagementRequestKind | undefined,
    @Arg("year", () => Int, { nullable: true, description: "Only items submitted in this Jalali year." })
    year: number | undefined,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
  ): Promise<AgencyResponseTime[]> {
    checkTerritoryArgs(requireUser(ctx), provinceId, countyId);
    if (year !== undefined) checkYears(year, year);
    const days = year !== undefined ? jalaliYearRange(year) : null;
    const user = requireUser(ctx);
    const p = territorySql(user, { province: "p.province_id", county: "p.county_id" });
    const d = territorySql(user, { province: "d.province_id", county: "d.county_id" });
    const where = (alias: string, day: string) =>
      `${days ? `AND ${alias}.${day} >= CAST(:startDay AS date) AND ${alias}.${day} < CAST(:endDay AS date)` : ""} ${provinceId ? `AND ${alias}.province_id = :provinceId` : ""} ${countyId ? `AND ${alias}.county_id = :countyId` : ""}`;
    const parts = [];
    if (kind !== EngagementRequestKind.DEMAND)
      parts.push(
        `SELECT 'PROPOSAL' AS kind, p.agency_id, p.submitted_on AS sent, p.responded_on AS answered FROM proposal p WHERE true ${p.sql} ${where("p", "submitted_on")}`,
      );
    if (kind !== EngagementRequestKind.PROPOSAL)
      parts.push(
        `SELECT 'DEMAND' AS kind, d.agency_id, d.raised_on AS sent, d.responded_on AS answered FROM demand d WHERE true ${d.sql} ${where("d", "raised_on")}`,
      );
    const rows = await namedQuery<Record<string, string | null>>(
      ctx.readDb,
      `SELECT x.kind, x.agency_id, count(*) AS received, count(x.answered) AS answered,
              count(*) FILTER (WHERE x.answered - x.sent <= 30) AS within30,
              avg(x.answered - x.sent) AS average, percentile_cont(0.5) WITHIN GROUP (ORDER BY x.answered - x.sent) AS median
         FROM (${parts.join(" UNION ALL ")}) x
        GROUP BY x.kind, x.agency_id
        ORDER BY x.kind, count(*) DESC, x.agency_id NULLS LAST`,
      { startDay: days?.firstDay, endDay: days?.dayAfter, provinceId, countyId, ...p.params, ...d.params },
    );
    return rows.map((row) => ({
      agencyId: row.agency_id,
      agency: row.agency_id ? { id: row.agency_id } : null,
      kind: row.kind as EngagementRequestKind,
      received: Number(row.received),
      answered: Number(row.answered),
      answeredWithin30Days: Number(row.within30),
      unanswered: Number(row.received) - Number(row.answered),
      averageDays: row.average === null ? null : Math.round(Number(row.average) * 100) / 100,
      medianDays: row.median === null ? null : Number(row.median),
    }));
  }
}
