import LeaderboardIcon from "@mui/icons-material/Leaderboard";
import type { ResourceProps } from "react-admin";
import { EvaluationResultShow } from "./EvaluationResultShow";
import { EvaluationResultList } from "./EvaluationResultList";

/** `evaluationResults`: the scoreboard (list) and a manager's result with its breakdown (show). */
const evaluationResults: Omit<ResourceProps, "name"> = {
  list: EvaluationResultList,
  show: EvaluationResultShow,
  icon: LeaderboardIcon,
  recordRepresentation: "managerName",
};

export default evaluationResults;
