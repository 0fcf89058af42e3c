import { AutocompleteInput, ReferenceInput, required, TextInput } from "react-admin";
import { FieldOfActivityCodeInput } from "../common/FieldOfActivityCode";
import { JalaliDateInput } from "../common/JalaliDateInput";

export const ProposalFields = () => (
  <>
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <TextInput source="councilName" />
    <TextInput source="topic" validate={required()} fullWidth />
    <TextInput source="summary" multiline fullWidth />
    <FieldOfActivityCodeInput source="fieldCode" />
    <ReferenceInput source="meetingId" reference="meetings" sort={{ field: "scheduledAt", order: "DESC" }}>
      <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <JalaliDateInput source="submittedOn" validate={required()} notInFuture />
  </>
);
