import { Create, required, SimpleForm, TextInput } from "react-admin";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";

export const GoverningBodyCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <ProvinceCountyInputs provinceRequired />
      <TextInput source="description" multiline fullWidth />
    </SimpleForm>
  </Create>
);
