/** GraphQL operations on NGOs outside the list convention. */

export const IMPORT_NGOS = /* GraphQL */ `
  mutation ImportNgos($csv: String!, $dryRun: Boolean!) {
    importNgos(csv: $csv, dryRun: $dryRun) {
      ok
      dryRun
      rowCount
      importedCount
      problemCount
      recognisedColumns
      ignoredColumns
      ngoIds
      durationMs
      problems {
        row
        column
        field
        message
        value
      }
    }
  }
`;

/** The NGO's listing in the public register, with its recorded consent (docs/public-register.md). */
export const NGO_PUBLIC_LISTING = /* GraphQL */ `
  query NgoPublicListing($id: ID!) {
    ngo(id: $id) {
      id
      publicListing {
        consentOn
        consentNote
        listedBy
        listedAt
      }
    }
  }
`;

export const LIST_NGO_PUBLICLY = /* GraphQL */ `
  mutation ListNgoPublicly($id: ID!, $input: NgoPublicListingInput!) {
    listNgoPublicly(id: $id, input: $input) {
      id
    }
  }
`;

export const UNLIST_NGO_PUBLICLY = /* GraphQL */ `
  mutation UnlistNgoPublicly($id: ID!) {
    unlistNgoPublicly(id: $id) {
      id
    }
  }
`;
