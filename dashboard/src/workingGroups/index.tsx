import GroupsIcon from "@mui/icons-material/Groups";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const workingGroups: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./WorkingGroupList").then((m) => m.WorkingGroupList)),
  show: lazyPage(() => import("./WorkingGroupShow").then((m) => m.WorkingGroupShow)),
  create: lazyPage(() => import("./WorkingGroupCreate").then((m) => m.WorkingGroupCreate)),
  edit: lazyPage(() => import("./WorkingGroupEdit").then((m) => m.WorkingGroupEdit)),
  icon: GroupsIcon,
  recordRepresentation: "name",
};

export default workingGroups;
