import { EDITOR_ROLES, STAFF_ROLES, type Role } from "./roles";

/** react-admin actions that only read; every other action (create, edit, delete, clone, …) writes. */
const READ_ACTIONS = new Set(["list", "show", "export", "read"]);

interface ResourceRule {
  read: readonly Role[];
  write: readonly Role[];
  /** Actions the API does not offer at all for this resource, whatever the role. */
  unsupported?: readonly string[];
}

/**
 * Every governorate role. Invited users (NGO representatives, agency respondents, managers) are never part of it:
 * they meet the self-service dashboard (selfService/), and a staff resource names them only when it is theirs too.
 */
const EVERYONE = STAFF_ROLES;

/**
 * Which role may do what in the dashboard. The server enforces the same rules (and the territory); these only keep
 * the menu and the buttons honest, so a user never meets a page or a button that would be refused.
 */
const REFERENCE_DATA: ResourceRule = { read: EVERYONE, write: ["ADMIN"] };

/** Registry data officers keep in their territory (administrators everywhere); everyone else reads it. */
const REGISTRY_DATA: ResourceRule = { read: EVERYONE, write: EDITOR_ROLES };

const RULES: Readonly<Record<string, ResourceRule>> = {
  users: { read: ["ADMIN"], write: ["ADMIN"], unsupported: ["delete"] },
  auditEntries: { read: ["ADMIN", "EVALUATOR"], write: [] },
  // Invitations of NGO representatives, agency respondents and managers: officers in their territory.
  invitedUsers: { read: EDITOR_ROLES, write: EDITOR_ROLES },
  // `ngos` + action `import` is the CSV import page (a write).
  ngos: REGISTRY_DATA,
  meetings: { read: EVERYONE, write: EDITOR_ROLES },
  // Engagement: officers keep it in their territory; everyone reads.
  agendaItems: { read: EVERYONE, write: EDITOR_ROLES },
  resolutions: { read: EVERYONE, write: EDITOR_ROLES },
  workingGroups: { read: EVERYONE, write: EDITOR_ROLES },
  governingBodies: { read: EVERYONE, write: EDITOR_ROLES },
  workingGroupMembers: { read: EVERYONE, write: EDITOR_ROLES },
  projects: { read: EVERYONE, write: EDITOR_ROLES },
  proposals: { read: EVERYONE, write: EDITOR_ROLES },
  demands: { read: EVERYONE, write: EDITOR_ROLES },
  // The social-harm catalogue: administrators only.
  socialHarms: REFERENCE_DATA,
  // The demand-category catalogue: administrators only.
  demandTopics: REFERENCE_DATA,
  // Evaluation: evaluators and administrators work; everyone reads (published results only, server-side).
  // `evaluationResults` + `edit` is the adjustment; `evaluationCycles` + `edit` the rubric, runs and transitions.
  evaluationResults: { read: EVERYONE, write: ["ADMIN", "EVALUATOR"], unsupported: ["create", "delete"] },
  evaluationCycles: { read: EVERYONE, write: ["ADMIN", "EVALUATOR"] },
  // Issue 15: managers' objections — evaluators and administrators list and resolve them (an invited manager files
  // them on the «my evaluation» page, evaluation/managerMenu.tsx).
  evaluationObjections: { read: ["ADMIN", "EVALUATOR"], write: ["ADMIN", "EVALUATOR"] },
  // Licences are issued from their NGO's page (`issueLicence`), not created as a record.
  licences: { ...REGISTRY_DATA, unsupported: ["create"] },
  agencies: REGISTRY_DATA,
  managers: REGISTRY_DATA,
  informalSettlementAreas: REGISTRY_DATA,
  ngoHouses: REGISTRY_DATA,
  // Annual activity reports: officers record, correct and review them; deleting is not offered.
  ngoActivityReports: { ...REGISTRY_DATA, unsupported: ["delete"] },
  // Supervision records (docs/activity-reports.md): officers add them on the NGO's page (no edit or delete);
  // a representative reads its own NGO's on «سمن من».
  supervisionRecords: { ...REGISTRY_DATA, unsupported: ["edit", "delete"] },
  // The training loop (docs/training.md): officers plan sessions (no edit or delete: cancel instead); needs are
  // declared by NGO representatives and edited by officers in the NGO profile.
  trainingSessions: { ...REGISTRY_DATA, unsupported: ["edit", "delete"] },
  trainingNeeds: { read: EVERYONE, write: [] },
  ngoNetworks: REGISTRY_DATA,
  facilitationOffices: REGISTRY_DATA,
  // Needs assessments: officers record them (an NGO representative files one through the API for its own NGO).
  needsAssessments: REGISTRY_DATA,
  // Coverage lists (queries only; docs/coverage.md).
  countiesWithoutFacilitationOffice: { read: EVERYONE, write: [] },
  areasWithoutFacilitationOffice: { read: EVERYONE, write: [] },
  areasWithoutNgo: { read: EVERYONE, write: [] },
  areasDueForNeedsAssessment: { read: EVERYONE, write: [] },
  // The taxonomy of fields of activity: administrators only.
  fieldsOfActivity: REFERENCE_DATA,
  provinces: { ...REFERENCE_DATA, unsupported: ["create", "edit", "delete"] },
  counties: { ...REFERENCE_DATA, unsupported: ["create", "edit", "delete"] },
  // Analysis pages (queries only).
  ngoDuplicates: { read: EVERYONE, write: [] },
  parallelWork: { read: EVERYONE, write: [] },
  analytics: { read: EVERYONE, write: [] },
  // Self-service (docs/self-service.md). `myNgo`: the representative's own NGO, its profile and change requests.
  myNgo: { read: ["NGO_REPRESENTATIVE"], write: ["NGO_REPRESENTATIVE"] },
  // Change requests of regulated NGO fields: officers of the territory decide them; representatives read their own.
  ngoChangeRequests: { read: [...EDITOR_ROLES, "NGO_REPRESENTATIVE"], write: EDITOR_ROLES },
  // The respondent's agency and the items addressed to it.
  myAgency: { read: ["AGENCY_RESPONDENT"], write: ["AGENCY_RESPONDENT"] },
  // The manager's own results (once a cycle is under review) and evidence.
  myResults: { read: ["MANAGER"], write: ["MANAGER"] },
  // Agencies answer (docs/self-service.md): the representative's own requests, the respondent's inbox.
  myRequests: { read: ["NGO_REPRESENTATIVE"], write: ["NGO_REPRESENTATIVE"] },
  respondentInbox: { read: ["AGENCY_RESPONDENT"], write: ["AGENCY_RESPONDENT"] },
};

export interface AccessQuery {
  action: string;
  resource: string;
}

export function canRoleAccess(role: Role | undefined, { action, resource }: AccessQuery): boolean {
  if (!role) return false;
  const rule = RULES[resource.split(".")[0]] ?? REFERENCE_DATA;
  if (rule.unsupported?.includes(action)) return false;
  return (READ_ACTIONS.has(action) ? rule.read : rule.write).includes(role);
}
