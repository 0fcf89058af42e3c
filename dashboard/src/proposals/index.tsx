import LightbulbIcon from "@mui/icons-material/Lightbulb";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const proposals: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./ProposalList").then((m) => m.ProposalList)),
  show: lazyPage(() => import("./ProposalShow").then((m) => m.ProposalShow)),
  create: lazyPage(() => import("./ProposalCreate").then((m) => m.ProposalCreate)),
  edit: lazyPage(() => import("./ProposalEdit").then((m) => m.ProposalEdit)),
  icon: LightbulbIcon,
  recordRepresentation: "topic",
};

export default proposals;
