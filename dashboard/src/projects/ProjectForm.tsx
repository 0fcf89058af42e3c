import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  TextInput,
} from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { PriorityNeedInput } from "./PriorityNeedInput";

export const ProjectFields = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" multiline fullWidth />
    <ReferenceInput source="workingGroupId" reference="workingGroups" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="areaId" reference="informalSettlementAreas" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <PriorityNeedInput />
    <ReferenceInput source="responsibleAgencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceArrayInput source="partnerNgoIds" reference="ngos" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteArrayInput fullWidth />
    </ReferenceArrayInput>
    <JalaliDateInput source="startOn" />
    <JalaliDateInput source="plannedEndOn" />
  </>
);
