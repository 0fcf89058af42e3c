/** GraphQL operations on projects outside the list convention. */

export const PROJECT_PROGRESS = `mutation AddProjectUpdate($projectId: ID!, $input: ProjectProgressInput!) {
  addProjectUpdate(projectId: $projectId, input: $input) { id }
}`;
