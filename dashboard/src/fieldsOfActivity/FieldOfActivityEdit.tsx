import { Edit } from "react-admin";
import { FieldOfActivityForm } from "./FieldOfActivityForm";

export const FieldOfActivityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <FieldOfActivityForm />
  </Edit>
);
