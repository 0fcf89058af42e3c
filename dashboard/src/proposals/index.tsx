import LightbulbIcon from "@mui/icons-material/Lightbulb";
import type { ResourceProps } from "react-admin";
import { ProposalCreate } from "./ProposalCreate";
import { ProposalEdit } from "./ProposalEdit";
import { ProposalList } from "./ProposalList";
import { ProposalShow } from "./ProposalShow";

const proposals: Omit<ResourceProps, "name"> = {
  list: ProposalList,
  show: ProposalShow,
  create: ProposalCreate,
  edit: ProposalEdit,
  icon: LightbulbIcon,
  recordRepresentation: "topic",
};

export default proposals;
