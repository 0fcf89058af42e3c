import { Arg, Ctx, Field, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import {
  Allow,
  AppError,
  DateScalar,
  ErrorCode,
  EVALUATORS,
  isUuid,
  isSupportedJalaliYear,
  jalaliQuarterOf,
  jalaliYearBounds,
  jalaliYearRange,
  namedQuery,
  RequestContext,
  requireUser,
  Validator,
} from "@hamafza/common";
import { MeetingKind } from "../entities/Meeting";
import { ResolutionStatus } from "../entities/Resolution";
import { territorySql } from "../util/sql";
import { daysBetween, tehranDay, tehranToday } from "../util/time";
import { EngagementRequestKind } from "./analytics";

export enum ResolutionOwnership {
  MANAGER = "MANAGER",
  AGENCY = "AGENCY",
}
registerEnumType(ResolutionOwnership, {
  name: "ResolutionOwnership",
  description: "Why a resolution is attributed to a manager in the evaluation facts.",
  valuesConfig: {
    MANAGER: { description: "The manager is its owner." },
    AGENCY: { description: "The manager's agency (given in `managerAgencies`) is its owner." },
  },
});

@InputType({
  description:
    "A manager and the agency of the position (from the registry's `Manager.agencyId`), so facts owned by the agency are attributed to the manager.",
})
export class ManagerAgencyInput {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field(() => ID, { description: "The manager's agency." })
  agencyId!: string;
}

@ObjectType({ simpleResolvers: true, description: "Evidence: a held meeting chaired by the manager in the year." })
export class EngagementMeetingFact {
  @Field(() => ID, { description: "The meeting." })
  meetingId!: string;

  @Field({ description: "Title." })
  title!: string;

  @Field(() => MeetingKind, { description: "Kind (only QUARTERLY_PROBLEM_CENTRED counts for regularity)." })
  kind!: MeetingKind;

  @Field({ description: "When it was held (UTC)." })
  heldAt!: Date;

  @Field(() => DateScalar, {
    description: "The Tehran calendar day it was held (the day NGO licences are checked on).",
  })
  date!: string;

  @Field(() => Int, { description: "Jalali quarter 1–4 of `heldAt` on Tehran's clock." })
  quarter!: number;

  @Field(() => ID, { description: "Province code." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code (empty for a provincial meeting)." })
  countyId!: string | null;

  @Field(() => [ID], { description: "NGOs present (registry ids), sorted." })
  ngoIds!: string[];

  @Field(() => Int, { description: "Agenda items." })
  agendaItems!: number;

  @Field({ description: "Whether at least one agenda item is tied to a social harm or an NGO demand." })
  hasAgendaItemOnHarmOrDemand!: boolean;

  @Field(() => Int, { description: "Resolutions adopted (any status)." })
  resolutions!: number;

  @Field({ description: "Counts for regularity: a quarterly problem-centred meeting with at least one NGO present." })
  countsForRegularity!: boolean;

  @Field({
    description:
      "Counts as problem-focused: counts for regularity, has an agenda item on a harm or demand, and at least one resolution.",
  })
  problemFocused!: boolean;

  @Field(() => [String], {
    description: "Why it does not count (Persian), e.g. «هیچ سمنی در نشست حضور نداشت»; empty when it counts fully.",
  })
  exclusionReasons!: string[];
}

@ObjectType({
  simpleResolvers: true,
  description: "Evidence: a resolution due in the year, owned by the manager or the manager's agency.",
})
export class EngagementResolutionFact {
  @Field(() => ID, { description: "The resolution." })
  resolutionId!: string;

  @Field(() => ID, { description: "Its meeting." })
  meetingId!: string;

  @Field(() => ResolutionOwnership, { description: "Owned by the manager, or by the manager's agency." })
  ownedBy!: ResolutionOwnership;

  @Field(() => ID, { nullable: true, description: "Owner manager." })
  ownerManagerId!: string | null;

  @Field(() => ID, { nullable: true, description: "Owner agency." })
  ownerAgencyId!: string | null;

  @Field(() => DateScalar, { description: "Deadline (in the year)." })
  deadline!: string;

  @Field(() => ResolutionStatus, { description: "Recorded status." })
  status!: ResolutionStatus;

  @Field(() => DateScalar, { nullable: true, description: "Day it was done." })
  completedOn!: string | null;

  @Field({ description: "Done on or before the deadline." })
  doneByDeadline!: boolean;

  @Field({ description: "Not done and past the deadline as of `EngagementFacts.asOf`." })
  overdue!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "Evidence: a held session of a working group in the year." })
export class EngagementSessionFact {
  @Field(() => ID, { description: "The session (meeting)." })
  meetingId!: string;

  @Field({ description: "When it was held (UTC)." })
  heldAt!: Date;

  @Field(() => Int, { description: "Jalali quarter on Tehran's clock." })
  quarter!: number;

  @Field(() => Int, { description: "NGOs present." })
  ngoCount!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Evidence: a working group chaired by the manager or the manager's agency.",
})
export class EngagementWorkingGroupFact {
  @Field(() => ID, { description: "The working group." })
  workingGroupId!: string;

  @Field({ description: "Name." })
  name!: string;

  @Field(() => ID, { nullable: true, description: "Chairing manager." })
  chairManagerId!: string | null;

  @Field(() => ID, { nullable: true, description: "Chairing agency." })
  chairAgencyId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was dissolved, if it was." })
  dissolvedOn!: string | null;

  @Field(() => [ID], { description: "NGOs that were members at some time in the year, sorted." })
  ngoMemberIds!: string[];

  @Field(() => [EngagementSessionFact], { description: "Sessions held in the year, oldest first." })
  sessions!: EngagementSessionFact[];

  @Field(() => Int, { description: "Sessions held in the year." })
  sessionsHeld!: number;

  @Field({ description: "Has NGO members in the year and met at least twice in the year (the 1404 rubric's rule)." })
  qualifies!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "Evidence: an NGO proposal or demand routed to the manager's agency, submitted in the year.",
})
export class EngagementRequestFact {
  @Field(() => EngagementRequestKind, { description: "Proposal or demand." })
  kind!: EngagementRequestKind;

  @Field(() => ID, { description: "The proposal or demand." })
  id!: string;

  @Field(() => ID, { description: "The NGO." })
  ngoId!: string;

  @Field(() => ID, { description: "The agency it was routed to." })
  agencyId!: string;

  @Field(() => DateScalar, { description: "Day it was submitted or raised." })
  submittedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the agency's response (proposal: accepted or rejected; demand: resolved or rejected).",
  })
  respondedOn!: string | null;

  @Field(() => Int, { nullable: true, description: "Days from submission to response." })
  responseDays!: number | null;

  @Field({ description: "Answered within 30 days of submission." })
  answeredWithin30Days!: boolean;

  @Field({ description: "Unanswered but fewer than 30 days old as of `asOf` (not yet late)." })
  stillWithin30Days!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "The engagement facts of one manager for the evaluation rubric (issue 6), with the evidence records.",
})
export class ManagerEngagementFacts {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field(() => ID, { nullable: true, description: "The manager's agency, as given in `managerAgencies`." })
  agencyId!: string | null;

  @Field(() => [Int], {
    description:
      "Quarters of the year (1–4) with at least one held quarterly problem-centred meeting chaired by the manager with at least one NGO present.",
  })
  quartersWithEngagement!: number[];

  @Field(() => [EngagementMeetingFact], {
    description:
      "Every held meeting the manager chaired in the year (any kind), oldest first, with whether and why it counts.",
  })
  meetings!: EngagementMeetingFact[];

  @Field(() => [EngagementResolutionFact], {
    description: "Resolutions due in the year owned by the manager or its agency, by deadline.",
  })
  resolutions!: EngagementResolutionFact[];

  @Field(() => [EngagementWorkingGroupFact], { description: "Working groups chaired by the manager or its agency." })
  workingGroups!: EngagementWorkingGroupFact[];

  @Field(() => [EngagementRequestFact], {
    description:
      "Proposals and demands routed to the manager's agency, submitted in the year (needs `managerAgencies`).",
  })
  requests!: EngagementRequestFact[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Engagement facts of a Jalali year for many managers, read in a handful of SQL statements (service-to-service read for the evaluation service).",
})
export class EngagementFacts {
  @Field(() => Int, { description: "The Jalali year." })
  year!: number;

  @Field(() => DateScalar, {
    description: "The Tehran day overdue and pending states were judged on (snapshot this with the facts).",
  })
  asOf!: string;

  @Field({ description: "When the facts were read (UTC)." })
  generatedAt!: Date;

  @Field(() => [ManagerEngagementFacts], {
    description:
      "One entry per manager asked for (or, without `managerIds`, per manager with any fact), sorted by manager id.",
  })
  managers!: ManagerEngagementFacts[];
}

const NO_NGO = "هیچ سمنی در نشست حضور نداشت";
const NOT_PROBLEM_CENTRED = "نشست فصلی مسئله‌محور نیست";
const NO_FOCUS = "دستور جلسه‌ای مرتبط با آسیب اجتماعی یا مطالبه سمن نداشت";
const NO_RESOLUTION = "مصوبه‌ای نداشت";

const MAX_MANAGERS = 50_000;

@Resolver()
export class EngagementFactsResolver {
  @Allow(EVALUATORS)
  @Query(() => EngagementFacts, {
    description:
      "Evaluators (the evaluation service): for a Jalali year, per manager, the facts of the 1404 rubric with their evidence — problem-centred meetings per quarter with NGOs present, agenda and resolutions, resolutions due and done by deadline, working groups and sessions, proposals and demands answered within 30 days. Four SQL statements whatever the number of managers; limited to the evaluator's territory.",
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

    // 1. Held meetings chaired in the year, with attendance, agenda focus and resolution counts.
    const meetings = await namedQuery<{
      id: string;
      title: string;
      kind: MeetingKind;
      chair_id: string;
      held_at: Date;
      province_id: string;
      county_id: string | null;
      ngo_ids: string[];
      agenda_items: string;
      focused: string;
      resolutions: string;
    }>(
      ctx.db,
      `SELECT m.id, m.title, m.kind, m.chair_id, m.held_at, m.province_id, m.county_id,
              coalesce(att.ngo_ids, '{}') AS ngo_ids, ag.items AS agenda_items, ag.focused, res.n AS resolutions
         FROM meeting m
         LEFT JOIN LATERAL (SELECT array_agg(a.ngo_id::text ORDER BY a.ngo_id::text) AS ngo_ids FROM meeting_attendance a WHERE a.meeting_id = m.id) att ON true
         LEFT JOIN LATERAL (SELECT count(*) AS items, count(*) FILTER (WHERE i.social_harm_id IS NOT NULL OR i.demand_id IS NOT NULL) AS focused
                              FROM agenda_item i WHERE i.meeting_id = m.id) ag ON true
         LEFT JOIN LATERAL (SELECT count(*) AS n FROM resolution x WHERE x.meeting_id = m.id) res ON true
        WHERE m.status = 'HELD' AND m.held_at >= :start AND m.held_at < :end AND ${managerCondition("m.chair_id")} ${m.sql}
        ORDER BY m.held_at, m.id`,
      { start, end, ids, ...m.params },
    );

    // 2. Resolutions due in the year owned by the managers or their agencies.
    const resolutions = await namedQuery<{
      id: string;
      meeting_id: string;
      owner_manager_id: string | null;
      owner_agency_id: string | null;
      deadline: string;
      status: ResolutionStatus;
      completed_on: string | null;
    }>(
      ctx.db,
      `SELECT r.id, r.meeting_id, r.owner_manager_id, r.owner_agency_id, r.deadline::text AS deadline, r.status, r.completed_on::text AS completed_on
         FROM resolution r
        WHERE r.deadline >= CAST(:startDay AS date) AND r.deadline < CAST(:endDay AS date)
          AND (${managerCondition("r.owner_manager_id")} OR r.owner_agency_id = ANY(CAST(:agencies AS uuid[]))) ${r.sql}
        ORDER BY r.deadline, r.id`,
      { startDay: days.firstDay, endDay: days.dayAfter, ids, agencies, ...r.params },
    );

    // 3. Working groups chaired by the managers or their agencies, with NGO members and sessions of the year.
    const groups = await namedQuery<{
      id: string;
      name: string;
      chair_manager_id: string | null;
      chair_agency_id: string | null;
      dissolved_on: string | null;
      ngo_ids: string[];
      sessions: { id: string; heldAt: string; ngos: number }[] | null;
    }>(
      ctx.db,
      `SELECT g.id, g.name, g.chair_manager_id, g.chair_agency_id, g.dissolved_on::text AS dissolved_on,
              coalesce((SELECT array_agg(DISTINCT w.ngo_id::text) FROM working_group_member w
                         WHERE w.working_group_id = g.id AND w.kind = 'NGO' AND w.joined_on < CAST(:endDay AS date)
                           AND (w.left_on IS NULL OR w.left_on >= CAST(:startDay AS date))), '{}') AS ngo_ids,
              (SELECT json_agg(json_build_object('id', s.id, 'heldAt', s.held_at,
                                                 'ngos', (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = s.id)) ORDER BY s.held_at)
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
        : await namedQuery<{
            kind: EngagementRequestKind;
            id: string;
            ngo_id: string;
            agency_id: string;
            sent: string;
            answered: string | null;
          }>(
            ctx.db,
            `SELECT 'PROPOSAL' AS kind, p.id, p.ngo_id, p.agency_id, p.submitted_on::text AS sent, p.responded_on::text AS answered
               FROM proposal p WHERE p.agency_id = ANY(CAST(:agencies AS uuid[])) AND p.submitted_on >= CAST(:startDay AS date) AND p.submitted_on < CAST(:endDay AS date) ${p.sql}
             UNION ALL
             SELECT 'DEMAND', d.id, d.ngo_id, d.agency_id, d.raised_on::text, d.responded_on::text
               FROM demand d WHERE d.agency_id = ANY(CAST(:agencies AS uuid[])) AND d.raised_on >= CAST(:startDay AS date) AND d.raised_on < CAST(:endDay AS date) ${d.sql}
             ORDER BY sent, id`,
            { agencies, startDay: days.firstDay, endDay: days.dayAfter, ...p.params, ...d.params },
          );

    const managers = all
      ? [
          ...new Set([
            ...ids,
            ...meetings.map((x) => x.chair_id),
            ...resolutions.flatMap((x) => (x.owner_manager_id ? [x.owner_manager_id] : [])),
            ...groups.flatMap((x) => (x.chair_manager_id ? [x.chair_manager_id] : [])),
          ]),
        ]
      : ids;
    const result = new Map<string, ManagerEngagementFacts>(
      managers.sort().map((id) => [
        id,
        {
          managerId: id,
          agencyId: agencyOf.get(id) ?? null,
          quartersWithEngagement: [],
          meetings: [],
          resolutions: [],
          workingGroups: [],
          requests: [],
        },
      ]),
    );
    const managersOfAgency = new Map<string, string[]>();
    for (const [managerId, agencyId] of agencyOf)
      managersOfAgency.set(agencyId, [...(managersOfAgency.get(agencyId) ?? []), managerId]);

    for (const row of meetings) {
      const facts = result.get(row.chair_id);
      if (!facts) continue;
      const heldAt = new Date(row.held_at);
      const ngoIds = row.ngo_ids;
      const problemCentred = row.kind === MeetingKind.QUARTERLY_PROBLEM_CENTRED;
      const focused = Number(row.focused) > 0;
      const resolutionCount = Number(row.resolutions);
      const countsForRegularity = problemCentred && ngoIds.length > 0;
      const reasons = [
        ...(problemCentred ? [] : [NOT_PROBLEM_CENTRED]),
        ...(ngoIds.length > 0 ? [] : [NO_NGO]),
        ...(focused ? [] : [NO_FOCUS]),
        ...(resolutionCount > 0 ? [] : [NO_RESOLUTION]),
      ];
      facts.meetings.push({
        meetingId: row.id,
        title: row.title,
        kind: row.kind,
        heldAt,
        date: tehranDay(heldAt),
        quarter: jalaliQuarterOf(heldAt).quarter,
        provinceId: row.province_id,
        countyId: row.county_id,
        ngoIds,
        agendaItems: Number(row.agenda_items),
        hasAgendaItemOnHarmOrDemand: focused,
        resolutions: resolutionCount,
        countsForRegularity,
        problemFocused: countsForRegularity && focused && resolutionCount > 0,
        exclusionReasons: reasons,
      });
    }
    for (const facts of result.values()) {
      facts.quartersWithEngagement = [
        ...new Set(facts.meetings.filter((x) => x.countsForRegularity).map((x) => x.quarter)),
      ].sort();
    }

    for (const row of resolutions) {
      const fact = (ownedBy: ResolutionOwnership): EngagementResolutionFact => ({
        resolutionId: row.id,
        meetingId: row.meeting_id,
        ownedBy,
        ownerManagerId: row.owner_manager_id,
        ownerAgencyId: row.owner_agency_id,
        deadline: row.deadline,
        status: row.status,
        completedOn: row.completed_on,
        doneByDeadline:
          row.status === ResolutionStatus.DONE && row.completed_on !== null && row.completed_on <= row.deadline,
        overdue:
          (row.status === ResolutionStatus.OPEN || row.status === ResolutionStatus.IN_PROGRESS) && row.deadline < asOf,
      });
      const byManager = row.owner_manager_id ? result.get(row.owner_manager_id) : undefined;
      if (byManager) byManager.resolutions.push(fact(ResolutionOwnership.MANAGER));
      for (const managerId of row.owner_agency_id ? (managersOfAgency.get(row.owner_agency_id) ?? []) : []) {
        if (managerId !== row.owner_manager_id)
          result.get(managerId)?.resolutions.push(fact(ResolutionOwnership.AGENCY));
      }
    }

    for (const row of groups) {
      const sessions = (row.sessions ?? []).map((s) => ({
        meetingId: s.id,
        heldAt: new Date(s.heldAt),
        quarter: jalaliQuarterOf(new Date(s.heldAt)).quarter,
        ngoCount: Number(s.ngos),
      }));
      const ngoMemberIds = [...row.ngo_ids].sort();
      const fact: EngagementWorkingGroupFact = {
        workingGroupId: row.id,
        name: row.name,
        chairManagerId: row.chair_manager_id,
        chairAgencyId: row.chair_agency_id,
        dissolvedOn: row.dissolved_on,
        ngoMemberIds,
        sessions,
        sessionsHeld: sessions.length,
        qualifies: ngoMemberIds.length > 0 && sessions.length >= 2,
      };
      const owners = new Set([
        ...(row.chair_manager_id && result.has(row.chair_manager_id) ? [row.chair_manager_id] : []),
        ...(row.chair_agency_id ? (managersOfAgency.get(row.chair_agency_id) ?? []) : []),
      ]);
      for (const managerId of owners) result.get(managerId)?.workingGroups.push(fact);
    }

    for (const row of requests) {
      const responseDays = row.answered ? daysBetween(row.sent, row.answered) : null;
      const fact: EngagementRequestFact = {
        kind: row.kind,
        id: row.id,
        ngoId: row.ngo_id,
        agencyId: row.agency_id,
        submittedOn: row.sent,
        respondedOn: row.answered,
        responseDays,
        answeredWithin30Days: responseDays !== null && responseDays <= 30,
        stillWithin30Days: responseDays === null && daysBetween(row.sent, asOf) < 30,
      };
      for (const managerId of managersOfAgency.get(row.agency_id) ?? []) result.get(managerId)?.requests.push(fact);
    }

    return { year, asOf, generatedAt: new Date(), managers: [...result.values()] };
  }
}
