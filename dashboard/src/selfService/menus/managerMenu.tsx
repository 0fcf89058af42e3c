import AssessmentIcon from "@mui/icons-material/Assessment";
import RateReviewIcon from "@mui/icons-material/RateReview";
import { MY_EVALUATION_PATH } from "../../evaluation/paths";
import { MY_RESULTS_PATH } from "../paths";
import type { SelfServiceMenuEntry } from "./menuEntry";

/** An evaluated manager's menu: their own results, and the result under review with its evidence and objections. */
export const MANAGER_MENU: SelfServiceMenuEntry[] = [
  {
    key: "myResults",
    to: MY_RESULTS_PATH,
    label: "hamafza.selfService.menu.myResults",
    hint: "hamafza.selfService.hints.myResults",
    icon: <AssessmentIcon />,
  },
  {
    key: "myEvaluation",
    to: MY_EVALUATION_PATH,
    label: "hamafza.evaluation.myEvaluationMenu",
    hint: "hamafza.selfService.hints.myEvaluation",
    icon: <RateReviewIcon />,
  },
];
