import HistoryIcon from "@mui/icons-material/History";
import type { ResourceProps } from "react-admin";
import { i18nProvider } from "../common/i18n";
import { lazyPage } from "../common/lazyPage";

const auditEntries: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./AuditEntryList").then((m) => m.AuditEntryList)),
  show: lazyPage(() => import("./AuditEntryShow").then((m) => m.AuditEntryShow)),
  icon: HistoryIcon,
  // The action's label by its translate key (the enums group auditAction of the screens' messages), not from
  // enums.ts: this file is in the first load, the enums' labels are not.
  recordRepresentation: (record) =>
    i18nProvider.translate(`hamafza.enums.auditAction.${record.action}`, { _: record.action }),
};

export default auditEntries;
