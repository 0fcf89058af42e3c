import {
  ArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  ReferenceInput,
  required,
  SimpleForm,
  SimpleFormIterator,
  TextArrayInput,
  TextInput,
} from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";
import { validatePhone } from "../ngos/ngoValidation";

export const NgoHouseForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
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
