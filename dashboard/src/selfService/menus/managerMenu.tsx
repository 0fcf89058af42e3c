import AssessmentIcon from "@mui/icons-material/Assessment";
import { MY_RESULTS_PATH } from "../paths";
import type { SelfServiceMenuEntry } from "./menuEntry";

/** An evaluated manager's menu: their own results (add entries here, e.g. objections). */
export const MANAGER_MENU: SelfServiceMenuEntry[] = [
  {
    key: "myResults",
    to: MY_RESULTS_PATH,
    label: "hamafza.selfService.menu.myResults",
    hint: "hamafza.selfService.hints.myResults",
    icon: <AssessmentIcon />,
  },
];
