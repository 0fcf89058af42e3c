import CalendarMonthIcon from "@mui/icons-material/CalendarMonth";
import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import FeedbackIcon from "@mui/icons-material/Feedback";
import HistoryEduIcon from "@mui/icons-material/HistoryEdu";
import InsightsIcon from "@mui/icons-material/Insights";
import PersonAddIcon from "@mui/icons-material/PersonAdd";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import ListSubheader from "@mui/material/ListSubheader";
import type { ReactElement } from "react";
import { Menu, usePermissions, useSidebarState, useTranslate } from "react-admin";
import { ANALYTICS_HOME } from "../analytics/analyticsPaths";
import { canRoleAccess } from "../auth/access";
import { isBoundRole, type Role } from "../auth/roles";
import { EVALUATION_OBJECTIONS_PATH, EVALUATION_PATH } from "../evaluation/paths";
import { INVITATIONS_PATH } from "../invitations/invitationOperations";
import { MEETING_CALENDAR_PATH } from "../meetings/paths";
import { NGO_IMPORT_PATH } from "../ngos/paths";
import { DUPLICATES_PATH, PARALLEL_WORK_PATH } from "../registry/paths";
import { NGO_CHANGE_REQUESTS_PATH } from "../selfService/paths";
import { SelfServiceMenu } from "../selfService/SelfServiceMenu";

type Item =
  | { resource: string }
  | { page: string; to: string; label: string; icon: ReactElement; action?: string; accessResource: string };

interface Group {
  label: string;
  items: Item[];
}

/** The menu, grouped by what the work is about; a group shows only the items the role may open. */
export const MENU_GROUPS: Group[] = [
  {
    label: "hamafza.menu.registry",
    items: [
      { resource: "ngos" },
      { resource: "licences" },
      {
        page: "import",
        to: NGO_IMPORT_PATH,
        label: "hamafza.import.menu",
        icon: <UploadFileIcon />,
        action: "import",
        accessResource: "ngos",
      },
      {
        page: "duplicates",
        to: DUPLICATES_PATH,
        label: "hamafza.duplicates.menu",
        icon: <ContentCopyIcon />,
        accessResource: "ngoDuplicates",
      },
      {
        page: "parallelWork",
        to: PARALLEL_WORK_PATH,
        label: "hamafza.parallelWork.menu",
        icon: <CompareArrowsIcon />,
        accessResource: "parallelWork",
      },
      {
        page: "ngoChangeRequests",
        to: NGO_CHANGE_REQUESTS_PATH,
        label: "hamafza.selfService.changeRequests.officialsMenu",
        icon: <HistoryEduIcon />,
        accessResource: "ngoChangeRequests",
      },
    ],
  },
  {
    label: "hamafza.menu.organisations",
    items: [
      { resource: "ngoHouses" },
      { resource: "ngoNetworks" },
      { resource: "facilitationOffices" },
      { resource: "informalSettlementAreas" },
      { resource: "needsAssessments" },
      { resource: "ngoActivityReports" },
      { resource: "trainingSessions" },
    ],
  },
  {
    label: "hamafza.menu.coverage",
    items: [
      { resource: "countiesWithoutFacilitationOffice" },
      { resource: "areasWithoutFacilitationOffice" },
      { resource: "areasWithoutNgo" },
      { resource: "areasDueForNeedsAssessment" },
    ],
  },
  {
    label: "hamafza.menu.engagement",
    items: [
      { resource: "meetings" },
      {
        page: "meetingCalendar",
        to: MEETING_CALENDAR_PATH,
        label: "hamafza.common.meetingCalendar",
        icon: <CalendarMonthIcon />,
        accessResource: "meetings",
      },
      { resource: "resolutions" },
      { resource: "workingGroups" },
      { resource: "governingBodies" },
      { resource: "projects" },
      { resource: "proposals" },
      { resource: "demands" },
      { resource: "socialHarms" },
      { resource: "demandTopics" },
    ],
  },
  {
    label: "hamafza.menu.evaluation",
    items: [
      { resource: "evaluationResults" },
      {
        page: "evaluationCycles",
        to: EVALUATION_PATH,
        label: "hamafza.common.evaluationCycles",
        icon: <FactCheckIcon />,
        accessResource: "evaluationCycles",
      },
      {
        page: "evaluationObjections",
        to: EVALUATION_OBJECTIONS_PATH,
        label: "hamafza.evaluation.objectionsMenu",
        icon: <FeedbackIcon />,
        accessResource: "evaluationObjections",
      },
    ],
  },
  {
    label: "hamafza.menu.analytics",
    items: [
      {
        page: "analytics",
        to: ANALYTICS_HOME,
        label: "hamafza.analytics.menu",
        icon: <InsightsIcon />,
        accessResource: "analytics",
      },
    ],
  },
  { label: "hamafza.menu.agencies", items: [{ resource: "agencies" }, { resource: "managers" }] },
  {
    label: "hamafza.menu.reference",
    items: [{ resource: "fieldsOfActivity" }, { resource: "provinces" }, { resource: "counties" }],
  },
  {
    label: "hamafza.menu.system",
    items: [
      {
        page: "invitations",
        to: INVITATIONS_PATH,
        label: "hamafza.invitations.menu",
        icon: <PersonAddIcon />,
        accessResource: "invitedUsers",
      },
      { resource: "users" },
      { resource: "auditEntries" },
    ],
  },
];

function visible(role: Role | undefined, item: Item): boolean {
  return "resource" in item
    ? canRoleAccess(role, { action: "list", resource: item.resource })
    : canRoleAccess(role, { action: item.action ?? "list", resource: item.accessResource });
}

export const AppMenu = () => {
  const { permissions } = usePermissions<Role | undefined>();
  const [open] = useSidebarState();
  const translate = useTranslate();
  // Invited users (NGO representatives, agency respondents, managers) have their own menu, one file per role.
  if (isBoundRole(permissions)) return <SelfServiceMenu role={permissions} />;
  return (
    <Menu>
      <Menu.DashboardItem />
      {MENU_GROUPS.map((group) => {
        const items = group.items.filter((item) => visible(permissions, item));
        if (items.length === 0) return null;
        return [
          open ? (
            <ListSubheader
              key={group.label}
              disableSticky
              sx={{ lineHeight: "2.25rem", mt: 1, bgcolor: "transparent" }}
            >
              {translate(group.label)}
            </ListSubheader>
          ) : null,
          ...items.map((item) =>
            "resource" in item ? (
              <Menu.ResourceItem key={item.resource} name={item.resource} />
            ) : (
              <Menu.Item key={item.page} to={item.to} primaryText={item.label} leftIcon={item.icon} />
            ),
          ),
        ];
      })}
    </Menu>
  );
};
