/** GraphQL operations on change requests of NGOs' regulated fields (docs/self-service.md). */

export type NgoChangeRequestStatus = "PENDING" | "APPROVED" | "REJECTED";

export interface NgoChangeRequestRow {
  id: string;
  ngoId: string;
  ngo: { id: string; name: string } | null;
  status: NgoChangeRequestStatus;
  changes: { field: string; current: string | null; requested: string }[];
  reason: string;
  reference: string | null;
  requestedBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** Requests visible to the user (officers: their territory; a representative: their NGO's), newest first. */
export const NGO_CHANGE_REQUESTS = /* GraphQL */ `
  query NgoChangeRequests($filter: NgoChangeRequestFilter, $limit: Int) {
    ngoChangeRequests(filter: $filter, limit: $limit) {
      totalCount
      items {
        id
        ngoId
        ngo {
          id
          name
        }
        status
        changes {
          field
          current
          requested
        }
        reason
        reference
        requestedBy
        createdAt
        decidedBy
        decidedAt
        decisionNote
      }
    }
  }
`;

export const APPROVE_NGO_CHANGE_REQUEST = /* GraphQL */ `
  mutation ApproveNgoChangeRequest($id: ID!, $note: String) {
    approveNgoChangeRequest(id: $id, note: $note) {
      id
      status
    }
  }
`;

export const REJECT_NGO_CHANGE_REQUEST = /* GraphQL */ `
  mutation RejectNgoChangeRequest($id: ID!, $reason: String!) {
    rejectNgoChangeRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`;
