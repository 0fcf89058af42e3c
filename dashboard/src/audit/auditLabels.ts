import { enumLabels } from "../messages/enums";
import { enumComponents } from "../common/enumComponents";

export const AUDIT_OUTCOME_LABELS = enumLabels.auditOutcome;

/** Persian names of the audited actions (mutation names and sign-in events); others show as recorded. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = enumLabels.auditAction;

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = enumLabels.auditEntity;

/** Persian names of the services that write the audit log. */
export const AUDIT_SERVICE_LABELS: Readonly<Record<string, string>> = enumLabels.auditService;

export const { Field: AuditServiceField } = enumComponents(AUDIT_SERVICE_LABELS);
export const { Field: AuditOutcomeField, Input: AuditOutcomeInput } = enumComponents(AUDIT_OUTCOME_LABELS);
export const { Input: AuditActionInput } = enumComponents(AUDIT_ACTION_LABELS);
export const { Input: AuditEntityTypeInput } = enumComponents(AUDIT_ENTITY_LABELS);
