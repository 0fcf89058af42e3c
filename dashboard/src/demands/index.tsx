import CampaignIcon from "@mui/icons-material/Campaign";
import type { ResourceProps } from "react-admin";
import { DemandCreate } from "./DemandCreate";
import { DemandEdit } from "./DemandEdit";
import { DemandList } from "./DemandList";
import { DemandShow } from "./DemandShow";

const demands: Omit<ResourceProps, "name"> = {
  list: DemandList,
  show: DemandShow,
  create: DemandCreate,
  edit: DemandEdit,
  icon: CampaignIcon,
  recordRepresentation: "title",
};

export default demands;
