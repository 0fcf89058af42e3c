/** GraphQL operations on projects outside the list convention. */

export const PROJECT_PROGRESS = `mutation AddProjectUpdate($projectId: ID!, $input: ProjectProgressInput!) {
  addProjectUpdate(projectId: $projectId, input: $input) { id }
}`;

/** The priority needs found by the needs assessments of one area (the project form's priority-need picker). */
export const AREA_PRIORITY_NEEDS = `query AreaPriorityNeeds($areaId: ID!) {
  needsAssessments(filter: { areaId: $areaId }, limit: 50) {
    items { id assessedOn priorityNeeds { id rank dimension description } }
  }
}`;

export interface AreaPriorityNeeds {
  needsAssessments: {
    items: {
      id: string;
      assessedOn: string;
      priorityNeeds: { id: string; rank: number; dimension: string; description: string }[];
    }[];
  };
}
