import { InformalSettlementAreaForm } from "./InformalSettlementAreaForm";
import { Create } from "react-admin";
import { useTerritoryDefaults } from "../common/TerritoryInputs";

export const InformalSettlementAreaCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <InformalSettlementAreaForm defaultValues={{ kind: "INFORMAL_SETTLEMENT", ...territory }} />
    </Create>
  );
};
