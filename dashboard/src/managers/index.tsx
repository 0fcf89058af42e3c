import BadgeIcon from "@mui/icons-material/Badge";
import type { ResourceProps } from "react-admin";
import { ManagerCreate } from "./ManagerCreate";
import { ManagerEdit } from "./ManagerEdit";
import { ManagerShow } from "./ManagerShow";
import { ManagerList } from "./ManagerList";

const managers: Omit<ResourceProps, "name"> = {
  list: ManagerList,
  create: ManagerCreate,
  edit: ManagerEdit,
  show: ManagerShow,
  icon: BadgeIcon,
  recordRepresentation: "name",
};

export default managers;
