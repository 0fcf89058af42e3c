import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { AssessmentDimensionInput } from "./needsAssessmentEnums";

const validateNgos = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : "hamafza.needsAssessments.ngosRule";

/** The assessment's form; its area is chosen once, when it is recorded (`areaEditable`). */
export const NeedsAssessmentForm = ({ areaEditable }: { areaEditable: boolean }) => (
  <SimpleForm defaultValues={{ priorityNeeds: [] }}>
    <ReferenceInput
      source="areaId"
      reference="informalSettlementAreas"
      sort={{ field: "name", order: "ASC" }}
      perPage={50}
    >
      <AutocompleteInput validate={required()} disabled={!areaEditable} sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <JalaliDateInput source="assessedOn" validate={required()} notInFuture />
    <ReferenceArrayInput source="ngoIds" reference="ngos" sort={{ field: "name", order: "ASC" }} perPage={50}>
      <AutocompleteArrayInput validate={validateNgos} helperText="hamafza.needsAssessments.ngosHelp" fullWidth />
    </ReferenceArrayInput>
    <TextInput source="socialFindings" multiline fullWidth />
    <TextInput source="economicFindings" multiline fullWidth />
    <TextInput source="physicalFindings" multiline fullWidth />
    <TextInput source="environmentalFindings" multiline fullWidth />
    <ArrayInput source="priorityNeeds" helperText="hamafza.needsAssessments.needsHelp">
      <SimpleFormIterator inline>
        <AssessmentDimensionInput source="dimension" validate={required()} />
        <TextInput source="description" validate={required()} sx={{ minWidth: 360 }} />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);
