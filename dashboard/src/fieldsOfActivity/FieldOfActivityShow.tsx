import { ReferenceManyCount, Show, SimpleShowLayout, TextField, Labeled } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";
import { PersianNumberField } from "../common/PersianNumberField";

export const FieldOfActivityShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <LtrTextField source="code" />
      <TextField source="description" emptyText="—" />
      <PersianNumberField source="sortOrder" />
      <Labeled label="hamafza.fieldsOfActivity.ngoCount">
        <ReferenceManyCount reference="ngos" target="fieldId" link />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
