import { ReferenceField, Show, SimpleShowLayout, TextField } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { RoleField } from "../users/userEnums";
import { AuditActionField, AuditChangesField, AuditEntityTypeField, JsonField } from "./AuditFields";
import { AuditOutcomeField } from "./auditEnumComponents";

export const AuditEntryShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <JalaliDateField source="at" showTime />
      <AuditActionField source="action" />
      <AuditOutcomeField source="outcome" />
      <TextField source="actorUsername" emptyText="—" />
      <RoleField source="actorRole" emptyText="—" />
      <TextField source="service" />
      <AuditEntityTypeField source="entityType" />
      <TextField source="entityId" emptyText="—" />
      <ReferenceField source="provinceId" reference="provinces" link={false} emptyText="—" />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="—" />
      <TextField source="clientAddress" emptyText="—" />
      <TextField source="requestId" emptyText="—" />
      <AuditChangesField label="hamafza.audit.changes" />
      <JsonField source="before" />
      <JsonField source="after" />
    </SimpleShowLayout>
  </Show>
);
