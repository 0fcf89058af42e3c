import { Create } from "react-admin";
import { ManagerForm } from "./ManagerForm";

export const ManagerCreate = () => (
  <Create redirect="show">
    <ManagerForm />
  </Create>
);
