import { Create, SimpleForm } from "react-admin";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { GroupFields } from "./WorkingGroupForm";

export const WorkingGroupCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={territory}>
        <ProvinceCountyInputs provinceRequired countyHelp="hamafza.workingGroups.countyEmptyProvincial" />
        <GroupFields />
      </SimpleForm>
    </Create>
  );
};
