import { memoized } from "@hamafza/common";
import { MeetingKind } from "../entities/Meeting";
import { ResolutionStatus } from "../entities/Resolution";
import { daysBetween, jalaliPeriodOfDay, tehranDay } from "../util/time";
import { EngagementRequestKind } from "./analytics";
import {
  EngagementRequestFact,
  EngagementResolutionFact,
  EngagementWorkingGroupFact,
  ManagerEngagementFacts,
  ResolutionOwnership,
} from "./factsInputs";

export const MAX_MANAGERS = 50_000;

/** A held meeting of the year as read by `engagementFacts` (statement 1). */
export interface MeetingFactRow {
  id: string;
  title: string;
  kind: MeetingKind;
  chair_id: string;
  held_at: Date;
  province_id: string;
  county_id: string | null;
  /** The NGOs present, comma-separated in id order; null when none. */
  ngo_ids: string | null;
  agenda_items: string;
  focused: string;
  resolutions: string;
}

/** A resolution due in the year (statement 2). */
export interface ResolutionFactRow {
  id: string;
  meeting_id: string;
  owner_manager_id: string | null;
  owner_agency_id: string | null;
  deadline: string;
  status: ResolutionStatus;
  completed_on: string | null;
}

/** A working group with its NGO members and sessions of the year (statement 3). */
export interface WorkingGroupFactRow {
  id: string;
  name: string;
  chair_manager_id: string | null;
  chair_agency_id: string | null;
  dissolved_on: string | null;
  ngo_ids: string[];
  sessions: { id: string; heldAt: string; ngos: number }[] | null;
}

/** A proposal or demand routed to an agency (statement 4). */
export interface RequestFactRow {
  kind: EngagementRequestKind;
  id: string;
  ngo_id: string;
  agency_id: string;
  sent: string;
  answered: string | null;
}

export interface FactRows {
  /** Whether the managers were not listed (every manager with a fact is included). */
  all: boolean;
  /** The managers asked for (listed ones and those of `agencyOf`). */
  ids: string[];
  /** Each manager's agency, to attribute agency-owned facts. */
  agencyOf: Map<string, string>;
  /** The Tehran day overdue and pending states are judged on. */
  asOf: string;
  meetings: MeetingFactRow[];
  resolutions: ResolutionFactRow[];
  groups: WorkingGroupFactRow[];
  requests: RequestFactRow[];
}

/**
 * The Jalali quarter of a Tehran calendar day, remembered per day: the quarter of an instant is that of its Tehran
 * day, and a year's facts have a few hundred days for ≈ 100,000 meetings (each conversion is an `Intl` call).
 */
const quarterOfDayCache = () => memoized((day: string) => jalaliPeriodOfDay(day).quarter);

/**
 * The pure half of `engagementFacts`: attributes the rows read from the database to managers — meetings to their
 * chair; resolutions to the owner manager and to every other manager of the owner agency; working groups to the
 * chairing manager and the chairing agency's managers (once each); requests to the managers of the agency they were
 * routed to. One entry per manager, sorted by manager id; the evidence keeps the rows' order. Raw facts only: what
 * counts (and every threshold) is the evaluation rubric's decision.
 */
export function assembleFacts(rows: FactRows): ManagerEngagementFacts[] {
  const { all, ids, agencyOf, asOf, meetings, resolutions, groups, requests } = rows;
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

  const quarterOf = quarterOfDayCache();
  for (const row of meetings) {
    const facts = result.get(row.chair_id);
    if (!facts) continue;
    const heldAt = new Date(row.held_at);
    const ngoIds = row.ngo_ids ? row.ngo_ids.split(",") : [];
    const focused = Number(row.focused) > 0;
    const date = tehranDay(heldAt);
    facts.meetings.push({
      meetingId: row.id,
      title: row.title,
      kind: row.kind,
      heldAt,
      date,
      quarter: quarterOf(date),
      provinceId: row.province_id,
      countyId: row.county_id,
      ngoIds,
      agendaItems: Number(row.agenda_items),
      hasAgendaItemOnHarmOrDemand: focused,
      resolutions: Number(row.resolutions),
    });
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
    // One fact object for every manager of the owner agency (as for groups and requests below).
    let byAgency: EngagementResolutionFact | undefined;
    for (const managerId of row.owner_agency_id ? (managersOfAgency.get(row.owner_agency_id) ?? []) : []) {
      if (managerId !== row.owner_manager_id)
        result.get(managerId)?.resolutions.push((byAgency ??= fact(ResolutionOwnership.AGENCY)));
    }
  }

  for (const row of groups) {
    const sessions = (row.sessions ?? []).map((s) => ({
      meetingId: s.id,
      heldAt: new Date(s.heldAt),
      quarter: quarterOf(tehranDay(new Date(s.heldAt))),
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
    };
    const owners = new Set([
      ...(row.chair_manager_id && result.has(row.chair_manager_id) ? [row.chair_manager_id] : []),
      ...(row.chair_agency_id ? (managersOfAgency.get(row.chair_agency_id) ?? []) : []),
    ]);
    for (const managerId of owners) result.get(managerId)?.workingGroups.push(fact);
  }

  for (const row of requests) {
    const fact: EngagementRequestFact = {
      kind: row.kind,
      id: row.id,
      ngoId: row.ngo_id,
      agencyId: row.agency_id,
      submittedOn: row.sent,
      respondedOn: row.answered,
      responseDays: row.answered ? daysBetween(row.sent, row.answered) : null,
    };
    for (const managerId of managersOfAgency.get(row.agency_id) ?? []) result.get(managerId)?.requests.push(fact);
  }

  return [...result.values()];
}

/**
 * `EngagementFacts.evaluationRows`: the assembled facts with only the fields the evaluation service reads, in the
 * key order its query named them (plain values: the enums are their names, the days `YYYY-MM-DD` strings), so the
 * answer is one JSON value instead of a GraphQL resolution per leaf.
 */
export function evaluationRowsOf(managers: ManagerEngagementFacts[]) {
  // An agency's facts are one object repeated for each of its managers: each is shaped once and the shape repeated.
  const resolution = memoized((r: EngagementResolutionFact) => ({
    resolutionId: r.resolutionId,
    meetingId: r.meetingId,
    deadline: r.deadline,
    status: r.status,
    completedOn: r.completedOn,
    ownedBy: r.ownedBy,
    ownerManagerId: r.ownerManagerId,
    ownerAgencyId: r.ownerAgencyId,
  }));
  const workingGroup = memoized((g: EngagementWorkingGroupFact) => ({
    workingGroupId: g.workingGroupId,
    name: g.name,
    ngoMemberIds: g.ngoMemberIds,
    sessionsHeld: g.sessionsHeld,
    chairManagerId: g.chairManagerId,
    chairAgencyId: g.chairAgencyId,
  }));
  const request = memoized((r: EngagementRequestFact) => ({
    kind: r.kind,
    id: r.id,
    ngoId: r.ngoId,
    agencyId: r.agencyId,
    submittedOn: r.submittedOn,
    respondedOn: r.respondedOn,
  }));
  return managers.map((f) => ({
    managerId: f.managerId,
    meetings: f.meetings.map((m) => ({
      meetingId: m.meetingId,
      title: m.title,
      kind: m.kind,
      date: m.date,
      quarter: m.quarter,
      ngoIds: m.ngoIds,
      hasAgendaItemOnHarmOrDemand: m.hasAgendaItemOnHarmOrDemand,
      resolutions: m.resolutions,
    })),
    resolutions: f.resolutions.map(resolution),
    workingGroups: f.workingGroups.map(workingGroup),
    requests: f.requests.map(request),
  }));
}

/** One manager's row of `evaluationRowsOf`. */
export type EvaluationRow = ReturnType<typeof evaluationRowsOf>[number];

/**
 * `evaluationRows(shareAgencyFacts: true)`: the same rows with every resolution, working group and request written
 * once in `shared` and named by its position there in each manager's row. An agency's facts are repeated for each of
 * its managers — at national scale two thirds of the plain answer — and are one object each here
 * (`evaluationRowsOf`), so each is written once.
 */
export function shareRepeatedFacts(rows: EvaluationRow[]) {
  const table = <T extends object>() => {
    const items: T[] = [];
    const positions = new Map<T, number>();
    const positionOf = (item: T): number => {
      let position = positions.get(item);
      if (position === undefined) positions.set(item, (position = items.push(item) - 1));
      return position;
    };
    return { items, positionOf };
  };
  const resolutions = table<EvaluationRow["resolutions"][number]>();
  const workingGroups = table<EvaluationRow["workingGroups"][number]>();
  const requests = table<EvaluationRow["requests"][number]>();
  const managers = rows.map((row) => ({
    managerId: row.managerId,
    meetings: row.meetings,
    resolutions: row.resolutions.map(resolutions.positionOf),
    workingGroups: row.workingGroups.map(workingGroups.positionOf),
    requests: row.requests.map(requests.positionOf),
  }));
  return {
    shared: { resolutions: resolutions.items, workingGroups: workingGroups.items, requests: requests.items },
    managers,
  };
}
