import { Edit, required, SimpleForm, TextInput } from "react-admin";

export const GoverningBodyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
    </SimpleForm>
  </Edit>
);
