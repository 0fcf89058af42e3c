import { Datagrid, List, TextField, TextInput } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { RoleField } from "../users/userEnums";
import { AuditActionField, AuditEntityTypeField } from "./AuditFields";
import { AuditActionInput, AuditEntityTypeInput, AuditOutcomeField, AuditOutcomeInput } from "./auditLabels";

const auditFilters = [
  <AuditActionInput key="action" source="action" alwaysOn />,
  <AuditOutcomeInput key="outcome" source="outcome" alwaysOn />,
  <AuditEntityTypeInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The audit log, newest first; read-only (the API has no mutation on it). */
export const AuditEntryList = () => (
  <List filters={auditFilters} sort={{ field: "at", order: "DESC" }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <JalaliDateField source="at" showTime />
      <TextField source="actorUsername" emptyText="—" />
      <RoleField source="actorRole" sortable={false} emptyText="—" />
      <AuditActionField source="action" />
      <AuditOutcomeField source="outcome" />
      <AuditEntityTypeField source="entityType" />
      <TextField source="service" sortable={false} />
    </Datagrid>
  </List>
);
