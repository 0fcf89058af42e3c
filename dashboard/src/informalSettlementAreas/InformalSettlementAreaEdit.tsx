import { InformalSettlementAreaForm } from "./InformalSettlementAreaForm";
import { Edit } from "react-admin";

export const InformalSettlementAreaEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <InformalSettlementAreaForm />
  </Edit>
);
