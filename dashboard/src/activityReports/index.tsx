import AssignmentIcon from "@mui/icons-material/Assignment";
import { type ResourceProps } from "react-admin";
import { ActivityReportCreate } from "./ActivityReportCreate";
import { ActivityReportEdit } from "./ActivityReportEdit";
import { ActivityReportList } from "./ActivityReportList";
import { ActivityReportShow } from "./ActivityReportShow";

const ngoActivityReports: Omit<ResourceProps, "name"> = {
  list: ActivityReportList,
  show: ActivityReportShow,
  create: ActivityReportCreate,
  edit: ActivityReportEdit,
  icon: AssignmentIcon,
};

export default ngoActivityReports;
