import type { PersonName } from "../common/personName";
import type { CycleState, Indicator } from "./rubric";
import type { RunChange, RunPhase, RunStatus, WhatIfRow } from "./runs";

export interface Cycle {
  id: string;
  year: number;
  title: string;
  state: CycleState;
  currentRunId?: string | null;
  publishedAt?: string | null;
  indicators: Indicator[];
}

export interface Run {
  id: string;
  cycleId: string;
  year: number;
  provinceId?: string | null;
  status: RunStatus;
  phase: RunPhase;
  progress: number;
  failureMessage?: string | null;
  managersScored: number;
  managersWithoutTenure: number;
  computedBy: string;
  /** Who ran it, by name (empty when identity no longer knows the user: show `computedBy`). */
  computedByPerson?: PersonName | null;
  durationMs?: number | null;
  computedAt: string;
  finishedAt?: string | null;
  resultsHash?: string | null;
  factsAsOf?: string | null;
}

/** A run with the rubric it was computed with (comparison and what-if screens). */
export interface RunWithRubric extends Run {
  rubric: Indicator[];
}

export interface CyclePage {
  items: Cycle[];
  totalCount: number;
}

export type { RunChange, WhatIfRow };

const INDICATOR = "code title definition weight target unit rule bands { minAchievement score }";
const CYCLE = `id year title state currentRunId publishedAt indicators { ${INDICATOR} }`;
const RUN_FIELDS = `id cycleId year provinceId status phase progress failureMessage managersScored managersWithoutTenure computedBy
  computedByPerson { displayName } durationMs computedAt finishedAt resultsHash factsAsOf`;

/** Every cycle (a page; a country has one cycle a year, so 100 covers a century). */
export const CYCLES = `query EvaluationCycles { evaluationCycles(limit: 100) { totalCount items { ${CYCLE} } } }`;
export const RUNS = `query EvaluationRuns($year: Int!) { evaluationRuns(year: $year) { ${RUN_FIELDS} } }`;
export const RUNS_WITH_RUBRIC = `query EvaluationRunsWithRubric($year: Int!) { evaluationRuns(year: $year) { ${RUN_FIELDS} rubric { ${INDICATOR} } } }`;
export const RUN_BY_ID = `query EvaluationRun($id: ID!) { evaluationRun(id: $id) { ${RUN_FIELDS} } }`;
export const START_RUN = `mutation StartEvaluationRun($year: Int!) { startEvaluationRun(year: $year) { ${RUN_FIELDS} } }`;
export const RUN_DIFF = `query EvaluationRunDiff($fromRunId: ID!, $toRunId: ID!) {
  evaluationRunDiff(fromRunId: $fromRunId, toRunId: $toRunId) { managerId managerName before after delta gradeBefore gradeAfter changedIndicators }
}`;
export const WHAT_IF = `query EvaluationWhatIf($runId: ID!, $indicators: [EvaluationIndicatorInput!]!) {
  evaluationWhatIf(runId: $runId, indicators: $indicators) {
    managerId managerName positionKind provinceId computedTotal total delta grade provinceRank nationalRank
  }
}`;
export const UPDATE_RUBRIC = `mutation UpdateEvaluationRubric($year: Int!, $indicators: [EvaluationIndicatorInput!]!) {
  updateEvaluationRubric(year: $year, indicators: $indicators) { ${CYCLE} }
}`;
export const CHANGE_STATE = `mutation ChangeEvaluationCycleState($year: Int!, $state: EvaluationCycleState!) {
  changeEvaluationCycleState(year: $year, state: $state) { ${CYCLE} }
}`;
export const CREATE_CYCLE = `mutation CreateEvaluationCycle($year: Int!) { createEvaluationCycle(year: $year) { ${CYCLE} } }`;
export const DISTRIBUTION = `query EvaluationGradeDistribution($filter: EvaluationResultFilter) { evaluationGradeDistribution(filter: $filter) { grade count } }`;
export const ADJUST = `mutation AdjustEvaluationScore($resultId: ID!, $points: Float!, $justification: String!) {
  adjustEvaluationScore(resultId: $resultId, points: $points, justification: $justification) { id points justification adjustedBy adjustedByPerson { displayName } adjustedAt }
}`;
export const RESULT = `query EvaluationResultDetail($id: ID!) {
  evaluationResult(id: $id) {
    id year runId cycleId managerId managerName position positionKind provinceId countyId tenureQuarters
    total grade adjustedTotal adjustedGrade provinceRank nationalRank publishedAt
    adjustments { id points justification adjustedBy adjustedByPerson { displayName } adjustedAt }
    indicators {
      code title unit raw numerator denominator target proratedTarget achievement score weight contribution
      applicable appliedWeight notApplicableReason
      evidence { kind id label date counted reasons }
    }
  }
}`;

export const PROVINCE_SUMMARIES = `query ProvinceSummaries($year: Int!) {
  provinces(limit: 50, sort: { field: "name", order: ASC }) { items { id name evaluationSummary(year: $year) { managersScored } } }
}`;

export const COUNTY_SUMMARIES = `query CountySummaries($year: Int!, $provinceId: ID!) {
  counties(filter: { provinceId: $provinceId }, limit: 200, sort: { field: "name", order: ASC }) {
    items { id name evaluationSummary(year: $year) { managersScored averageTotal indicatorAverages { code averageScore } } }
  }
}`;
