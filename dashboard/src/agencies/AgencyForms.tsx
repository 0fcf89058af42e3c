import Typography from "@mui/material/Typography";
import {
  BooleanField,
  Create,
  Datagrid,
  Edit,
  FormDataConsumer,
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
import { PositionKindField } from "../managers/managerEnums";
import { AgencyKindField, AgencyKindInput, COUNTY_AGENCY_KINDS, PROVINCIAL_AGENCY_KINDS } from "./agencyEnums";

const AgencyForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="name" validate={required()} fullWidth />
    <AgencyKindInput source="kind" validate={required()} helperText="hamafza.agencies.kindHelp" />
    <FormDataConsumer>
      {({ formData }) => (
        <ProvinceCountyInputs
          provinceRequired
          countyRequired={COUNTY_AGENCY_KINDS.has(formData.kind)}
          hideCounty={PROVINCIAL_AGENCY_KINDS.has(formData.kind)}
          countyHelp="hamafza.agencies.countyHelp"
        />
      )}
    </FormDataConsumer>
  </SimpleForm>
);

/** A provincial kind has no county: clear it, as the server refuses one. */
const withoutCountyWhenProvincial = (data: Record<string, unknown>) =>
  PROVINCIAL_AGENCY_KINDS.has(String(data.kind)) ? { ...data, countyId: null } : data;

export const AgencyCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show" transform={withoutCountyWhenProvincial}>
      <AgencyForm defaultValues={territory} />
    </Create>
  );
};

export const AgencyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={withoutCountyWhenProvincial}>
    <AgencyForm />
  </Edit>
);

export const AgencyShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <AgencyKindField source="kind" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="—" />
      <ReferenceManyField
        reference="managers"
        target="agencyId"
        label="hamafza.agencies.managers"
        sort={{ field: "tenureStart", order: "DESC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <TextField source="position" />
          <PositionKindField source="positionKind" />
          <JalaliDateField source="tenureStart" />
          <JalaliDateField source="tenureEnd" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField
        reference="facilitationOffices"
        target="partnerAgencyId"
        label="hamafza.agencies.facilitationOffices"
        sort={{ field: "name", order: "ASC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <TextField source="area.name" label="resources.facilitationOffices.fields.areaId" />
          <BooleanField source="hasDedicatedSpace" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
