import HealingIcon from "@mui/icons-material/Healing";
import { type ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const socialHarms: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./SocialHarmList").then((m) => m.SocialHarmList)),
  create: lazyPage(() => import("./SocialHarmCreate").then((m) => m.SocialHarmCreate)),
  edit: lazyPage(() => import("./SocialHarmEdit").then((m) => m.SocialHarmEdit)),
  icon: HealingIcon,
  recordRepresentation: "name",
};

export default socialHarms;
