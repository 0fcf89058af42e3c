import { ReferenceManyCount, Show, SimpleShowLayout, TextField, NumberField, Labeled } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";

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
