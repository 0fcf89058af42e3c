import HistoryIcon from "@mui/icons-material/History";
import type { ResourceProps } from "react-admin";
import { AuditEntryList } from "./AuditEntryList";
import { AuditEntryShow } from "./AuditEntryShow";
import { AUDIT_ACTION_LABELS } from "./auditLabels";

const auditEntries: Omit<ResourceProps, "name"> = {
  list: AuditEntryList,
  show: AuditEntryShow,
  icon: HistoryIcon,
  recordRepresentation: (record) => AUDIT_ACTION_LABELS[record.action] ?? record.action,
};

export default auditEntries;
