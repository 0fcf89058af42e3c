import { Create, SimpleForm } from "react-admin";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { ProjectFields } from "./ProjectForm";

export const ProjectCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ ...territory, partnerNgoIds: [] }}>
        <ProvinceCountyInputs provinceRequired />
        <ProjectFields />
      </SimpleForm>
    </Create>
  );
};
