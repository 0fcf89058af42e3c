import type { ComponentProps } from "react";
import { Admin, CustomRoutes, type DashboardComponent, reactRouterProvider, Resource } from "react-admin";
import { CHANGE_PASSWORD_PATH } from "./account/paths";
import agencies from "./agencies";
import auditEntries from "./audit";
import { authProvider } from "./auth";
import { LoginPage } from "./auth/LoginPage";
import { i18nProvider } from "./common/i18n";
import { lazyPage } from "./common/lazyPage";
import { darkTheme, lightTheme } from "./common/theme";
import counties from "./counties";
import { dataProvider } from "./dataProvider";
import facilitationOffices from "./facilitationOffices";
import fieldsOfActivity from "./fieldsOfActivity";
import informalSettlementAreas from "./informalSettlementAreas";
import needsAssessments from "./needsAssessments";
import { coverageResources } from "./areaCoverage";
import { AppLayout } from "./layout/AppLayout";
import licences from "./licences";
import managers from "./managers";
import meetings from "./meetings";
import { MEETING_CALENDAR_PATH } from "./meetings/paths";
import demands from "./demands";
import { agendaItems, workingGroupMembers } from "./engagement/resources";
import { ANALYTICS_PATH } from "./analytics/analyticsPaths";
import evaluationResults from "./evaluation";
import {
  EVALUATION_COMPARE_PATH,
  EVALUATION_OBJECTIONS_PATH,
  EVALUATION_PATH,
  EVALUATION_WHAT_IF_PATH,
  MY_EVALUATION_PATH,
} from "./evaluation/paths";
import projects from "./projects";
import proposals from "./proposals";
import resolutions from "./resolutions";
import socialHarms from "./socialHarms";
import demandTopics from "./demandTopics";
import governingBodies from "./governingBodies";
import ngoActivityReports from "./activityReports";
import workingGroups from "./workingGroups";
import trainingSessions from "./training";
import { MY_MEETINGS_PATH, MY_TRAINING_PATH } from "./training/paths";
import { MY_NEEDS_ASSESSMENTS_PATH } from "./needsAssessments/paths";
import ngoHouses from "./ngoHouses";
import ngoNetworks from "./ngoNetworks";
import ngos from "./ngos";
import { NGO_IMPORT_PATH } from "./ngos/paths";
import { INVITATIONS_PATH } from "./invitations/invitationOperations";
import { ACCEPT_INVITATION_PATH } from "./invitations/acceptInvitation";
import { INBOX_PATH } from "./notifications/notificationOperations";
import { MY_REQUESTS_PATH, RESPONDENT_INBOX_PATH } from "./agencyAnswers/agencyAnswerOperations";
import provinces from "./provinces";
import { DUPLICATES_PATH, PARALLEL_WORK_PATH } from "./registry/paths";
import {
  MY_AGENCY_PATH,
  MY_NGO_CHANGE_REQUESTS_PATH,
  MY_NGO_PATH,
  MY_RESULTS_PATH,
  NGO_CHANGE_REQUESTS_PATH,
} from "./selfService/paths";
import users from "./users";

const { Route } = reactRouterProvider;
/** Pages loaded when first shown (route-level code splitting; resources do the same in their index.tsx). */
const AnalyticsPage = lazyPage(() => import("./analytics/AnalyticsPage").then((m) => m.AnalyticsPage));
const ChangePasswordPage = lazyPage(() => import("./account/ChangePasswordPage").then((m) => m.ChangePasswordPage));
const Dashboard = lazyPage<ComponentProps<DashboardComponent>>(() =>
  import("./dashboard/Dashboard").then((m) => m.Dashboard),
);
const EvaluationCyclePage = lazyPage(() =>
  import("./evaluation/EvaluationCyclePage").then((m) => m.EvaluationCyclePage),
);
const InboxPage = lazyPage(() => import("./notifications/InboxPage").then((m) => m.InboxPage));
const InvitationsPage = lazyPage(() => import("./invitations/InvitationsPage").then((m) => m.InvitationsPage));
const AcceptInvitationPage = lazyPage(() =>
  import("./invitations/AcceptInvitationPage").then((m) => m.AcceptInvitationPage),
);
const MyAgencyPage = lazyPage(() => import("./selfService/MyAgencyPage").then((m) => m.MyAgencyPage));
const MyChangeRequestsPage = lazyPage(() =>
  import("./selfService/MyChangeRequestsPage").then((m) => m.MyChangeRequestsPage),
);
const NgoChangeRequestsPage = lazyPage(() =>
  import("./ngoChangeRequests/NgoChangeRequestsPage").then((m) => m.NgoChangeRequestsPage),
);
const MyNgoPage = lazyPage(() => import("./selfService/MyNgoPage").then((m) => m.MyNgoPage));
const MyNeedsAssessmentsPage = lazyPage(() =>
  import("./needsAssessments/MyNeedsAssessmentsPage").then((m) => m.MyNeedsAssessmentsPage),
);
const MyResultsPage = lazyPage(() => import("./selfService/MyResultsPage").then((m) => m.MyResultsPage));
const MeetingCalendar = lazyPage(() => import("./meetings/MeetingCalendar").then((m) => m.MeetingCalendar));
const NgoDuplicatesPage = lazyPage(() => import("./registry/NgoDuplicatesPage").then((m) => m.NgoDuplicatesPage));
const NgoImportPage = lazyPage(() => import("./ngos/NgoImportPage").then((m) => m.NgoImportPage));
const ParallelWorkPage = lazyPage(() => import("./registry/ParallelWorkPage").then((m) => m.ParallelWorkPage));
const RunComparison = lazyPage(() => import("./evaluation/RunComparison").then((m) => m.RunComparison));
const MyTrainingPage = lazyPage(() => import("./training/MyTrainingPage").then((m) => m.MyTrainingPage));
const MyMeetingsPage = lazyPage(() => import("./training/MyMeetingsPage").then((m) => m.MyMeetingsPage));
const WhatIfPage = lazyPage(() => import("./evaluation/WhatIfPage").then((m) => m.WhatIfPage));
// Issue 15: managers' objections (evaluators) and an invited manager's own result.
const ObjectionsPage = lazyPage(() => import("./evaluation/ObjectionsPage").then((m) => m.ObjectionsPage));
const MyEvaluationPage = lazyPage(() => import("./evaluation/MyEvaluationPage").then((m) => m.MyEvaluationPage));
// Agencies answer in the system (docs/self-service.md): the representative's requests, the respondent's inbox.
const MyRequestsPage = lazyPage(() => import("./agencyAnswers/MyRequestsPage").then((m) => m.MyRequestsPage));
const RespondentInboxPage = lazyPage(() =>
  import("./agencyAnswers/RespondentInboxPage").then((m) => m.RespondentInboxPage),
);

/** Which resource a role sees (menu, pages, buttons) is decided by `authProvider.canAccess`. */
export const App = () => (
  <Admin
    title={i18nProvider.translate("hamafza.appName")}
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    requireAuth
    layout={AppLayout}
    i18nProvider={i18nProvider}
    lightTheme={lightTheme}
    darkTheme={darkTheme}
    dashboard={Dashboard}
    disableTelemetry
  >
    <Resource name="ngos" {...ngos} />
    <Resource name="licences" {...licences} />
    <Resource name="ngoHouses" {...ngoHouses} />
    <Resource name="ngoActivityReports" {...ngoActivityReports} />
    <Resource name="trainingSessions" {...trainingSessions} />
    <Resource name="ngoNetworks" {...ngoNetworks} />
    <Resource name="facilitationOffices" {...facilitationOffices} />
    <Resource name="informalSettlementAreas" {...informalSettlementAreas} />
    <Resource name="needsAssessments" {...needsAssessments} />
    {Object.entries(coverageResources).map(([name, props]) => (
      <Resource key={name} name={name} {...props} />
    ))}
    <Resource name="meetings" {...meetings} />
    <Resource name="resolutions" {...resolutions} />
    <Resource name="workingGroups" {...workingGroups} />
    <Resource name="governingBodies" {...governingBodies} />
    <Resource name="projects" {...projects} />
    <Resource name="proposals" {...proposals} />
    <Resource name="demands" {...demands} />
    <Resource name="socialHarms" {...socialHarms} />
    <Resource name="demandTopics" {...demandTopics} />
    <Resource name="agendaItems" {...agendaItems} />
    <Resource name="workingGroupMembers" {...workingGroupMembers} />
    <Resource name="evaluationResults" {...evaluationResults} />
    <Resource name="agencies" {...agencies} />
    <Resource name="managers" {...managers} />
    <Resource name="fieldsOfActivity" {...fieldsOfActivity} />
    <Resource name="provinces" {...provinces} />
    <Resource name="counties" {...counties} />
    <Resource name="users" {...users} />
    <Resource name="auditEntries" {...auditEntries} />
    <CustomRoutes noLayout>
      <Route path={ACCEPT_INVITATION_PATH} element={<AcceptInvitationPage />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
      <Route path={NGO_IMPORT_PATH} element={<NgoImportPage />} />
      <Route path={DUPLICATES_PATH} element={<NgoDuplicatesPage />} />
      <Route path={PARALLEL_WORK_PATH} element={<ParallelWorkPage />} />
      <Route path={EVALUATION_PATH} element={<EvaluationCyclePage />} />
      <Route path={EVALUATION_COMPARE_PATH} element={<RunComparison />} />
      <Route path={EVALUATION_WHAT_IF_PATH} element={<WhatIfPage />} />
      <Route path={EVALUATION_OBJECTIONS_PATH} element={<ObjectionsPage />} />
      <Route path={MY_EVALUATION_PATH} element={<MyEvaluationPage />} />
      <Route path={MY_NEEDS_ASSESSMENTS_PATH} element={<MyNeedsAssessmentsPage />} />
      <Route path={MEETING_CALENDAR_PATH} element={<MeetingCalendar />} />
      <Route path={INBOX_PATH} element={<InboxPage />} />
      <Route path={ANALYTICS_PATH} element={<AnalyticsPage />} />
      <Route path={INVITATIONS_PATH} element={<InvitationsPage />} />
      <Route path={NGO_CHANGE_REQUESTS_PATH} element={<NgoChangeRequestsPage />} />
      {/* Invited users' own pages (selfService/; their menus: selfService/menus/). */}
      <Route path={MY_NGO_PATH} element={<MyNgoPage />} />
      <Route path={MY_NGO_CHANGE_REQUESTS_PATH} element={<MyChangeRequestsPage />} />
      <Route path={MY_AGENCY_PATH} element={<MyAgencyPage />} />
      <Route path={MY_RESULTS_PATH} element={<MyResultsPage />} />
      <Route path={MY_REQUESTS_PATH} element={<MyRequestsPage />} />
      <Route path={RESPONDENT_INBOX_PATH} element={<RespondentInboxPage />} />
      <Route path={MY_TRAINING_PATH} element={<MyTrainingPage />} />
      <Route path={MY_MEETINGS_PATH} element={<MyMeetingsPage />} />
    </CustomRoutes>
  </Admin>
);
