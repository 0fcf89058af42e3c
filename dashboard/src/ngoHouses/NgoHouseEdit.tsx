import { Edit } from "react-admin";
import { membershipsToMembers } from "./memberships";
import { NgoHouseForm } from "./NgoHouseForm";

export const NgoHouseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={membershipsToMembers}>
    <NgoHouseForm />
  </Edit>
);
