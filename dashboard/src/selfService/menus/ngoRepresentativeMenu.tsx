import ApartmentIcon from "@mui/icons-material/Apartment";
import { MY_NGO_PATH } from "../paths";
import type { SelfServiceMenuEntry } from "./menuEntry";

/** An NGO representative's menu: their own NGO only (add entries here for new self-service pages). */
export const NGO_REPRESENTATIVE_MENU: SelfServiceMenuEntry[] = [
  {
    key: "myNgo",
    to: MY_NGO_PATH,
    label: "hamafza.selfService.menu.myNgo",
    hint: "hamafza.selfService.hints.myNgo",
    icon: <ApartmentIcon />,
  },
];
