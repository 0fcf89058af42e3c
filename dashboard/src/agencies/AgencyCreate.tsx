import { Create } from "react-admin";
import { useTerritoryDefaults } from "../common/TerritoryInputs";
import { AgencyForm, withoutCountyWhenProvincial } from "./AgencyForm";

export const AgencyCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show" transform={withoutCountyWhenProvincial}>
      <AgencyForm defaultValues={territory} />
    </Create>
  );
};
