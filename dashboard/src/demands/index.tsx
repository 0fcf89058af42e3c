import CampaignIcon from "@mui/icons-material/Campaign";
import type { ResourceProps } from "react-admin";
import { DemandCreate, DemandEdit, DemandList, DemandShow } from "./DemandPages";

const demands: Omit<ResourceProps, "name"> = {
  list: DemandList,
  show: DemandShow,
  create: DemandCreate,
  edit: DemandEdit,
  icon: CampaignIcon,
  recordRepresentation: "title",
};

export default demands;
