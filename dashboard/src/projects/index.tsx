import ConstructionIcon from "@mui/icons-material/Construction";
import type { ResourceProps } from "react-admin";
import { ProjectCreate } from "./ProjectCreate";
import { ProjectEdit } from "./ProjectEdit";
import { ProjectList } from "./ProjectList";
import { ProjectShow } from "./ProjectShow";

const projects: Omit<ResourceProps, "name"> = {
  list: ProjectList,
  show: ProjectShow,
  create: ProjectCreate,
  edit: ProjectEdit,
  icon: ConstructionIcon,
  recordRepresentation: "title",
};

export default projects;
