import { Create } from "react-admin";
import { useTerritoryDefaults } from "../common/TerritoryInputs";
import { INCLUDE_MEMBERS, NgoNetworkForm } from "./NgoNetworkForm";

export const NgoNetworkCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show" mutationOptions={INCLUDE_MEMBERS}>
      <NgoNetworkForm defaultValues={territory} />
    </Create>
  );
};
