import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { AppError, ErrorCode, RequestContext, requireUser, uuidKeyedLoader, namedQuery } from "@hamafza/common";
import { Demand } from "../entities/Demand";
import { Meeting } from "../entities/Meeting";
import { Proposal } from "../entities/Proposal";
import { Agency, County, Manager, Ngo } from "../entities/references";
import { Resolution } from "../entities/Resolution";
import { WorkingGroup } from "../entities/WorkingGroup";
import {
  demandsByAgency,
  demandsByNgo,
  meetingsByAgency,
  meetingsByChair,
  proposalsByAgency,
  proposalsByNgo,
  resolutionsByOwnerAgency,
  resolutionsByOwnerManager,
  workingGroupsByChairAgency,
  workingGroupsByNgo,
} from "../loaders";
import { territorySql } from "../util/sql";
import { isSupportedJalaliYear } from "@hamafza/common";
import { periodTableSql, quarterPeriods } from "../util/time";

@ObjectType({
  description:
    "Meetings of a county in one Jalali quarter (grouped on Tehran's clock by held time, else scheduled time).",
})
export class MeetingQuarterCount {
  @Field(() => Int, { description: "Jalali year." })
  year!: number;

  @Field(() => Int, { description: "Quarter 1–4 (1 = Farvardin–Khordad)." })
  quarter!: number;

  @Field(() => Int, { description: "All meetings of the quarter." })
  total!: number;

  @Field(() => Int, { description: "Still planned." })
  planned!: number;

  @Field(() => Int, { description: "Held." })
  held!: number;

  @Field(() => Int, { description: "Cancelled." })
  cancelled!: number;

  @Field(() => Int, {
    description:
      "Held quarterly problem-centred meetings with at least one NGO present (the ones that count as engagement).",
  })
  problemCentredWithNgos!: number;
}

/** Meetings in a Jalali year of the chosen (held else scheduled) time, or all when no year is given. */
const inYear = (meetings: Meeting[], year: number | undefined) =>
  year === undefined ? meetings : meetings.filter((m) => m.jalaliYear === year);

function checkYear(year: number | undefined): void {
  if (year !== undefined && !isSupportedJalaliYear(year))
    throw new AppError(ErrorCode.BAD_USER_INPUT, "سال شمسی معتبر نیست.", { field: "year" });
}

@Resolver(() => Ngo)
export class NgoExtensionResolver {
  @FieldResolver(() => [WorkingGroup], {
    nullable: true,
    description: "Working groups the NGO is or was a member of, in the user's territory (engagement service).",
  })
  workingGroups(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<WorkingGroup[]> {
    return workingGroupsByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => [Proposal], {
    nullable: true,
    description: "Proposals the NGO submitted, newest first (engagement service).",
  })
  proposals(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Proposal[]> {
    return proposalsByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => [Demand], {
    nullable: true,
    description: "Demands the NGO raised, newest first (engagement service).",
  })
  demands(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Demand[]> {
    return demandsByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      "Latest engagement in the user's territory: the later of the last held meeting it attended and the last proposal or demand it submitted (a day counts from Tehran midnight); empty when never engaged (engagement service).",
  })
  lastEngagementAt(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return uuidKeyedLoader<Date | null>(
      ctx,
      "lastEngagementByNgo",
      async (ids) => {
        const user = requireUser(ctx);
        const m = territorySql(user, { province: "m.province_id", county: "m.county_id" });
        const p = territorySql(user, { province: "p.province_id", county: "p.county_id" });
        const d = territorySql(user, { province: "d.province_id", county: "d.county_id" });
        const rows = await namedQuery<{ ngo_id: string; at: Date }>(
          ctx.db,
          `SELECT x.ngo_id, max(x.at) AS at FROM (
             SELECT a.ngo_id, m.held_at AS at FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id
              WHERE m.status = 'HELD' AND a.ngo_id = ANY(CAST(:ids AS uuid[])) ${m.sql}
             UNION ALL
             SELECT p.ngo_id, (p.submitted_on::timestamp AT TIME ZONE 'Asia/Tehran') FROM proposal p WHERE p.ngo_id = ANY(CAST(:ids AS uuid[])) ${p.sql}
             UNION ALL
             SELECT d.ngo_id, (d.raised_on::timestamp AT TIME ZONE 'Asia/Tehran') FROM demand d WHERE d.ngo_id = ANY(CAST(:ids AS uuid[])) ${d.sql}
           ) x GROUP BY x.ngo_id`,
          { ids, ...m.params, ...p.params, ...d.params },
        );
        const byId = new Map(rows.map((row) => [row.ngo_id, new Date(row.at)]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      null,
    ).load(ngo.id);
  }
}

@Resolver(() => Manager)
export class ManagerExtensionResolver {
  @FieldResolver(() => [Meeting], {
    nullable: true,
    description:
      "Meetings the manager chaired, in the user's territory, newest first; of one Jalali year when given (engagement service).",
  })
  async meetingsChaired(
    @Root() manager: Manager,
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, {
      nullable: true,
      description: "Only meetings of this Jalali year (held time, else scheduled time).",
    })
    year: number | undefined,
  ): Promise<Meeting[]> {
    checkYear(year);
    return inYear(await meetingsByChair(ctx).load(manager.id), year);
  }

  @FieldResolver(() => [Resolution], {
    nullable: true,
    description: "Resolutions the manager owns, earliest deadline first (engagement service).",
  })
  resolutionsOwned(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<Resolution[]> {
    return resolutionsByOwnerManager(ctx).load(manager.id);
  }

  @FieldResolver(() => [Resolution], {
    nullable: true,
    description:
      "Resolutions the manager owns that are overdue (Tehran today), longest overdue first (engagement service).",
  })
  async overdueResolutions(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<Resolution[]> {
    return (await resolutionsByOwnerManager(ctx).load(manager.id)).filter((r) => r.overdue);
  }
}

@Resolver(() => Agency)
export class AgencyExtensionResolver {
  @FieldResolver(() => [Resolution], {
    nullable: true,
    description: "Resolutions the agency owns, earliest deadline first (engagement service).",
  })
  resolutionsOwned(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Resolution[]> {
    return resolutionsByOwnerAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => [Resolution], {
    nullable: true,
    description: "Resolutions the agency owns that are overdue (Tehran today) (engagement service).",
  })
  async overdueResolutions(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Resolution[]> {
    return (await resolutionsByOwnerAgency(ctx).load(agency.id)).filter((r) => r.overdue);
  }

  @FieldResolver(() => [Proposal], {
    nullable: true,
    description: "Proposals submitted to the agency (its inbox), newest first (engagement service).",
  })
  proposalsReceived(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Proposal[]> {
    return proposalsByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => [Demand], {
    nullable: true,
    description: "Demands routed to the agency (its inbox), newest first (engagement service).",
  })
  demandsReceived(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Demand[]> {
    return demandsByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => [Meeting], {
    nullable: true,
    description: "Meetings the agency organised, newest first (engagement service).",
  })
  meetingsOrganised(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return meetingsByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => [WorkingGroup], {
    nullable: true,
    description: "Working groups the agency chairs (engagement service).",
  })
  workingGroupsChaired(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<WorkingGroup[]> {
    return workingGroupsByChairAgency(ctx).load(agency.id);
  }
}

@Resolver(() => County)
export class CountyExtensionResolver {
  @FieldResolver(() => [MeetingQuarterCount], {
    nullable: true,
    description:
      "The county's meetings in each quarter of a Jalali year (four rows), in the user's territory (engagement service).",
  })
  meetingCounts(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "Jalali year." }) year: number,
  ): Promise<MeetingQuarterCount[]> {
    checkYear(year);
    return ctx.loaders
      .get<string, MeetingQuarterCount[]>("meetingCountsByCounty", async (keys) => {
        const byYear = new Map<number, string[]>();
        for (const key of keys) {
          const [id, y] = key.split("|");
          byYear.set(Number(y), [...(byYear.get(Number(y)) ?? []), id]);
        }
        const found = new Map<string, MeetingQuarterCount>();
        for (const [y, countyIds] of byYear) {
          const periods = periodTableSql(quarterPeriods(y));
          const scope = territorySql(requireUser(ctx), { province: "m.province_id", county: "m.county_id" });
          const rows = await namedQuery<Record<string, string | number>>(
            ctx.db,
            `SELECT m.county_id, period.quarter, count(*) AS total,
                    count(*) FILTER (WHERE m.status = 'PLANNED') AS planned,
                    count(*) FILTER (WHERE m.status = 'HELD') AS held,
                    count(*) FILTER (WHERE m.status = 'CANCELLED') AS cancelled,
                    count(*) FILTER (WHERE m.status = 'HELD' AND m.kind = 'QUARTERLY_PROBLEM_CENTRED'
                                       AND m.attendance_count > 0) AS pc
               FROM meeting m
               JOIN ${periods.sql} ON coalesce(m.held_at, m.scheduled_at) >= period.starts AND coalesce(m.held_at, m.scheduled_at) < period.ends
              WHERE m.county_id = ANY(CAST(:countyIds AS text[])) ${scope.sql}
              GROUP BY m.county_id, period.quarter`,
            { countyIds, ...periods.params, ...scope.params },
          );
          for (const row of rows) {
            found.set(`${row.county_id}|${y}|${row.quarter}`, {
              year: y,
              quarter: Number(row.quarter),
              total: Number(row.total),
              planned: Number(row.planned),
              held: Number(row.held),
              cancelled: Number(row.cancelled),
              problemCentredWithNgos: Number(row.pc),
            });
          }
        }
        return keys.map((key) => {
          const [id, y] = key.split("|");
          return [1, 2, 3, 4].map(
            (q) =>
              found.get(`${id}|${y}|${q}`) ?? {
                year: Number(y),
                quarter: q,
                total: 0,
                planned: 0,
                held: 0,
                cancelled: 0,
                problemCentredWithNgos: 0,
              },
          );
        });
      })
      .load(`${county.id}|${year}`);
  }
}
