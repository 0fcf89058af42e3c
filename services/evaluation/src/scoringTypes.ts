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

export interface FactsSnapshot {
  year: number;
  asOf: string;
  /** The qualifying thresholds the facts were judged with; absent in the first runs' snapshots (see `UNSTATED_RULES`). */
  rules?: { minWorkingGroupSessions: number; responseDays: number };
  managers: SnapshotManager[];
  facts: SnapshotManagerFacts[];
  /** Licence state of an NGO on a day, keyed `ngoId|YYYY-MM-DD`. */
  licenceStates: Record<string, string>;
  /** Active NGOs per province code and per county code. */
  activeNgos: { byProvince: Record<string, number>; byCounty: Record<string, number> };
}

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
