/** The shapes of the 1404 scoring: rubric specs, the facts snapshot, results with evidence. */

/**
 * The pure scoring of the 1404 rubric: facts snapshot + rubric → per-manager results. No I/O, no clock, no
 * randomness; the same snapshot and rubric give byte-equal `canonicalResults` (what `recomputeEvaluationRun` checks).
 */

export type IndicatorCode =
  "REGULARITY" | "PROBLEM_FOCUS" | "NGO_REACH" | "FOLLOW_THROUGH" | "PARTICIPATION" | "RESPONSIVENESS";

export type ScoringRuleKind = "LINEAR" | "BANDED";

export interface ScoreBandSpec {
  /** Lowest achievement (raw / prorated target × 100) that earns the band. */
  minAchievement: number;
  score: number;
}

export interface IndicatorSpec {
  code: IndicatorCode;
  title: string;
  definition: string;
  weight: number;
  target: number;
  unit: string;
  rule: ScoringRuleKind;
  bands: ScoreBandSpec[];
}

// ---- snapshot shapes (JSON; as stored in evaluation_run.snapshot) ----

export interface SnapshotManager {
  id: string;
  name: string;
  position: string;
  positionKind: string;
  agencyId: string;
  provinceId: string;
  countyId: string | null;
  tenureStart: string;
  tenureEnd: string | null;
}

export interface SnapshotMeeting {
  meetingId: string;
  title: string;
  kind: string;
  date: string;
  quarter: number;
  ngoIds: string[];
  countsForRegularity: boolean;
  problemFocused: boolean;
  exclusionReasons: string[];
}

export interface SnapshotManagerFacts {
  managerId: string;
  meetings: SnapshotMeeting[];
  resolutions: {
    resolutionId: string;
    meetingId: string;
    deadline: string;
    status: string;
    completedOn: string | null;
    doneByDeadline: boolean;
    overdue: boolean;
  }[];
  workingGroups: {
    workingGroupId: string;
    name: string;
    ngoMemberIds: string[];
    sessionsHeld: number;
    qualifies: boolean;
  }[];
  requests: {
    kind: string;
    id: string;
    ngoId: string;
    submittedOn: string;
    respondedOn: string | null;
    responseDays: number | null;
    answeredWithin30Days: boolean;
    stillWithin30Days: boolean;
  }[];
}

// ---- raw engagement facts, as `engagementFacts` reports them (format 2 stores these) ----

/** The rubric's qualifying thresholds (values in `rubric.ts`, `QUALIFYING_RULES`). */
export interface QualifyingRules {
  /** PARTICIPATION: sessions a working group with NGO members must hold in the year to count. */
  minWorkingGroupSessions: number;
  /** RESPONSIVENESS: days from submission within which an NGO's proposal or demand must be answered. */
  responseDays: number;
}

export interface RawMeetingFact {
  meetingId: string;
  title: string;
  kind: string;
  date: string;
  quarter: number;
  ngoIds: string[];
  hasAgendaItemOnHarmOrDemand: boolean;
  /** Resolutions adopted (any status). */
  resolutions: number;
}

export interface RawResolutionFact {
  resolutionId: string;
  meetingId: string;
  deadline: string;
  status: string;
  completedOn: string | null;
}

export interface RawWorkingGroupFact {
  workingGroupId: string;
  name: string;
  ngoMemberIds: string[];
  sessionsHeld: number;
}

export interface RawRequestFact {
  kind: string;
  id: string;
  ngoId: string;
  submittedOn: string;
  respondedOn: string | null;
}

export interface RawManagerFacts {
  managerId: string;
  meetings: RawMeetingFact[];
  resolutions: RawResolutionFact[];
  workingGroups: RawWorkingGroupFact[];
  requests: RawRequestFact[];
}

// ---- the facts snapshot of a run, by format ----

interface SnapshotCommon {
  year: number;
  /** The Tehran day the facts were judged on (overdue, pending). */
  asOf: string;
  managers: SnapshotManager[];
  /** Licence state of an NGO on a day, keyed `ngoId|YYYY-MM-DD`. */
  licenceStates: Record<string, string>;
  /** Active NGOs per province code and per county code. */
  activeNgos: { byProvince: Record<string, number>; byCounty: Record<string, number> };
  /**
   * Active NGOs with a valid licence (ACTIVE or EXPIRING) on the facts' day, per province and county code: NGO_REACH's
   * denominator under rules version 2. Absent in snapshots fetched before it (those runs use rules version 1).
   */
  licensedNgos?: { byProvince: Record<string, number>; byCounty: Record<string, number> };
}

/**
 * Format 1, the first runs' snapshots (no `formatVersion` key): per manager, the facts as already judged (by the
 * engagement service at the time), agency-owned resolutions and requests repeated for every manager of the agency.
 * Read only, never written again; scored exactly as when stored.
 */
export interface FactsSnapshotV1 extends SnapshotCommon {
  formatVersion?: undefined;
  facts: SnapshotManagerFacts[];
}

/** A manager's own raw facts in format 2: meetings chaired, resolutions owned, working groups chaired. */
export interface SnapshotOwnFacts {
  managerId: string;
  meetings: RawMeetingFact[];
  resolutions: RawResolutionFact[];
  workingGroups: RawWorkingGroupFact[];
}

/** An agency's raw facts in format 2, once for all its managers. */
export interface SnapshotAgencyFacts {
  agencyId: string;
  /** Resolutions the agency owns; `ownerManagerId` keeps them out of the owner manager's facts (counted there as own). */
  resolutions: (RawResolutionFact & { ownerManagerId: string | null })[];
  /** Working groups the agency chairs. */
  workingGroups: RawWorkingGroupFact[];
  /** Proposals and demands routed to the agency. */
  requests: RawRequestFact[];
}

/**
 * Format 2: the raw facts, judged when scored by the thresholds stored with them (`rules`); what an agency owns is
 * stored once (`agencies`) and each manager refers to it by `SnapshotManager.agencyId`.
 */
export interface FactsSnapshotV2 extends SnapshotCommon {
  formatVersion: 2;
  rules: QualifyingRules;
  /** Managers with facts of their own (others have none), sorted by manager id. */
  facts: SnapshotOwnFacts[];
  /** Agencies with facts, sorted by agency id. */
  agencies: SnapshotAgencyFacts[];
}

/** The facts a run is scored with: format 1 (old runs) or format 2 (stored as such, or packed as format 3). */
export type FactsSnapshot = FactsSnapshotV1 | FactsSnapshotV2;

/**
 * Format 3 (what new runs write): `evaluation_run.snapshot` holds only this header; the format 2 facts are packed
 * in `evaluation_run.snapshot_packed` (see `snapshotPacking.ts`).
 */
export interface PackedSnapshotHeader {
  formatVersion: 3;
  year: number;
  asOf: string;
  /** How `snapshot_packed` is encoded. */
  encoding: string;
}

/** What `evaluation_run.snapshot` holds: format 1 or 2 facts (runs before format 3) or a format 3 header. */
export type StoredSnapshot = FactsSnapshot | PackedSnapshotHeader;

// ---- results ----

export interface EvidenceItem {
  kind: "MEETING" | "RESOLUTION" | "WORKING_GROUP" | "PROPOSAL" | "DEMAND" | "NGO_ATTENDANCE" | "QUARTER";
  id: string;
  label: string;
  date: string | null;
  counted: boolean;
  reasons: string[];
}

export interface IndicatorResultData {
  code: IndicatorCode;
  title: string;
  unit: string;
  raw: number;
  numerator: number;
  denominator: number | null;
  target: number;
  proratedTarget: number;
  achievement: number;
  score: number;
  weight: number;
  contribution: number;
  evidence: EvidenceItem[];
  /** Rules version 2 only (absent in version 1 results, which must stay byte-equal): whether the indicator applies. */
  applicable?: boolean;
  /** Rules version 2 only: the weight applied after redistributing the weights of not-applicable indicators. */
  appliedWeight?: number;
  /** Rules version 2 only: why the indicator does not apply (Persian); null when it applies. */
  notApplicableReason?: string | null;
}

export interface ManagerResultData {
  managerId: string;
  managerName: string;
  position: string;
  positionKind: string;
  provinceId: string;
  countyId: string | null;
  tenureQuarters: number[];
  total: number;
  grade: string;
  provinceRank: number;
  nationalRank: number;
  indicators: IndicatorResultData[];
}
