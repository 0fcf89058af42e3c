import { AutocompleteInput, ReferenceInput, required, TextInput } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { DimensionInput } from "../engagement/engagementEnums";
import { managerOption } from "../managers/managerOption";

export const GroupFields = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <DimensionInput source="dimension" validate={required()} />
    <ReferenceInput source="bodyId" reference="governingBodies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput helperText="hamafza.workingGroups.parentBodyHelp" sx={{ minWidth: 360 }} />
    </ReferenceInput>
    <ReferenceInput source="parentNgoHouseId" reference="ngoHouses" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="chairManagerId" reference="managers" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput optionText={managerOption} sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="chairAgencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <TextInput source="description" multiline fullWidth />
    <JalaliDateInput source="establishedOn" />
  </>
);
