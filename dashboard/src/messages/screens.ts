import { activityReportMessages } from "./activityReports";
import { agencyAnswerMessages } from "./agencyAnswers";
import { analyticsMessages } from "./analytics";
import { attachmentMessages } from "./attachments";
import { demandTopicMessages } from "./demandTopics";
import { engagementMessages } from "./engagement";
import { engagementResources } from "./engagementResources";
import { enumLabels } from "./enums";
import { evaluationMessages } from "./evaluation";
import { homeMessages } from "./home";
import { invitationMessages } from "./invitations";
import { listMessages } from "./lists";
import { mergeMessages } from "./merge";
import { needsAssessmentMessages } from "./needsAssessments";
import { notificationMessages } from "./notifications";
import { registryMessages } from "./registry";
import { registryResources } from "./registryResources";
import { reportMessages } from "./reports";
import { selfServiceMessages } from "./selfService";
import { supervisionMessages } from "./supervision";
import { trainingMessages } from "./training";

/**
 * The screens' messages, one file per feature: the registry, engagement and evaluation screens and resources, the
 * menu's entries, the enums' labels (enums.ts). A chunk of its own, fetched after sign-in with the layout and the
 * first page (common/i18n.ts `loadScreenMessages`), so the sign-in page does not carry them.
 */
export const screenMessages = mergeMessages(
  { resources: engagementResources },
  evaluationMessages,
  engagementMessages,
  registryMessages,
  { resources: registryResources },
  notificationMessages,
  reportMessages,
  activityReportMessages,
  supervisionMessages,
  trainingMessages,
  needsAssessmentMessages,
  demandTopicMessages,
  attachmentMessages,
  { hamafza: { enums: enumLabels } },
  homeMessages,
  analyticsMessages,
  invitationMessages,
  listMessages,
  agencyAnswerMessages,
  selfServiceMessages,
);
