import CategoryIcon from "@mui/icons-material/Category";
import { type ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const demandTopics: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./DemandTopicList").then((m) => m.DemandTopicList)),
  create: lazyPage(() => import("./DemandTopicCreate").then((m) => m.DemandTopicCreate)),
  edit: lazyPage(() => import("./DemandTopicEdit").then((m) => m.DemandTopicEdit)),
  icon: CategoryIcon,
  recordRepresentation: "name",
};

export default demandTopics;
