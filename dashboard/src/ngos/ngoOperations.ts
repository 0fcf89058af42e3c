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
