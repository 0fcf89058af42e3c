import { Create } from "react-admin";
import { FacilitationOfficeForm, INCLUDE_OPERATORS } from "./FacilitationOfficeForm";

export const FacilitationOfficeCreate = () => (
  <Create redirect="show" mutationOptions={INCLUDE_OPERATORS}>
    <FacilitationOfficeForm />
  </Create>
);
