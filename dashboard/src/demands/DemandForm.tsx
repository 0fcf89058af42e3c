import { AutocompleteInput, ReferenceInput, required, TextInput } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";

export const DemandFields = () => (
  <>
    <ReferenceInput
      source="topicId"
      reference="demandTopics"
      filter={{ active: true }}
      sort={{ field: "sortOrder", order: "ASC" }}
    >
      <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" multiline fullWidth />
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="meetingId" reference="meetings" sort={{ field: "scheduledAt", order: "DESC" }}>
      <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <JalaliDateInput source="raisedOn" validate={required()} notInFuture />
  </>
);
