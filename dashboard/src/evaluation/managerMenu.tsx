import AssessmentIcon from "@mui/icons-material/Assessment";
import { MY_EVALUATION_PATH } from "./paths";

/**
 * MENU ENTRY for the invited manager (Role.MANAGER, issue 15): «ارزیابی من» — their result under review with its
 * evidence, objections and the evaluator's answers (MyEvaluationPage, route MY_EVALUATION_PATH). The menus of the
 * bound roles are built by the self-service shell (dashboard/src/selfService/, another branch): include this item in
 * the MANAGER menu there when merging.
 */
export const MY_EVALUATION_MENU_ITEM = {
  page: "myEvaluation",
  to: MY_EVALUATION_PATH,
  label: "hamafza.evaluation.myEvaluationMenu",
  icon: <AssessmentIcon />,
} as const;
