/** GraphQL operations of the invitations screen (officials invite NGO representatives, agency respondents, managers). */

/** The dashboard path of the screen. */
export const INVITATIONS_PATH = "/invitations";

/** The roles an official may invite, and the registry resource each one is bound to. */
export const INVITED_ROLES = {
  NGO_REPRESENTATIVE: "ngos",
  AGENCY_RESPONDENT: "agencies",
  MANAGER: "managers",
} as const;
export type InvitedRole = keyof typeof INVITED_ROLES;

export type InvitationState = "OPEN" | "USED" | "EXPIRED" | "REVOKED";

export interface InvitedUser {
  id: string;
  username: string;
  displayName: string;
  role: InvitedRole;
  boundId: string;
  authorisationReference: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
  invitation: { state: InvitationState; expiresAt: string } | null;
}

export interface IssuedInvitation {
  code: string;
  link: string;
  invitation: { expiresAt: string };
  user: { id: string; username: string };
}

const USER_FIELDS = `id username displayName role boundId authorisationReference disabled lastLoginAt invitation { state expiresAt }`;

export const INVITED_USERS = /* GraphQL */ `
  query InvitedUsers($offset: Int, $limit: Int) {
    invitedUsers(offset: $offset, limit: $limit) {
      totalCount
      items { ${USER_FIELDS} }
    }
  }
`;

const ISSUED = `code link invitation { expiresAt } user { id username }`;

export const INVITE_USER = /* GraphQL */ `
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) { ${ISSUED} }
  }
`;

export const REINVITE_USER = /* GraphQL */ `
  mutation ReinviteUser($id: ID!) {
    reinviteUser(id: $id) { ${ISSUED} }
  }
`;

export const DISABLE_INVITED_USER = /* GraphQL */ `
  mutation DisableInvitedUser($id: ID!) {
    disableInvitedUser(id: $id) {
      id
      disabled
    }
  }
`;
