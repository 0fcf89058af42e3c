import { minValue, NumberInput, required, SimpleForm, TextInput } from "react-admin";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";
import { AreaKindInput } from "./areaEnums";

export const InformalSettlementAreaForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => (
  <SimpleForm defaultValues={defaultValues}>
    <TextInput source="name" validate={required()} fullWidth />
    <AreaKindInput source="kind" validate={required()} />
    <ProvinceCountyInputs countyRequired />
    <NumberInput source="estimatedPopulation" min={0} validate={minValue(0)} />
    <TextInput source="notes" multiline fullWidth />
  </SimpleForm>
);
