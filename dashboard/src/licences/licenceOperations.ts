/** Licence lifecycle mutations (outside the list convention: react-admin's create/update do not apply). */

const LICENCE_RESULT = "id state status expiresOn suspendedUntil statusReason updatedAt";

export const ISSUE_LICENCE = /* GraphQL */ `
  mutation IssueLicence($input: LicenceIssueInput!) { issueLicence(input: $input) { ${LICENCE_RESULT} ngoId } }
`;

export const LICENCE_TRANSITIONS = {
  renew: /* GraphQL */ `
    mutation RenewLicence($id: ID!, $input: LicenceRenewInput!) { renewLicence(id: $id, input: $input) { ${LICENCE_RESULT} } }
  `,
  suspend: /* GraphQL */ `
    mutation SuspendLicence($id: ID!, $input: LicenceSuspendInput!) { suspendLicence(id: $id, input: $input) { ${LICENCE_RESULT} } }
  `,
  reinstate: /* GraphQL */ `
    mutation ReinstateLicence($id: ID!, $input: LicenceReinstateInput!) { reinstateLicence(id: $id, input: $input) { ${LICENCE_RESULT} } }
  `,
  revoke: /* GraphQL */ `
    mutation RevokeLicence($id: ID!, $input: LicenceRevokeInput!) { revokeLicence(id: $id, input: $input) { ${LICENCE_RESULT} } }
  `,
} as const;

export type LicenceTransition = keyof typeof LICENCE_TRANSITIONS;

/** Which transitions the server allows from a licence state (others are INVALID_TRANSITION). */
export function allowedTransitions(state: string | undefined): LicenceTransition[] {
  switch (state) {
    case "ACTIVE":
    case "EXPIRING":
      return ["renew", "suspend", "revoke"];
    case "EXPIRED":
      return ["renew", "revoke"];
    case "SUSPENDED":
      return ["reinstate", "revoke"];
    default:
      return [];
  }
}

/** A new licence may be issued while the NGO has none, or its current one has expired or was revoked. */
export function canIssueLicence(ngoLicenceState: string | undefined, ngoStatus?: string): boolean {
  return ngoStatus !== "DISSOLVED" && ["NONE", "EXPIRED", "REVOKED"].includes(ngoLicenceState ?? "NONE");
}

/** Only the given, non-empty values: the inputs' optional fields are omitted rather than sent empty. */
export function compactInput(values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    fields
      .map((field) => [field, values[field]] as const)
      .filter(([, value]) => value !== undefined && value !== null && value !== ""),
  );
}
