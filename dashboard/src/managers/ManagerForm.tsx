import { AutocompleteInput, FormDataConsumer, ReferenceInput, required, SimpleForm, TextInput } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { PositionKindInput, TITLED_POSITION_KINDS } from "./managerEnums";

export const ManagerForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }} perPage={50}>
      <AutocompleteInput validate={required()} sx={{ minWidth: 360 }} />
    </ReferenceInput>
    <PositionKindInput source="positionKind" validate={required()} />
    <FormDataConsumer>
      {({ formData }) => (
        <TextInput
          source="position"
          validate={TITLED_POSITION_KINDS.has(formData.positionKind) ? required() : undefined}
          helperText="hamafza.managers.positionHelp"
          fullWidth
        />
      )}
    </FormDataConsumer>
    <JalaliDateInput source="tenureStart" validate={required()} notInFuture />
    <FormDataConsumer>
      {({ formData }) => (
        <JalaliDateInput
          source="tenureEnd"
          helperText="hamafza.managers.tenureEndHelp"
          min={typeof formData.tenureStart === "string" ? formData.tenureStart : undefined}
        />
      )}
    </FormDataConsumer>
  </SimpleForm>
);
