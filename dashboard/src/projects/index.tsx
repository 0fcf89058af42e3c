import ConstructionIcon from "@mui/icons-material/Construction";
import type { ResourceProps } from "react-admin";
import { ProjectCreate, ProjectEdit, ProjectList, ProjectShow } from "./ProjectPages";

const projects: Omit<ResourceProps, "name"> = {
  list: ProjectList,
  show: ProjectShow,
  create: ProjectCreate,
  edit: ProjectEdit,
  icon: ConstructionIcon,
  recordRepresentation: "title",
};

export default projects;
