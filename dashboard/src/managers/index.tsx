import BadgeIcon from "@mui/icons-material/Badge";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const managers: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./ManagerList").then((m) => m.ManagerList)),
  create: lazyPage(() => import("./ManagerCreate").then((m) => m.ManagerCreate)),
  edit: lazyPage(() => import("./ManagerEdit").then((m) => m.ManagerEdit)),
  show: lazyPage(() => import("./ManagerShow").then((m) => m.ManagerShow)),
  icon: BadgeIcon,
  recordRepresentation: "name",
};

export default managers;
