/** GraphQL operations of supervision records (docs/activity-reports.md, "Supervision"). */
import type { PersonName } from "../common/personName";

const RECORD_FIELDS =
  "id kind recordedOn text activityReportId licenceEventId createdBy createdByPerson { displayName } licenceEvent { action effectiveOn }";

export const NGO_SUPERVISION_RECORDS = `query NgoSupervisionRecords($ngoId: ID!) {
  supervisionRecords(filter: { ngoId: $ngoId }, limit: 100) { totalCount items { ${RECORD_FIELDS} } }
}`;

export const CREATE_SUPERVISION_RECORD = `mutation CreateSupervisionRecord($input: SupervisionRecordCreateInput!) {
  createSupervisionRecord(input: $input) { id }
}`;

/** What a new record may follow from or justify: the NGO's activity reports and its licences' actions. */
export const SUPERVISION_LINK_CHOICES = `query SupervisionLinkChoices($ngoId: ID!) {
  ngoActivityReports(filter: { ngoId: $ngoId }, limit: 100) { items { id year status } }
  ngo(id: $ngoId) { id licences { id number history { id action effectiveOn supervisionRecordId } } }
}`;

export interface SupervisionLinkChoicesAnswer {
  ngoActivityReports: { items: { id: string; year: number; status: string }[] };
  ngo: {
    id: string;
    licences: {
      id: string;
      number: string;
      history: { id: string; action: string; effectiveOn: string; supervisionRecordId: string | null }[];
    }[];
  } | null;
}

export interface SupervisionRecordRow {
  id: string;
  kind: "REVIEW" | "WARNING" | "INSPECTION_NOTE";
  recordedOn: string;
  text: string;
  activityReportId: string | null;
  licenceEventId: string | null;
  createdBy: string | null;
  /** Who recorded it, by name; null when identity no longer knows the user (the username then stands). */
  createdByPerson: PersonName | null;
  licenceEvent: { action: string; effectiveOn: string } | null;
}

export interface SupervisionRecordsAnswer {
  supervisionRecords: { totalCount: number; items: SupervisionRecordRow[] };
}

/** The NGO's records not yet linked to a licence action: those a suspension or revocation may name. */
export const UNLINKED_SUPERVISION_RECORDS = `query UnlinkedSupervisionRecords($ngoId: ID!) {
  supervisionRecords(filter: { ngoId: $ngoId, linkedToLicenceAction: false }, limit: 100) { totalCount items { ${RECORD_FIELDS} } }
}`;
