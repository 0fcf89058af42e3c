import ConstructionIcon from "@mui/icons-material/Construction";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const projects: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./ProjectList").then((m) => m.ProjectList)),
  show: lazyPage(() => import("./ProjectShow").then((m) => m.ProjectShow)),
  create: lazyPage(() => import("./ProjectCreate").then((m) => m.ProjectCreate)),
  edit: lazyPage(() => import("./ProjectEdit").then((m) => m.ProjectEdit)),
  icon: ConstructionIcon,
  recordRepresentation: "title",
};

export default projects;
