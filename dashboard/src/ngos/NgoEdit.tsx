import { Edit } from "react-admin";
import { NgoForm } from "./NgoForm";

export const NgoEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <NgoForm />
  </Edit>
);
