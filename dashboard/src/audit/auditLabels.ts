import { enumLabels } from "../messages/enums";

export const AUDIT_OUTCOME_LABELS = enumLabels.auditOutcome;

/** Persian names of the audited actions (mutation names and sign-in events); others show as recorded. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = enumLabels.auditAction;

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = enumLabels.auditEntity;

/** Persian names of the services that write the audit log. */
export const AUDIT_SERVICE_LABELS: Readonly<Record<string, string>> = enumLabels.auditService;
