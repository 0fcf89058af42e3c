/** GraphQL operations of a representative's needs assessments page (docs/coverage.md). */

export interface MyNeedsAssessment {
  id: string;
  assessedOn: string;
  areaId: string;
  area: { name: string } | null;
  priorityNeeds: { id: string; rank: number; dimension: string; description: string }[];
}

export const MY_NEEDS_ASSESSMENTS = /* GraphQL */ `
  query MyNeedsAssessments {
    needsAssessments(limit: 100) {
      items {
        id
        assessedOn
        areaId
        area {
          name
        }
        priorityNeeds {
          id
          rank
          dimension
          description
        }
      }
    }
  }
`;

/** The areas the representative's NGO works in: those it may file an assessment for. */
export const MY_ASSESSABLE_AREAS = /* GraphQL */ `
  query MyAssessableAreas {
    myAssessableAreas {
      id
      name
    }
  }
`;

export const FILE_NEEDS_ASSESSMENT = /* GraphQL */ `
  mutation FileNeedsAssessment($input: NeedsAssessmentCreateInput!) {
    createNeedsAssessment(input: $input) {
      id
    }
  }
`;
