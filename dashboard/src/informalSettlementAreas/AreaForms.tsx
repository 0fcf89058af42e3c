import Typography from "@mui/material/Typography";
import {
  BooleanField,
  Create,
  Datagrid,
  Edit,
  minValue,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceManyField,
  required,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { AreaKindField, AreaKindInput } from "./areaEnums";

const AreaForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="name" validate={required()} fullWidth />
    <AreaKindInput source="kind" validate={required()} />
    <ProvinceCountyInputs countyRequired />
    <NumberInput source="estimatedPopulation" min={0} validate={minValue(0)} />
    <TextInput source="notes" multiline fullWidth />
  </SimpleForm>
);

export const AreaCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <AreaForm defaultValues={{ kind: "INFORMAL_SETTLEMENT", ...territory }} />
    </Create>
  );
};

export const AreaEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <AreaForm />
  </Edit>
);

export const AreaShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <AreaKindField source="kind" />
      <ReferenceField source="countyId" reference="counties" link="show" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <NumberField source="estimatedPopulation" emptyText="—" />
      <TextField source="notes" emptyText="—" />
      <ReferenceManyField
        reference="facilitationOffices"
        target="areaId"
        label="hamafza.areas.offices"
        sort={{ field: "name", order: "ASC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <JalaliDateField source="openedOn" />
          <BooleanField source="hasDedicatedSpace" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
