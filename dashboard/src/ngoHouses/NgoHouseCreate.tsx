import { Create } from "react-admin";
import { useTerritoryDefaults } from "../common/TerritoryInputs";
import { membershipsToMembers } from "./memberships";
import { NgoHouseForm } from "./NgoHouseForm";

export const NgoHouseCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show" transform={membershipsToMembers}>
      <NgoHouseForm defaultValues={territory} />
    </Create>
  );
};
