import AssignmentTurnedInIcon from "@mui/icons-material/AssignmentTurnedIn";
import type { ResourceProps } from "react-admin";
import { ResolutionList } from "./ResolutionList";
import { ResolutionEdit } from "./ResolutionEdit";
import { ResolutionShow } from "./ResolutionShow";

const resolutions: Omit<ResourceProps, "name"> = {
  list: ResolutionList,
  show: ResolutionShow,
  edit: ResolutionEdit,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: "text",
};

export default resolutions;
