import { Edit } from "react-admin";
import { AgencyForm, withoutCountyWhenProvincial } from "./AgencyForm";

export const AgencyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={withoutCountyWhenProvincial}>
    <AgencyForm />
  </Edit>
);
