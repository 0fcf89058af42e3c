import Typography from "@mui/material/Typography";
import {
  ArrayField,
  ArrayInput,
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  FormDataConsumer,
  ReferenceField,
  ReferenceInput,
  required,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextArrayField,
  TextArrayInput,
  TextField,
  TextInput,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { LtrTextField } from "../common/LtrTextField";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { validatePhone } from "../ngos/ngoValidation";
import { membershipsToMembers } from "./memberships";

const NgoHouseForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="name" validate={required()} fullWidth />
    <ProvinceCountyInputs provinceRequired countyHelp="hamafza.ngoHouses.countyHelp" />
    <TextInput source="address" multiline fullWidth />
    <TextInput source="managerName" />
    <TextInput source="managerPhone" validate={validatePhone} slotProps={{ htmlInput: { dir: "ltr" } }} />
    <TextArrayInput source="facilities" helperText="hamafza.ngoHouses.facilitiesHelp" fullWidth />
    <JalaliDateInput source="openedOn" notInFuture />
    <FormDataConsumer>
      {({ formData }) => (
        <ArrayInput source="memberships" label="hamafza.ngoHouses.members">
          <SimpleFormIterator inline disableReordering>
            <ReferenceInput
              source="ngoId"
              reference="ngos"
              sort={{ field: "name", order: "ASC" }}
              filter={
                formData.countyId
                  ? { countyId: formData.countyId }
                  : formData.provinceId
                    ? { provinceId: formData.provinceId }
                    : {}
              }
            >
              <AutocompleteInput
                label="resources.ngoHouses.fields.members"
                validate={required()}
                sx={{ minWidth: 360 }}
              />
            </ReferenceInput>
            <JalaliDateInput source="joinedOn" label="hamafza.ngoHouses.joinedOn" notInFuture helperText={false} />
          </SimpleFormIterator>
        </ArrayInput>
      )}
    </FormDataConsumer>
  </SimpleForm>
);

export const NgoHouseCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show" transform={membershipsToMembers}>
      <NgoHouseForm defaultValues={territory} />
    </Create>
  );
};

export const NgoHouseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={membershipsToMembers}>
    <NgoHouseForm />
  </Edit>
);

export const NgoHouseShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="استانی" />
      <TextField source="address" emptyText="—" />
      <TextField source="managerName" emptyText="—" />
      <LtrTextField source="managerPhone" emptyText="—" />
      <JalaliDateField source="openedOn" emptyText="—" />
      <TextArrayField source="facilities" emptyText="—" />
      <ArrayField source="memberships" label="hamafza.ngoHouses.members">
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography>—</Typography>}>
          <ReferenceField source="ngoId" reference="ngos" link="show" label="resources.ngoHouses.fields.members" />
          <JalaliDateField source="joinedOn" label="hamafza.ngoHouses.joinedOn" emptyText="—" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
