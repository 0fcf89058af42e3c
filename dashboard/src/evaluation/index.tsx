import LeaderboardIcon from "@mui/icons-material/Leaderboard";
import type { ResourceProps } from "react-admin";
import { ResultShow } from "./ResultShow";
import { Scoreboard } from "./Scoreboard";

/** `evaluationResults`: the scoreboard (list) and a manager's result with its breakdown (show). */
const evaluationResults: Omit<ResourceProps, "name"> = {
  list: Scoreboard,
  show: ResultShow,
  icon: LeaderboardIcon,
  recordRepresentation: "managerName",
};

export default evaluationResults;
