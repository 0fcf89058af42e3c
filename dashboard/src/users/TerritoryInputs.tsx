import {
  AutocompleteInput,
  FormDataConsumer,
  ReferenceInput,
  required,
  useChoicesContext,
  type RaRecord,
  type Validator,
} from "react-admin";
import { territoryNeeds, type TerritoryValues } from "./userTerritory";

/** Province and county inputs shown per the chosen role; the county list follows the chosen province. */
export const TerritoryInputs = () => (
  <FormDataConsumer<TerritoryValues>>
    {({ formData }) => <Territory role={formData.role} provinceId={asId(formData.provinceId)} />}
  </FormDataConsumer>
);

const Territory = ({ role, provinceId }: { role: unknown; provinceId: string | undefined }) => {
  const needs = territoryNeeds(role);
  return (
    <>
      {needs.province !== "none" && (
        <ReferenceInput source="provinceId" reference="provinces" sort={{ field: "name", order: "ASC" }} perPage={50}>
          <AutocompleteInput
            validate={needs.province === "required" ? required() : undefined}
            helperText={needs.province === "optional" ? "hamafza.users.provinceCountryHelp" : false}
            sx={{ minWidth: 280 }}
          />
        </ReferenceInput>
      )}
      {needs.county !== "none" && (
        <ReferenceInput
          source="countyId"
          reference="counties"
          filter={provinceId ? { provinceId } : {}}
          sort={{ field: "name", order: "ASC" }}
          perPage={50}
        >
          <CountyInput isRequired={needs.county === "required"} provinceId={provinceId} />
        </ReferenceInput>
      )}
    </>
  );
};

interface CountyRecord extends RaRecord {
  provinceId?: string;
}

const CountyInput = ({ isRequired, provinceId }: { isRequired: boolean; provinceId: string | undefined }) => {
  const { allChoices } = useChoicesContext<CountyRecord>();
  // A county chosen before the province changed no longer belongs to it.
  const inProvince: Validator = (value) => {
    const county = allChoices?.find((choice) => String(choice.id) === String(value));
    return value && provinceId && county?.provinceId && county.provinceId !== provinceId
      ? "hamafza.users.countyOutsideProvince"
      : undefined;
  };
  return (
    <AutocompleteInput
      disabled={!provinceId}
      helperText={provinceId ? false : "hamafza.users.countyHelp"}
      validate={isRequired ? [required(), inProvince] : inProvince}
      sx={{ minWidth: 280 }}
    />
  );
};

function asId(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}
