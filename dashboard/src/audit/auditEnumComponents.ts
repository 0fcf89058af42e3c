import { enumComponents } from "../common/enumComponents";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_OUTCOME_LABELS, AUDIT_SERVICE_LABELS } from "./auditLabels";

/*
 * Fields and inputs of the audit log's enums, apart from the labels (auditLabels.ts): the resource registration needs
 * the labels at the first load, these only the audit pages (they bring react-admin's inputs with them).
 */
export const { Field: AuditServiceField } = enumComponents(AUDIT_SERVICE_LABELS);
export const { Field: AuditOutcomeField, Input: AuditOutcomeInput } = enumComponents(AUDIT_OUTCOME_LABELS);
export const { Input: AuditActionInput } = enumComponents(AUDIT_ACTION_LABELS);
export const { Input: AuditEntityTypeInput } = enumComponents(AUDIT_ENTITY_LABELS);
