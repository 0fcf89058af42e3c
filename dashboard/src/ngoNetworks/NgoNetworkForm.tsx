import {
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
} from "react-admin";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";

/** Member NGOs are read as `members` (included on request) and written as `memberNgoIds`. */
export const INCLUDE_MEMBERS = { meta: { include: ["members"] } };

export const NgoNetworkForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
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
