import TravelExploreIcon from "@mui/icons-material/TravelExplore";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const needsAssessments: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./NeedsAssessmentList").then((m) => m.NeedsAssessmentList)),
  create: lazyPage(() => import("./NeedsAssessmentCreate").then((m) => m.NeedsAssessmentCreate)),
  edit: lazyPage(() => import("./NeedsAssessmentEdit").then((m) => m.NeedsAssessmentEdit)),
  show: lazyPage(() => import("./NeedsAssessmentShow").then((m) => m.NeedsAssessmentShow)),
  icon: TravelExploreIcon,
  recordRepresentation: (record) => `${record.area?.name ?? ""} ${record.assessedOn ?? ""}`.trim(),
};

export default needsAssessments;
