import PeopleIcon from "@mui/icons-material/People";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const users: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./UserList").then((m) => m.UserList)),
  create: lazyPage(() => import("./UserCreate").then((m) => m.UserCreate)),
  edit: lazyPage(() => import("./UserEdit").then((m) => m.UserEdit)),
  icon: PeopleIcon,
  recordRepresentation: "displayName",
};

export default users;
