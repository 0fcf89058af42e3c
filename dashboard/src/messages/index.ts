import { appTexts } from "./app";
import { attachmentMessages } from "./attachments";
import { commonMessages } from "./common";
import { engagementResources } from "./engagementResources";
import { engagementMessages } from "./engagement";
import { enumLabels } from "./enums";
import { evaluationMessages } from "./evaluation";
import { homeMessages } from "./home";
import { analyticsMessages } from "./analytics";
import { invitationMessages } from "./invitations";
import { listMessages } from "./lists";
import { notificationMessages } from "./notifications";
import { registryMessages } from "./registry";
import { reportMessages } from "./reports";
import { activityReportMessages } from "./activityReports";
import { agencyAnswerMessages } from "./agencyAnswers";
import { selfServiceMessages } from "./selfService";
import { trainingMessages } from "./training";
import { needsAssessmentMessages } from "./needsAssessments";
import { demandTopicMessages } from "./demandTopics";
import { supervisionMessages } from "./supervision";

export type Messages = { [key: string]: string | Messages };

/** The messages merged key by key (a later file adds keys to an earlier file's groups). */
export function mergeMessages(...parts: object[]): Messages {
  const merged: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const current = merged[key];
      merged[key] =
        typeof value === "object" && value !== null && typeof current === "object"
          ? mergeMessages(current, value)
          : (value as string | Messages);
    }
  }
  return merged;
}

/**
 * The dashboard's own messages, one file per feature: the application's shared texts (app.ts), words many screens
 * share (common.ts), the registry, engagement and evaluation screens and resources, and the enums' labels (enums.ts).
 */
export const appMessages = mergeMessages(
  appTexts,
  { resources: engagementResources },
  commonMessages,
  evaluationMessages,
  engagementMessages,
  registryMessages,
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
