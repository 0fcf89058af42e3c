import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import { MY_AGENCY_PATH } from "../paths";
import type { SelfServiceMenuEntry } from "./menuEntry";

/** An agency respondent's menu: what is addressed to their agency (add entries here, e.g. the agency inbox). */
export const AGENCY_RESPONDENT_MENU: SelfServiceMenuEntry[] = [
  {
    key: "myAgency",
    to: MY_AGENCY_PATH,
    label: "hamafza.selfService.menu.myAgency",
    hint: "hamafza.selfService.hints.myAgency",
    icon: <AccountBalanceIcon />,
  },
];
