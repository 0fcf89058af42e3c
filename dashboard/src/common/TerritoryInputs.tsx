import { AutocompleteInput, FormDataConsumer, ReferenceInput, required, useGetIdentity } from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";

export interface ProvinceCountyInputsProps {
  provinceSource?: string;
  countySource?: string;
  /** The province is required (it is always known when a county is chosen). */
  provinceRequired?: boolean;
  countyRequired?: boolean;
  /** Helper text under the county (e.g. «خالی: استانی»). */
  countyHelp?: string | false;
  /** Hide the county input (provincial records). */
  hideCounty?: boolean;
}

/** A province and a county of it: the county list follows the province chosen first. */
export const ProvinceCountyInputs = (props: ProvinceCountyInputsProps) => (
  <FormDataConsumer>
    {({ formData }) => (
      <Territory {...props} provinceId={(formData as Record<string, unknown>)[props.provinceSource ?? "provinceId"]} />
    )}
  </FormDataConsumer>
);

const Territory = ({
  provinceSource = "provinceId",
  countySource = "countyId",
  provinceRequired = false,
  countyRequired = false,
  countyHelp = false,
  hideCounty = false,
  provinceId,
}: ProvinceCountyInputsProps & { provinceId: unknown }) => {
  return (
    <>
      <ReferenceInput source={provinceSource} reference="provinces" sort={{ field: "name", order: "ASC" }} perPage={50}>
        <AutocompleteInput validate={provinceRequired ? required() : undefined} sx={{ minWidth: 280 }} />
      </ReferenceInput>
      {!hideCounty && (
        <ReferenceInput
          source={countySource}
          reference="counties"
          filter={provinceId ? { provinceId } : {}}
          sort={{ field: "name", order: "ASC" }}
          perPage={50}
        >
          <AutocompleteInput
            validate={countyRequired ? required() : undefined}
            helperText={countyHelp}
            sx={{ minWidth: 280 }}
          />
        </ReferenceInput>
      )}
    </>
  );
};

/** Defaults of a new record's territory: the signed-in officer's province and county. */
export function useTerritoryDefaults(): { provinceId?: string; countyId?: string } {
  const { identity } = useGetIdentity();
  const who = identity as HamafzaIdentity | undefined;
  return {
    ...(who?.provinceId ? { provinceId: who.provinceId } : {}),
    ...(who?.countyId ? { countyId: who.countyId } : {}),
  };
}
