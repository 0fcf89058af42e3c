import { Datagrid, List, TextField, TextInput } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { RoleField } from "../users/userEnums";
import { AuditActionField, AuditEntityTypeField } from "./AuditFields";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  AuditActionInput,
  AuditEntityTypeInput,
  AuditOutcomeField,
  AuditOutcomeInput,
} from "./auditLabels";
import { ListActions } from "../common/export/ListActions";

const auditFilters = [
  <AuditActionInput key="action" source="action" alwaysOn />,
  <AuditOutcomeInput key="outcome" source="outcome" alwaysOn />,
  <AuditEntityTypeInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The audit log, newest first; read-only (the API has no mutation on it). */
export const AuditEntryList = () => (
  <List
    actions={<ListActions labels={{ action: AUDIT_ACTION_LABELS, entityType: AUDIT_ENTITY_LABELS }} />}
    filters={auditFilters}
    sort={{ field: "at", order: "DESC" }}
  >
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
