/** GraphQL operations of managers' objections (issue 15): the manager's own result, filing, the evaluators' list. */

const OBJECTION = `id resultId managerId managerName indicatorCode text missingRecordKind missingRecordId status outcome
  resolutionNote recomputeRunId adjustmentId filedBy filedAt resolvedBy resolvedAt`;
const INDICATOR = `code title unit raw numerator denominator target proratedTarget achievement score weight contribution
  applicable appliedWeight notApplicableReason evidence { kind id label date counted reasons }`;

/** The manager's own results (the server shows a manager only theirs: under review, or published) and the cycles. */
export const MY_EVALUATION = `query MyEvaluation($year: Int!) {
  evaluationResults(filter: { year: $year }, limit: 5) {
    items {
      id year cycleId managerName position tenureQuarters total grade adjustedTotal adjustedGrade publishedAt
      indicators { ${INDICATOR} }
    }
  }
}`;

export const MY_CYCLES = `query MyEvaluationCycles { evaluationCycles(limit: 100) { items { id year state } } }`;

export const FILE_OBJECTION = `mutation FileEvaluationObjection($resultId: ID!, $indicatorCode: String!, $text: String!,
  $missingRecordKind: EvaluationObjectionRecordKind, $missingRecordId: ID) {
  fileEvaluationObjection(resultId: $resultId, indicatorCode: $indicatorCode, text: $text,
    missingRecordKind: $missingRecordKind, missingRecordId: $missingRecordId) { ${OBJECTION} }
}`;

export const OBJECTIONS = `query EvaluationObjections($filter: EvaluationObjectionFilter, $offset: Int, $limit: Int) {
  evaluationObjections(filter: $filter, offset: $offset, limit: $limit) { totalCount items { ${OBJECTION} } }
}`;

export const RESOLVE_OBJECTION = `mutation ResolveEvaluationObjection($id: ID!, $decision: EvaluationObjectionStatus!, $note: String!,
  $outcome: EvaluationObjectionOutcome, $points: Float) {
  resolveEvaluationObjection(id: $id, decision: $decision, note: $note, outcome: $outcome, points: $points) { ${OBJECTION} }
}`;
