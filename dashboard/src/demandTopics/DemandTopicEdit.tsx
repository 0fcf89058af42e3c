import { BooleanInput, Edit, NumberInput, required, SimpleForm, TextInput } from "react-admin";

export const DemandTopicEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
      <NumberInput source="sortOrder" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);
