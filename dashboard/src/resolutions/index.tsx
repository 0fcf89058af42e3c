import AssignmentTurnedInIcon from "@mui/icons-material/AssignmentTurnedIn";
import type { ResourceProps } from "react-admin";
import { ResolutionBoard } from "./ResolutionBoard";
import { ResolutionEdit, ResolutionShow } from "./ResolutionPages";

const resolutions: Omit<ResourceProps, "name"> = {
  list: ResolutionBoard,
  show: ResolutionShow,
  edit: ResolutionEdit,
  icon: AssignmentTurnedInIcon,
  recordRepresentation: "text",
};

export default resolutions;
