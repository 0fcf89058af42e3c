import { FormDataConsumer, required, SimpleForm, TextInput } from "react-admin";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";
import { AgencyKindInput, COUNTY_AGENCY_KINDS, PROVINCIAL_AGENCY_KINDS } from "./agencyEnums";

export const AgencyForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
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
export const withoutCountyWhenProvincial = (data: Record<string, unknown>) =>
  PROVINCIAL_AGENCY_KINDS.has(String(data.kind)) ? { ...data, countyId: null } : data;
