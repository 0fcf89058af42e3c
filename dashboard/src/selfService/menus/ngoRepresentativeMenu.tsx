import ApartmentIcon from "@mui/icons-material/Apartment";
import EventIcon from "@mui/icons-material/Event";
import ForumIcon from "@mui/icons-material/Forum";
import HistoryEduIcon from "@mui/icons-material/HistoryEdu";
import TravelExploreIcon from "@mui/icons-material/TravelExplore";
import SchoolIcon from "@mui/icons-material/School";
import { MY_REQUESTS_PATH } from "../../agencyAnswers/agencyAnswerOperations";
import { MY_NEEDS_ASSESSMENTS_PATH } from "../../needsAssessments/paths";
import { MY_MEETINGS_PATH, MY_TRAINING_PATH } from "../../training/paths";
import { MY_NGO_CHANGE_REQUESTS_PATH, MY_NGO_PATH } from "../paths";
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
  {
    key: "changeRequests",
    to: MY_NGO_CHANGE_REQUESTS_PATH,
    label: "hamafza.selfService.menu.changeRequests",
    hint: "hamafza.selfService.hints.changeRequests",
    icon: <HistoryEduIcon />,
  },
  // Agencies answer (docs/self-service.md): the NGO's demands and proposals, submitted and followed here.
  {
    key: "myRequests",
    to: MY_REQUESTS_PATH,
    label: "hamafza.agencyAnswers.myRequests.menu",
    hint: "hamafza.agencyAnswers.myRequests.hint",
    icon: <ForumIcon />,
  },
  {
    key: "training",
    to: MY_TRAINING_PATH,
    label: "hamafza.training.myTraining",
    hint: "hamafza.training.hint",
    icon: <SchoolIcon />,
  },
  {
    key: "meetings",
    to: MY_MEETINGS_PATH,
    label: "hamafza.meetingInvitations.menu",
    hint: "hamafza.meetingInvitations.hint",
    icon: <EventIcon />,
  },
  // Needs assessments (seed 003) of the areas the NGO works in
  {
    key: "needsAssessments",
    to: MY_NEEDS_ASSESSMENTS_PATH,
    label: "hamafza.needsAssessments.mine.menu",
    hint: "hamafza.needsAssessments.mine.hint",
    icon: <TravelExploreIcon />,
  },
];
