import { Create } from "react-admin";
import { FieldOfActivityForm } from "./FieldOfActivityForm";

export const FieldOfActivityCreate = () => (
  <Create redirect="list">
    <FieldOfActivityForm />
  </Create>
);
