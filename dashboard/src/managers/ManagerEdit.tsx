import { Edit } from "react-admin";
import { ManagerForm } from "./ManagerForm";

export const ManagerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ManagerForm />
  </Edit>
);
