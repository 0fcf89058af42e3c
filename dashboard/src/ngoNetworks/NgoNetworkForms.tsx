import Typography from "@mui/material/Typography";
import {
  ArrayField,
  AutocompleteArrayInput,
  AutocompleteInput,
  ChipField,
  Create,
  Edit,
  FormDataConsumer,
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
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";

/** Member NGOs are read as `members` (included on request) and written as `memberNgoIds`. */
const INCLUDE_MEMBERS = { meta: { include: ["members"] } };

const membersToIds = withIncludedIds("members", "memberNgoIds");

const NgoNetworkForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="name" validate={required()} fullWidth />
    <ReferenceInput
      source="fieldId"
      reference="fieldsOfActivity"
      sort={{ field: "sortOrder", order: "ASC" }}
      perPage={100}
    >
      <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ProvinceCountyInputs provinceRequired countyHelp="hamafza.ngoNetworks.countyHelp" />
    <FormDataConsumer>
      {({ formData }) => {
        const territory = formData.countyId
          ? { countyId: formData.countyId }
          : formData.provinceId
            ? { provinceId: formData.provinceId }
            : {};
        return (
          <>
            <ReferenceInput
              source="coordinatorNgoId"
              reference="ngos"
              sort={{ field: "name", order: "ASC" }}
              filter={territory}
            >
              <AutocompleteInput validate={required()} sx={{ minWidth: 360 }} />
            </ReferenceInput>
            <ReferenceArrayInput
              source="memberNgoIds"
              reference="ngos"
              sort={{ field: "name", order: "ASC" }}
              filter={territory}
              perPage={50}
            >
              <AutocompleteArrayInput helperText="hamafza.ngoNetworks.membersHelp" fullWidth />
            </ReferenceArrayInput>
          </>
        );
      }}
    </FormDataConsumer>
  </SimpleForm>
);

export const NgoNetworkCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show" mutationOptions={INCLUDE_MEMBERS}>
      <NgoNetworkForm defaultValues={territory} />
    </Create>
  );
};

export const NgoNetworkEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    queryOptions={{ ...INCLUDE_MEMBERS, select: membersToIds }}
    mutationOptions={INCLUDE_MEMBERS}
  >
    <NgoNetworkForm />
  </Edit>
);

export const NgoNetworkShow = () => (
  <Show queryOptions={INCLUDE_MEMBERS}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="field.name" label="resources.ngoNetworks.fields.fieldId" />
      <ReferenceField source="coordinatorNgoId" reference="ngos" link="show" emptyText="—" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="استانی" />
      <ArrayField source="members">
        <SingleFieldList linkType="show" resource="ngos" empty={<Typography>—</Typography>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
