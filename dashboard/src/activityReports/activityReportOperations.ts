/** GraphQL operations on annual activity reports outside the list convention. */

export const REVIEW_ACTIVITY_REPORT = /* GraphQL */ `
  mutation ReviewNgoActivityReport($id: ID!, $decision: ActivityReportStatus!, $note: String) {
    reviewNgoActivityReport(id: $id, decision: $decision, note: $note) {
      id
      status
      reviewNote
      reviewedBy
      reviewedAt
      version
    }
  }
`;
