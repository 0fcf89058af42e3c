import { AutocompleteInput, ReferenceInput, required, TextInput } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { DemandCategoryInput } from "../engagement/engagementEnums";

export const DemandFields = () => (
  <>
    <DemandCategoryInput source="category" validate={required()} />
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
