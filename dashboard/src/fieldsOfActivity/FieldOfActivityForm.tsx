import { NumberInput, regex, required, SimpleForm, TextInput } from "react-admin";

const validateCode = [required(), regex(/^[A-Z][A-Z0-9_]*$/, "hamafza.fieldsOfActivity.codeRule")];

export const FieldOfActivityForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput
      source="code"
      validate={validateCode}
      helperText="hamafza.fieldsOfActivity.codeHelp"
      slotProps={{ htmlInput: { dir: "ltr" } }}
      parse={(value: string) => value?.toUpperCase().replace(/\s+/g, "_")}
    />
    <TextInput source="description" multiline fullWidth />
    <NumberInput source="sortOrder" helperText="hamafza.fieldsOfActivity.sortOrderHelp" />
  </SimpleForm>
);
