import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
} from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";

/** The NGOs running an office are read as `operators` (included on request) and written as `operatorNgoIds`. */
export const INCLUDE_OPERATORS = { meta: { include: ["operators"] } };

const validateOperators = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : "hamafza.facilitationOffices.operatorsRule";

export const FacilitationOfficeForm = () => (
  <SimpleForm defaultValues={{ hasDedicatedSpace: false }}>
    <TextInput source="name" validate={required()} fullWidth />
    <ReferenceInput
      source="areaId"
      reference="informalSettlementAreas"
      sort={{ field: "name", order: "ASC" }}
      perPage={50}
    >
      <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceArrayInput source="operatorNgoIds" reference="ngos" sort={{ field: "name", order: "ASC" }} perPage={50}>
      <AutocompleteArrayInput
        validate={validateOperators}
        helperText="hamafza.facilitationOffices.operatorsHelp"
        fullWidth
      />
    </ReferenceArrayInput>
    <ReferenceInput source="partnerAgencyId" reference="agencies" sort={{ field: "name", order: "ASC" }} perPage={50}>
      <AutocompleteInput
        validate={required()}
        helperText="hamafza.facilitationOffices.partnerHelp"
        sx={{ minWidth: 360 }}
      />
    </ReferenceInput>
    <JalaliDateInput source="openedOn" validate={required()} notInFuture />
    <BooleanInput source="hasDedicatedSpace" />
    <TextInput source="notes" multiline fullWidth />
  </SimpleForm>
);
