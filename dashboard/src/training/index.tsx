import SchoolIcon from "@mui/icons-material/School";
import { type ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

/** Training sessions (docs/training.md): officers plan them, invite NGOs with the need, record attendance. */
const trainingSessions: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./TrainingSessionList").then((m) => m.TrainingSessionList)),
  show: lazyPage(() => import("./TrainingSessionShow").then((m) => m.TrainingSessionShow)),
  create: lazyPage(() => import("./TrainingSessionCreate").then((m) => m.TrainingSessionCreate)),
  icon: SchoolIcon,
};

export default trainingSessions;
