import LeaderboardIcon from "@mui/icons-material/Leaderboard";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

/** `evaluationResults`: the scoreboard (list) and a manager's result with its breakdown (show). */
const evaluationResults: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./EvaluationResultList").then((m) => m.EvaluationResultList)),
  show: lazyPage(() => import("./EvaluationResultShow").then((m) => m.EvaluationResultShow)),
  icon: LeaderboardIcon,
  recordRepresentation: "managerName",
};

export default evaluationResults;
