import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import MoveToInboxIcon from "@mui/icons-material/MoveToInbox";
import { RESPONDENT_INBOX_PATH } from "../../agencyAnswers/agencyAnswerOperations";
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
  // Agencies answer (docs/self-service.md): the demands and proposals addressed to the agency, answered here.
  {
    key: "respondentInbox",
    to: RESPONDENT_INBOX_PATH,
    label: "hamafza.agencyAnswers.inbox.menu",
    hint: "hamafza.agencyAnswers.inbox.hint",
    icon: <MoveToInboxIcon />,
  },
];
