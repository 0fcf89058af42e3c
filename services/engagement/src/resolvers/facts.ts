import { GraphQLJSON } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  AppError,
  ErrorCode,
  EVALUATORS,
  isUuid,
  isSupportedJalaliYear,
  jalaliYearBounds,
  jalaliYearRange,
  namedQuery,
  RequestContext,
  requireUser,
  Validator,
} from "@hamafza/common";
import { territorySql } from "../util/sql";
import { tehranToday } from "../util/time";
import { EngagementFacts, ManagerAgencyInput } from "./factsInputs";
import {
  assembleFacts,
  evaluationRowsOf,
  MAX_MANAGERS,
  MeetingFactRow,
  RequestFactRow,
  ResolutionFactRow,
  shareRepeatedFacts,
  WorkingGroupFactRow,
} from "./factsRules";
export {
  ResolutionOwnership,
  ManagerAgencyInput,
  EngagementMeetingFact,
  EngagementResolutionFact,
  EngagementSessionFact,
  EngagementWorkingGroupFact,
  EngagementRequestFact,
  ManagerEngagementFacts,
  EngagementFacts,
} from "./factsInputs";

@Resolver(() => EngagementFacts)
export class EngagementFactsResolver {
  @Allow(EVALUATORS)
  @Query(() => EngagementFacts, {
    description:
      "Evaluators (the evaluation service): for a Jalali year, per manager, the raw engagement facts the evaluation rubric judges, with their evidence — held meetings with kind, NGOs present, agenda focus and resolutions; resolutions due with status and days; working groups with NGO members and sessions; proposals and demands with the days asked and answered. What counts is decided by the evaluation service (which reads `evaluationRows`, the same facts as one JSON value). Four SQL statements whatever the number of managers; limited to the evaluator's territory.",
  })
  async engagementFacts(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
    @Arg("managerIds", () => [ID], {
      nullable: true,
      description:
        "The managers; without it, every manager with a chaired meeting, an owned resolution or a chaired working group in the territory, plus those of `managerAgencies`.",
    })
    managerIds: string[] | undefined,
    @Arg("managerAgencies", () => [ManagerAgencyInput], {
      nullable: true,
      description:
        "Each manager's agency (registry `Manager.agencyId`), to attribute agency-owned resolutions, agency-chaired groups and requests routed to the agency. Managers listed here are included.",
    })
    managerAgencies: ManagerAgencyInput[] | undefined,
  ): Promise<EngagementFacts> {
    const v = new Validator();
    v.check(isSupportedJalaliYear(year), "year", "سال شمسی معتبر نیست.");
    v.check((managerIds ?? []).every(isUuid), "managerIds", "شناسه یکی از مدیران معتبر نیست.");
    v.check(
      (managerAgencies ?? []).every((m) => isUuid(m.managerId) && isUuid(m.agencyId)),
      "managerAgencies",
      "شناسه یکی از مدیران یا دستگاه‌ها معتبر نیست.",
    );
    v.done();
    if ((managerIds?.length ?? 0) + (managerAgencies?.length ?? 0) > MAX_MANAGERS) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, "حداکثر ۵۰٬۰۰۰ مدیر در هر پرسش.", { field: "managerIds" });
    }
    const user = requireUser(ctx);
    const asOf = tehranToday();
    const { start, end } = jalaliYearBounds(year);
    const days = jalaliYearRange(year);
    const agencyOf = new Map((managerAgencies ?? []).map((m) => [m.managerId, m.agencyId]));
    const all = managerIds === undefined || managerIds === null;
    const ids = [...new Set([...(managerIds ?? []), ...agencyOf.keys()])];
    const agencies = [...new Set(agencyOf.values())];
    const managerCondition = (column: string) =>
      all ? `${column} IS NOT NULL` : `${column} = ANY(CAST(:ids AS uuid[]))`;
    const scope = (alias: string) =>
      territorySql(user, { province: `${alias}.province_id`, county: `${alias}.county_id` });
    const m = scope("m");
    const r = scope("r");
    const g = scope("g");
    const p = scope("p");
    const d = scope("d");

    // 1. Held meetings chaired in the year, with attendance, agenda focus and resolution counts. For listed managers
    // the meeting columns come from `meeting_held_by_chair` alone; the NGOs present as one comma-separated text in
    // uuid order (the attendance index's order, so no sort; the same order as their text), cheaper to produce and
    // to read than a text array.
    const meetings = await namedQuery<MeetingFactRow>(
      ctx.db,
      `SELECT m.id, m.title, m.kind, m.chair_id, m.held_at, m.province_id, m.county_id,
              (SELECT string_agg(a.ngo_id::text, ',' ORDER BY a.ngo_id) FROM meeting_attendance a WHERE a.meeting_id = m.id) AS ngo_ids,
              ag.items AS agenda_items, ag.focused, res.n AS resolutions
         FROM meeting m
         LEFT JOIN LATERAL (SELECT count(*) AS items, count(*) FILTER (WHERE i.social_harm_id IS NOT NULL OR i.demand_id IS NOT NULL) AS focused
                              FROM agenda_item i WHERE i.meeting_id = m.id) ag ON true
         LEFT JOIN LATERAL (SELECT count(*) AS n FROM resolution x WHERE x.meeting_id = m.id) res ON true
        WHERE m.status = 'HELD' AND m.held_at >= :start AND m.held_at < :end AND ${managerCondition("m.chair_id")} ${m.sql}
        ORDER BY m.held_at, m.id`,
      { start, end, ids, ...m.params },
    );

    // 2. Resolutions due in the year owned by the managers or their agencies.
    const resolutions = await namedQuery<ResolutionFactRow>(
      ctx.db,
      `SELECT r.id, r.meeting_id, r.owner_manager_id, r.owner_agency_id, r.deadline::text AS deadline, r.status, r.completed_on::text AS completed_on
         FROM resolution r
        WHERE r.deadline >= CAST(:startDay AS date) AND r.deadline < CAST(:endDay AS date)
          AND (${managerCondition("r.owner_manager_id")} OR r.owner_agency_id = ANY(CAST(:agencies AS uuid[]))) ${r.sql}
        ORDER BY r.deadline, r.id`,
      { startDay: days.firstDay, endDay: days.dayAfter, ids, agencies, ...r.params },
    );

    // 3. Working groups chaired by the managers or their agencies, with NGO members and sessions of the year.
    const groups = await namedQuery<WorkingGroupFactRow>(
      ctx.db,
      `SELECT g.id, g.name, g.chair_manager_id, g.chair_agency_id, g.dissolved_on::text AS dissolved_on,
              coalesce((SELECT array_agg(DISTINCT w.ngo_id::text) FROM working_group_member w
                         WHERE w.working_group_id = g.id AND w.kind = 'NGO' AND w.joined_on < CAST(:endDay AS date)
                           AND (w.left_on IS NULL OR w.left_on >= CAST(:startDay AS date))), '{}') AS ngo_ids,
              (SELECT json_agg(json_build_object('id', s.id, 'heldAt', s.held_at,
                                                 'ngos', s.attendance_count) ORDER BY s.held_at)
                 FROM meeting s WHERE s.working_group_id = g.id AND s.status = 'HELD' AND s.held_at >= :start AND s.held_at < :end) AS sessions
         FROM working_group g
        WHERE (${managerCondition("g.chair_manager_id")} OR g.chair_agency_id = ANY(CAST(:agencies AS uuid[]))) ${g.sql}
        ORDER BY g.name, g.id`,
      { start, end, startDay: days.firstDay, endDay: days.dayAfter, ids, agencies, ...g.params },
    );

    // 4. Proposals and demands routed to the agencies, submitted in the year.
    const requests =
      agencies.length === 0
        ? []
        : await namedQuery<RequestFactRow>(
            ctx.db,
            `SELECT 'PROPOSAL' AS kind, p.id, p.ngo_id, p.agency_id, p.submitted_on::text AS sent, p.responded_on::text AS answered
               FROM proposal p WHERE p.agency_id = ANY(CAST(:agencies AS uuid[])) AND p.submitted_on >= CAST(:startDay AS date) AND p.submitted_on < CAST(:endDay AS date) ${p.sql}
             UNION ALL
             SELECT 'DEMAND', d.id, d.ngo_id, d.agency_id, d.raised_on::text, d.responded_on::text
               FROM demand d WHERE d.agency_id = ANY(CAST(:agencies AS uuid[])) AND d.raised_on >= CAST(:startDay AS date) AND d.raised_on < CAST(:endDay AS date) ${d.sql}
             ORDER BY sent, id`,
            { agencies, startDay: days.firstDay, endDay: days.dayAfter, ...p.params, ...d.params },
          );

    const managers = assembleFacts({ all, ids, agencyOf, asOf, meetings, resolutions, groups, requests });
    return { year, asOf, generatedAt: new Date(), managers };
  }

  @FieldResolver(() => GraphQLJSON, {
    description:
      "For the evaluation service: the facts of `managers` (same managers, same order, same values) as one JSON value holding only what the evaluation reads — `[{ managerId, meetings: [{ meetingId, title, kind, date, quarter, ngoIds, hasAgendaItemOnHarmOrDemand, resolutions }], resolutions: [{ resolutionId, meetingId, deadline, status, completedOn, ownedBy, ownerManagerId, ownerAgencyId }], workingGroups: [{ workingGroupId, name, ngoMemberIds, sessionsHeld, chairManagerId, chairAgencyId }], requests: [{ kind, id, ngoId, agencyId, submittedOn, respondedOn }] }]` — so a whole-country read is not resolved field by field (millions of leaves). With `shareAgencyFacts`, each resolution, working group and request is written once: `{ shared: { resolutions: [...], workingGroups: [...], requests: [...] }, managers: [{ managerId, meetings: [...], resolutions: [i, ...], workingGroups: [i, ...], requests: [i, ...] }] }`, the numbers being positions in `shared` (an agency's facts are otherwise repeated for each of its managers). Same access as `engagementFacts`.",
  })
  evaluationRows(
    @Root() facts: EngagementFacts,
    @Arg("shareAgencyFacts", () => Boolean, {
      defaultValue: false,
      description:
        "Write each resolution, working group and request once, in `shared`, and name it by its position in each manager's row.",
    })
    shareAgencyFacts: boolean,
  ): unknown {
    const rows = evaluationRowsOf(facts.managers);
    return shareAgencyFacts ? shareRepeatedFacts(rows) : rows;
  }
}
