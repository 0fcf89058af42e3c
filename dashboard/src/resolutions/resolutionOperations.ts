/** GraphQL operations of resolutions' follow-up outside the list convention. */

export const OVERDUE_RESOLUTIONS = `query OverdueResolutions {
  overdueResolutions(limit: 50) {
    totalCount
    items { id text deadline daysOverdue meeting { id title } ownerAgency { id name } ownerManager { id name } }
  }
  overdueResolutionCounts { ownerAgency { id name } ownerManager { id name } overdue oldestDeadline }
}`;

export const RESOLUTION_PROGRESS = `mutation AddResolutionUpdate($resolutionId: ID!, $input: ResolutionProgressInput!) {
  addResolutionUpdate(resolutionId: $resolutionId, input: $input) { id }
}`;
