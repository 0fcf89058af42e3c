import { memoized } from "@hamafza/common";
import { judgeManagerFacts, judgeRequests } from "./qualifying";
import {
  FactsSnapshot,
  FactsSnapshotV2,
  QualifyingRules,
  RawManagerFacts,
  RawMeetingFact,
  RawRequestFact,
  RawResolutionFact,
  RawWorkingGroupFact,
  SnapshotAgencyFacts,
  SnapshotManager,
  SnapshotManagerFacts,
  SnapshotOwnFacts,
} from "./scoringTypes";

/**
 * The facts snapshot of a run, by format version (pure). Format 1 (the first runs, no `formatVersion`): judged facts
 * per manager, agency facts repeated per manager. Format 2: raw facts with the thresholds that judge them, agency
 * facts once. Scoring reads either through `managerFactsOf`. Format 3 (`SNAPSHOT_FORMAT_VERSION`, what new runs
 * store): format 2 facts packed into bytes (`snapshotPacking.ts`), unpacked to format 2 before scoring.
 */
export const SNAPSHOT_FORMAT_VERSION = 3;

/**
 * The thresholds format 1 snapshots were judged with (they stored judged flags, not thresholds): frozen here, never
 * the live `QUALIFYING_RULES`, so recomputing such a run gives its stored results whatever the rubric becomes.
 */
export const FORMAT_1_RULES: Readonly<QualifyingRules> = Object.freeze({
  minWorkingGroupSessions: 2,
  responseDays: 30,
});

/** The thresholds a snapshot's facts are judged with. */
export const rulesOf = (snapshot: FactsSnapshot): QualifyingRules =>
  snapshot.formatVersion === 2 ? snapshot.rules : FORMAT_1_RULES;

const byKey =
  <T>(...keys: ((item: T) => string)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
const resolutionOrder = byKey<RawResolutionFact>(
  (r) => r.deadline,
  (r) => r.resolutionId,
);
const groupOrder = byKey<RawWorkingGroupFact>(
  (g) => g.name,
  (g) => g.workingGroupId,
);
const requestOrder = byKey<RawRequestFact>(
  (r) => r.submittedOn,
  (r) => r.id,
);

const rawResolution = (r: RawResolutionFact): RawResolutionFact => ({
  resolutionId: r.resolutionId,
  meetingId: r.meetingId,
  deadline: r.deadline,
  status: r.status,
  completedOn: r.completedOn,
});
/**
 * An agency's resolution: `rawResolution`'s members, then who owns it — added to that object, not `{
 * ...rawResolution(r), ownerManagerId }`: V8 gives every object made by a spread followed by a member a hidden class
 * of its own (a map, a descriptor array and an enumeration cache each: ≈ 20 MB more heap for the whole country's
 * 47,000 of them), where members added in the same order share one.
 */
const agencyResolution = (
  r: RawResolutionFact & { ownerManagerId: string | null },
): SnapshotAgencyFacts["resolutions"][number] => Object.assign(rawResolution(r), { ownerManagerId: r.ownerManagerId });
const rawGroup = (g: RawWorkingGroupFact): RawWorkingGroupFact => ({
  workingGroupId: g.workingGroupId,
  name: g.name,
  ngoMemberIds: g.ngoMemberIds,
  sessionsHeld: g.sessionsHeld,
});
const rawRequest = (r: RawRequestFact): RawRequestFact => ({
  kind: r.kind,
  id: r.id,
  ngoId: r.ngoId,
  submittedOn: r.submittedOn,
  respondedOn: r.respondedOn,
});
const rawMeeting = (m: RawMeetingFact): RawMeetingFact => ({
  meetingId: m.meetingId,
  title: m.title,
  kind: m.kind,
  date: m.date,
  quarter: m.quarter,
  ngoIds: m.ngoIds,
  hasAgendaItemOnHarmOrDemand: m.hasAgendaItemOnHarmOrDemand,
  resolutions: m.resolutions,
});

/** One manager's facts as the engagement service answers them: raw, with who owns what. */
export interface EngagementManagerAnswer {
  managerId: string;
  meetings: RawMeetingFact[];
  resolutions: (RawResolutionFact & {
    ownedBy: string;
    ownerManagerId: string | null;
    ownerAgencyId: string | null;
  })[];
  workingGroups: (RawWorkingGroupFact & { chairManagerId: string | null; chairAgencyId: string | null })[];
  requests: (RawRequestFact & { agencyId: string })[];
}

/**
 * A format 2 snapshot from the engagement answer (which repeats agency facts for every manager of the agency): a
 * manager's own meetings, resolutions (owned as MANAGER) and chaired working groups stay with the manager; agency
 * resolutions, agency-chaired groups and requests go once to their agency.
 */
export function snapshotFromEngagement(input: {
  year: number;
  asOf: string;
  rules: QualifyingRules;
  managers: SnapshotManager[];
  engagement: EngagementManagerAnswer[];
  licenceStates: Record<string, string>;
  activeNgos: FactsSnapshotV2["activeNgos"];
  licensedNgos?: FactsSnapshotV2["licensedNgos"];
}): FactsSnapshotV2 {
  const builder = new SnapshotBuilder();
  builder.add(input.engagement);
  return builder.build(input);
}

/**
 * `snapshotFromEngagement` a page of the engagement answer at a time (a run reads the facts in pages and folds each
 * in as it arrives, so no page is kept): the same snapshot whatever the pages, provided every manager's answer is
 * added once — the agency facts are merged by id and everything is sorted by `build`.
 */
export class SnapshotBuilder {
  private readonly own: SnapshotOwnFacts[] = [];
  private readonly agencies = new Map<
    string,
    {
      resolutions: Map<string, SnapshotAgencyFacts["resolutions"][number]>;
      groups: Map<string, RawWorkingGroupFact>;
      requests: Map<string, RawRequestFact>;
    }
  >();

  private agency(id: string) {
    let entry = this.agencies.get(id);
    if (!entry) this.agencies.set(id, (entry = { resolutions: new Map(), groups: new Map(), requests: new Map() }));
    return entry;
  }

  /** Folds in the answers of some managers; returns the meetings of theirs kept (for the licence-state questions). */
  add(answers: EngagementManagerAnswer[]): RawMeetingFact[] {
    const meetings: RawMeetingFact[] = [];
    for (const answer of answers) {
      const mine: SnapshotOwnFacts = {
        managerId: answer.managerId,
        meetings: answer.meetings.map(rawMeeting),
        resolutions: [],
        workingGroups: [],
      };
      for (const r of answer.resolutions) {
        if (r.ownedBy === "MANAGER") mine.resolutions.push(rawResolution(r));
        else if (r.ownerAgencyId) this.agency(r.ownerAgencyId).resolutions.set(r.resolutionId, agencyResolution(r));
      }
      for (const g of answer.workingGroups) {
        if (g.chairManagerId === answer.managerId) mine.workingGroups.push(rawGroup(g));
        else if (g.chairAgencyId) this.agency(g.chairAgencyId).groups.set(g.workingGroupId, rawGroup(g));
      }
      for (const r of answer.requests) this.agency(r.agencyId).requests.set(`${r.kind}:${r.id}`, rawRequest(r));
      if (mine.meetings.length || mine.resolutions.length || mine.workingGroups.length) this.own.push(mine);
      meetings.push(...mine.meetings);
    }
    return meetings;
  }

  /** The format 2 snapshot of everything added. */
  build(input: {
    year: number;
    asOf: string;
    rules: QualifyingRules;
    managers: SnapshotManager[];
    licenceStates: Record<string, string>;
    activeNgos: FactsSnapshotV2["activeNgos"];
    licensedNgos?: FactsSnapshotV2["licensedNgos"];
  }): FactsSnapshotV2 {
    return {
      formatVersion: 2,
      year: input.year,
      asOf: input.asOf,
      rules: { ...input.rules },
      managers: input.managers,
      facts: [...this.own].sort(byKey((f) => f.managerId)),
      agencies: [...this.agencies]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([agencyId, a]) => ({
          agencyId,
          resolutions: [...a.resolutions.values()].sort(resolutionOrder),
          workingGroups: [...a.groups.values()].sort(groupOrder),
          requests: [...a.requests.values()].sort(requestOrder),
        })),
      licenceStates: input.licenceStates,
      activeNgos: input.activeNgos,
      ...(input.licensedNgos ? { licensedNgos: input.licensedNgos } : {}),
    };
  }
}

/**
 * A manager's raw facts in a format 2 snapshot: its own, plus its agency's (resolutions it owns itself counted once,
 * as its own); resolutions by deadline, groups by name, requests by submission day (ids break ties).
 */
export function rawFactsOf(
  manager: SnapshotManager,
  own: SnapshotOwnFacts | undefined,
  agency: SnapshotAgencyFacts | undefined,
): RawManagerFacts {
  const ownGroups = new Set((own?.workingGroups ?? []).map((g) => g.workingGroupId));
  return {
    managerId: manager.id,
    meetings: own?.meetings ?? [],
    resolutions: [
      ...(own?.resolutions ?? []),
      ...(agency?.resolutions ?? []).filter((r) => r.ownerManagerId !== manager.id).map(rawResolution),
    ].sort(resolutionOrder),
    workingGroups: [
      ...(own?.workingGroups ?? []),
      ...(agency?.workingGroups ?? []).filter((g) => !ownGroups.has(g.workingGroupId)),
    ].sort(groupOrder),
    requests: agency?.requests ?? [],
  };
}

/** The judged facts of each manager of a snapshot, in either format (undefined: the manager has none). */
export function managerFactsOf(
  snapshot: FactsSnapshot,
): (manager: SnapshotManager) => SnapshotManagerFacts | undefined {
  if (snapshot.formatVersion !== 2) {
    const factsOf = new Map(snapshot.facts.map((f) => [f.managerId, f]));
    return (manager) => factsOf.get(manager.id);
  }
  const ownOf = new Map(snapshot.facts.map((f) => [f.managerId, f]));
  const agencyOf = new Map(snapshot.agencies.map((a) => [a.agencyId, a]));
  // An agency's requests are every one of its managers' (≈ 6.7 a agency in the national data): judged once, shared.
  const judgedRequests = memoized((agency: SnapshotAgencyFacts) =>
    judgeRequests(agency.requests, snapshot.asOf, snapshot.rules),
  );
  return (manager) => {
    const own = ownOf.get(manager.id);
    const agency = agencyOf.get(manager.agencyId);
    if (!own && !agency) return undefined;
    const raw = rawFactsOf(manager, own, agency);
    return judgeManagerFacts(raw, snapshot.asOf, snapshot.rules, agency ? judgedRequests(agency) : []);
  };
}
