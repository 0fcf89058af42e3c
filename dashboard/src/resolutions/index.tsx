import AssignmentTurnedInIcon from "@mui/icons-material/AssignmentTurnedIn";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const resolutions: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./ResolutionList").then((m) => m.ResolutionList)),
  show: lazyPage(() => import("./ResolutionShow").then((m) => m.ResolutionShow)),
  edit: lazyPage(() => import("./ResolutionEdit").then((m) => m.ResolutionEdit)),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: "text",
};

export default resolutions;
