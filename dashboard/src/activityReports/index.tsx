import AssignmentIcon from "@mui/icons-material/Assignment";
import { type ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const ngoActivityReports: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./ActivityReportList").then((m) => m.ActivityReportList)),
  show: lazyPage(() => import("./ActivityReportShow").then((m) => m.ActivityReportShow)),
  create: lazyPage(() => import("./ActivityReportCreate").then((m) => m.ActivityReportCreate)),
  edit: lazyPage(() => import("./ActivityReportEdit").then((m) => m.ActivityReportEdit)),
  icon: AssignmentIcon,
};

export default ngoActivityReports;
