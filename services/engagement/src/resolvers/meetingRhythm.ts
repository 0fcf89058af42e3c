import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertSupportedJalaliYear,
  checkTerritoryArgs,
  namedQuery,
  RequestContext,
  requireUser,
  tehranMidnight,
} from "@hamafza/common";
import { MeetingKind } from "../entities/Meeting";
import { territorySql } from "../util/sql";

@ObjectType({ description: "Meetings of one Jalali month (the monthly rhythm of a kind of meeting)." })
export class MonthlyMeetingCount {
  @Field(() => Int, { description: "Jalali year." })
  year!: number;

  @Field(() => Int, { description: "Jalali month 1–12 (1 = Farvardin)." })
  month!: number;

  @Field(() => Int, { description: "All meetings of the month (held time, else scheduled time, on Tehran's clock)." })
  total!: number;

  @Field(() => Int, { description: "Still planned." })
  planned!: number;

  @Field(() => Int, { description: "Held." })
  held!: number;

  @Field(() => Int, { description: "Cancelled." })
  cancelled!: number;

  @Field(() => Int, { description: "Held with at least one NGO present." })
  heldWithNgos!: number;

  @Field(() => Int, { description: "Distinct NGOs present at the month's held meetings." })
  ngosPresent!: number;
}

/** [start, end) of each Jalali month of a year, as a SQL `VALUES` table `month(month, starts, ends)` with parameters. */
export function monthTableSql(year: number): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const rows = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    params[`m${month}s`] = tehranMidnight(year, month, 1).toISOString();
    params[`m${month}e`] = (
      month === 12 ? tehranMidnight(year + 1, 1, 1) : tehranMidnight(year, month + 1, 1)
    ).toISOString();
    return `(${month}, CAST(:m${month}s AS timestamptz), CAST(:m${month}e AS timestamptz))`;
  });
  return { sql: `(VALUES ${rows.join(", ")}) AS month(month, starts, ends)`, params };
}

@Resolver()
export class MeetingRhythmResolver {
  @Allow(ALL_ROLES)
  @Query(() => [MonthlyMeetingCount], {
    description:
      "Analysts: the monthly rhythm of one kind of meeting (by default the monthly NGO experience exchange) in the user's territory — twelve rows, one per Jalali month of the year, months without meetings included (held time, else scheduled time, on Tehran's clock) — one SQL GROUP BY.",
  })
  async meetingMonthlyRhythm(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "Jalali year." }) year: number,
    @Arg("kind", () => MeetingKind, {
      defaultValue: MeetingKind.NGO_EXCHANGE,
      description: "The kind of meeting (the monthly NGO exchange by default).",
    })
    kind: MeetingKind,
    @Arg("provinceId", () => ID, { nullable: true, description: "Only this province." }) provinceId: string | undefined,
    @Arg("countyId", () => ID, { nullable: true, description: "Only this county." }) countyId: string | undefined,
  ): Promise<MonthlyMeetingCount[]> {
    const user = requireUser(ctx);
    checkTerritoryArgs(user, provinceId, countyId);
    assertSupportedJalaliYear(year, "year");
    const months = monthTableSql(year);
    const scope = territorySql(user, { province: "m.province_id", county: "m.county_id" });
    const rows = await namedQuery<Record<string, string | number>>(
      ctx.readDb,
      `SELECT month.month, count(DISTINCT m.id) AS total,
              count(DISTINCT m.id) FILTER (WHERE m.status = 'PLANNED') AS planned,
              count(DISTINCT m.id) FILTER (WHERE m.status = 'HELD') AS held,
              count(DISTINCT m.id) FILTER (WHERE m.status = 'CANCELLED') AS cancelled,
              count(DISTINCT m.id) FILTER (WHERE m.status = 'HELD' AND a.ngo_id IS NOT NULL) AS held_with_ngos,
              count(DISTINCT a.ngo_id) FILTER (WHERE m.status = 'HELD') AS ngos_present
         FROM ${months.sql}
         LEFT JOIN meeting m ON m.kind = :kind
               AND coalesce(m.held_at, m.scheduled_at) >= month.starts AND coalesce(m.held_at, m.scheduled_at) < month.ends
               ${scope.sql} ${provinceId ? "AND m.province_id = :provinceId" : ""} ${countyId ? "AND m.county_id = :countyId" : ""}
         LEFT JOIN LATERAL (SELECT DISTINCT ngo_id FROM meeting_attendance WHERE meeting_id = m.id) a ON true
        GROUP BY month.month
        ORDER BY month.month`,
      { ...months.params, ...scope.params, kind, provinceId, countyId },
    );
    return rows.map((row) => ({
      year,
      month: Number(row.month),
      total: Number(row.total),
      planned: Number(row.planned),
      held: Number(row.held),
      cancelled: Number(row.cancelled),
      heldWithNgos: Number(row.held_with_ngos),
      ngosPresent: Number(row.ngos_present),
    }));
  }
}
