import { Create, NumberInput, required, SimpleForm, TextInput } from "react-admin";

export const DemandTopicCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={required()} helperText="hamafza.demandTopics.codeHelp" />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
      <NumberInput source="sortOrder" />
    </SimpleForm>
  </Create>
);
