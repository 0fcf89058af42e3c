import Typography from "@mui/material/Typography";
import {
  ArrayField,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  ChipField,
  Create,
  Edit,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  Show,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TextInput,
} from "react-admin";
import { withIncludedIds } from "../common/includedLists";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";

/** The NGOs running an office are read as `operators` (included on request) and written as `operatorNgoIds`. */
const INCLUDE_OPERATORS = { meta: { include: ["operators"] } };

const operatorsToIds = withIncludedIds("operators", "operatorNgoIds");

const validateOperators = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : "hamafza.facilitationOffices.operatorsRule";

const FacilitationOfficeForm = () => (
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

export const FacilitationOfficeCreate = () => (
  <Create redirect="show" mutationOptions={INCLUDE_OPERATORS}>
    <FacilitationOfficeForm />
  </Create>
);

export const FacilitationOfficeEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    queryOptions={{ ...INCLUDE_OPERATORS, select: operatorsToIds }}
    mutationOptions={INCLUDE_OPERATORS}
  >
    <FacilitationOfficeForm />
  </Edit>
);

export const FacilitationOfficeShow = () => (
  <Show queryOptions={INCLUDE_OPERATORS}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="areaId" reference="informalSettlementAreas" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" />
      <ReferenceField source="partnerAgencyId" reference="agencies" link="show" emptyText="—" />
      <ArrayField source="operators">
        <SingleFieldList linkType="show" resource="ngos" empty={<Typography>—</Typography>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <JalaliDateField source="openedOn" />
      <BooleanField source="hasDedicatedSpace" />
      <TextField source="notes" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
