import CampaignIcon from "@mui/icons-material/Campaign";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const demands: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./DemandList").then((m) => m.DemandList)),
  show: lazyPage(() => import("./DemandShow").then((m) => m.DemandShow)),
  create: lazyPage(() => import("./DemandCreate").then((m) => m.DemandCreate)),
  edit: lazyPage(() => import("./DemandEdit").then((m) => m.DemandEdit)),
  icon: CampaignIcon,
  recordRepresentation: "title",
};

export default demands;
