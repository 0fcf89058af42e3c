import { Create, NumberInput, required, SimpleForm, TextInput } from "react-admin";

export const SocialHarmCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={required()} helperText="hamafza.registry.socialHarmCodeHelp" />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
      <NumberInput source="sortOrder" />
    </SimpleForm>
  </Create>
);
