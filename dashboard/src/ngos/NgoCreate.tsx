import { Create } from "react-admin";
import { useTerritoryDefaults } from "../common/TerritoryInputs";
import { NgoForm } from "./NgoForm";

export const NgoCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <NgoForm defaultValues={{ scope: "COUNTY", status: "ACTIVE", ...territory }} />
    </Create>
  );
};
