import CategoryIcon from "@mui/icons-material/Category";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const fieldsOfActivity: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./FieldOfActivityList").then((m) => m.FieldOfActivityList)),
  create: lazyPage(() => import("./FieldOfActivityCreate").then((m) => m.FieldOfActivityCreate)),
  edit: lazyPage(() => import("./FieldOfActivityEdit").then((m) => m.FieldOfActivityEdit)),
  show: lazyPage(() => import("./FieldOfActivityShow").then((m) => m.FieldOfActivityShow)),
  icon: CategoryIcon,
  recordRepresentation: "name",
};

export default fieldsOfActivity;
