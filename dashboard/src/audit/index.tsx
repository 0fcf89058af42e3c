import HistoryIcon from "@mui/icons-material/History";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";
import { AUDIT_ACTION_LABELS } from "./auditLabels";

const auditEntries: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./AuditEntryList").then((m) => m.AuditEntryList)),
  show: lazyPage(() => import("./AuditEntryShow").then((m) => m.AuditEntryShow)),
  icon: HistoryIcon,
  recordRepresentation: (record) => AUDIT_ACTION_LABELS[record.action] ?? record.action,
};

export default auditEntries;
