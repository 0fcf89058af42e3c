import HealingIcon from "@mui/icons-material/Healing";
import { type ResourceProps } from "react-admin";
import { SocialHarmList } from "./SocialHarmList";
import { SocialHarmCreate } from "./SocialHarmCreate";
import { SocialHarmEdit } from "./SocialHarmEdit";

const socialHarms: Omit<ResourceProps, "name"> = {
  list: SocialHarmList,
  create: SocialHarmCreate,
  edit: SocialHarmEdit,
  icon: HealingIcon,
  recordRepresentation: "name",
};

export default socialHarms;
