import { AutocompleteInput, List, ReferenceInput, TextField, TextInput, type RaRecord } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { JalaliDateField } from "../common/JalaliDateField";
import { RoleField } from "../users/userEnums";
import { AuditActionField, AuditEntityTypeField } from "./AuditFields";
import {
  AuditActionInput,
  AuditEntityTypeInput,
  AuditOutcomeField,
  AuditOutcomeInput,
  AuditServiceField,
} from "./auditEnumComponents";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_SERVICE_LABELS } from "./auditLabels";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

/** A user in the picker: full name and login name (names repeat). */
const userOption = (user: RaRecord) => `${user.displayName} (${user.username})`;

const auditFilters = [
  <ReferenceInput key="actorId" source="actorId" reference="users" sort={{ field: "username", order: "ASC" }} alwaysOn>
    <AutocompleteInput optionText={userOption} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <JalaliDateInput key="fromDay" source="fromDay" alwaysOn helperText={false} />,
  <JalaliDateInput key="toDay" source="toDay" alwaysOn helperText={false} />,
  <AuditActionInput key="action" source="action" alwaysOn />,
  <AuditOutcomeInput key="outcome" source="outcome" alwaysOn />,
  <AuditEntityTypeInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/**
 * The audit log, newest first; read-only (the API has no mutation on it). Filters by user, Jalali days (Tehran
 * midnights, see DAY_FILTER_KEYS), action, outcome and record; exported like every list.
 */
export const AuditEntryList = () => (
  <List
    actions={
      <ListActions
        labels={{ action: AUDIT_ACTION_LABELS, entityType: AUDIT_ENTITY_LABELS, service: AUDIT_SERVICE_LABELS }}
      />
    }
    filters={auditFilters}
    sort={{ field: "at", order: "DESC" }}
  >
    <ResponsiveDatagrid
      rowClick="show"
      bulkActionButtons={false}
      primaryText={<AuditActionField source="action" />}
      secondaryText={<JalaliDateField source="at" showTime />}
      tertiaryText={(record: RaRecord) => record.actorUsername ?? "—"}
    >
      <JalaliDateField source="at" showTime />
      <TextField source="actorUsername" emptyText="—" />
      <RoleField source="actorRole" sortable={false} emptyText="—" />
      <AuditActionField source="action" />
      <AuditOutcomeField source="outcome" />
      <AuditEntityTypeField source="entityType" />
      <AuditServiceField source="service" sortable={false} />
    </ResponsiveDatagrid>
  </List>
);
