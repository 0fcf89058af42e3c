import LightbulbIcon from "@mui/icons-material/Lightbulb";
import type { ResourceProps } from "react-admin";
import { ProposalCreate, ProposalEdit, ProposalList, ProposalShow } from "./ProposalPages";

const proposals: Omit<ResourceProps, "name"> = {
  list: ProposalList,
  show: ProposalShow,
  create: ProposalCreate,
  edit: ProposalEdit,
  icon: LightbulbIcon,
  recordRepresentation: "topic",
};

export default proposals;
