import type { CycleState, Indicator } from './rubric';

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
  year: number;
  provinceId?: string | null;
  managersScored: number;
  managersWithoutTenure: number;
  computedBy: string;
  durationMs: number;
  computedAt: string;
  resultsHash: string;
}

const INDICATOR = 'code title definition weight target unit rule bands { minAchievement score }';
const CYCLE = `id year title state currentRunId publishedAt indicators { ${INDICATOR} }`;
const RUN = 'id year provinceId managersScored managersWithoutTenure computedBy durationMs computedAt resultsHash';

export const CYCLES = `query EvaluationCycles { evaluationCycles { ${CYCLE} } }`;
export const RUNS = `query EvaluationRuns($year: Int!) { evaluationRuns(year: $year) { ${RUN} } }`;
export const UPDATE_RUBRIC = `mutation UpdateRubric($year: Int!, $indicators: [EvaluationIndicatorInput!]!) {
  updateEvaluationRubric(year: $year, indicators: $indicators) { ${CYCLE} }
}`;
export const CHANGE_STATE = `mutation ChangeCycleState($year: Int!, $state: EvaluationCycleState!) {
  changeEvaluationCycleState(year: $year, state: $state) { ${CYCLE} }
}`;
export const RUN_EVALUATION = `mutation RunEvaluation($year: Int!) { runEvaluation(year: $year) { ${RUN} } }`;
export const CREATE_CYCLE = `mutation CreateCycle($year: Int!) { createEvaluationCycle(year: $year) { ${CYCLE} } }`;
export const DISTRIBUTION = `query GradeDistribution($filter: EvaluationResultFilter) { evaluationGradeDistribution(filter: $filter) { grade count } }`;
export const ADJUST = `mutation Adjust($resultId: ID!, $points: Float!, $justification: String!) {
  adjustEvaluationScore(resultId: $resultId, points: $points, justification: $justification) { id points justification adjustedBy adjustedAt }
}`;
export const RESULT = `query EvaluationResultDetail($id: ID!) {
  evaluationResult(id: $id) {
    id year runId cycleId managerId managerName position positionKind provinceId countyId tenureQuarters
    total grade adjustedTotal adjustedGrade provinceRank nationalRank publishedAt
    adjustments { id points justification adjustedBy adjustedAt }
    indicators {
      code title unit raw numerator denominator target proratedTarget achievement score weight contribution
      evidence { kind id label date counted reasons }
    }
  }
}`;
