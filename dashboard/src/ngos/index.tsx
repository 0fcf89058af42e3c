import GroupsIcon from "@mui/icons-material/Groups";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const ngos: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./NgoList").then((m) => m.NgoList)),
  show: lazyPage(() => import("./NgoShow").then((m) => m.NgoShow)),
  create: lazyPage(() => import("./NgoCreate").then((m) => m.NgoCreate)),
  edit: lazyPage(() => import("./NgoEdit").then((m) => m.NgoEdit)),
  icon: GroupsIcon,
  recordRepresentation: "name",
};

export default ngos;
