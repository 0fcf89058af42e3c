import {
  Create,
  Edit,
  NumberInput,
  ReferenceManyCount,
  regex,
  required,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  NumberField,
  Labeled,
} from "react-admin";
import { LtrTextField } from "../common/LtrTextField";

const validateCode = [required(), regex(/^[A-Z][A-Z0-9_]*$/, "hamafza.fieldsOfActivity.codeRule")];

const FieldOfActivityForm = () => (
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

export const FieldOfActivityCreate = () => (
  <Create redirect="list">
    <FieldOfActivityForm />
  </Create>
);

export const FieldOfActivityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <FieldOfActivityForm />
  </Edit>
);

export const FieldOfActivityShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <LtrTextField source="code" />
      <TextField source="description" emptyText="—" />
      <NumberField source="sortOrder" />
      <Labeled label="hamafza.fieldsOfActivity.ngoCount">
        <ReferenceManyCount reference="ngos" target="fieldId" link />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
