import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  IntrospectionQuery,
} from "graphql";
import { bearer, login, postGraphQL, Role, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * The authorization matrix: every query and mutation of the supergraph × every role (and anonymous), asserted
 * allowed or denied. Operations are enumerated from the live schema, so a new operation without an entry in
 * EXPECTED fails here. Then, per role, rows outside the territory never appear: in lists (with right totals),
 * by id, through nested fields, and through `_entities` at the subgraphs.
 */
/** Every role, staff and invited, each signed in as its demo account. */
const ROLES = Object.values(Role);
/** Governorate staff: what `@Allow(ALL_ROLES)` opens an operation to (invited roles are added by name). */
const ALL = [Role.ADMIN, Role.PROVINCE_OFFICER, Role.COUNTY_OFFICER, Role.EVALUATOR, Role.ANALYST];
const OFFICERS = [Role.ADMIN, Role.PROVINCE_OFFICER, Role.COUNTY_OFFICER];
const EXPECTED: Record<string, Role[]> = {
  "Query.provinces": ALL,
  "Query.province": ALL,
  "Query.counties": ALL,
  "Query.county": ALL,
  // Invited roles read their own record only (see "invited roles" below).
  "Query.ngos": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.ngo": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.managers": [...ALL, Role.MANAGER],
  "Query.manager": [...ALL, Role.MANAGER],
  // A representative: the meetings its NGO was invited to or attended
  "Query.meetings": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.meeting": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.managerScores": [...ALL, Role.MANAGER],
  "Query.managerScore": [...ALL, Role.MANAGER],
  // Evaluation cycles, runs and results
  "Query.evaluationCycles": [...ALL, Role.MANAGER],
  "Query.evaluationCycle": [...ALL, Role.MANAGER],
  "Query.evaluationResults": [...ALL, Role.MANAGER],
  "Query.evaluationResult": [...ALL, Role.MANAGER],
  "Query.evaluationGradeDistribution": ALL,
  "Query.evaluationRuns": [Role.ADMIN, Role.EVALUATOR],
  "Query.evaluationRun": [Role.ADMIN, Role.EVALUATOR],
  "Query.recomputeEvaluationRun": [Role.ADMIN, Role.EVALUATOR],
  "Query.evaluationRunDiff": [Role.ADMIN, Role.EVALUATOR],
  "Query.evaluationWhatIf": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.createEvaluationCycle": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.updateEvaluationRubric": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.changeEvaluationCycleState": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.runEvaluation": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.startEvaluationRun": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.adjustEvaluationScore": [Role.ADMIN, Role.EVALUATOR],
  // Managers' objections (issue 15): a manager files on their own result and sees their own; evaluators resolve
  "Query.evaluationObjections": [Role.ADMIN, Role.EVALUATOR, Role.MANAGER],
  "Query.evaluationObjection": [Role.ADMIN, Role.EVALUATOR, Role.MANAGER],
  "Mutation.fileEvaluationObjection": [Role.MANAGER],
  "Mutation.resolveEvaluationObjection": [Role.ADMIN, Role.EVALUATOR],
  "Query.me": ROLES,
  "Query.users": [Role.ADMIN],
  // Invitations of NGO representatives, agency respondents and managers (territory checked by the resolver)
  "Query.invitedUsers": OFFICERS,
  "Mutation.inviteUser": OFFICERS,
  "Mutation.reinviteUser": OFFICERS,
  "Mutation.disableInvitedUser": OFFICERS,
  "Query.user": [Role.ADMIN],
  "Query.auditEntries": [Role.ADMIN, Role.EVALUATOR],
  "Query.auditEntry": [Role.ADMIN, Role.EVALUATOR],
  // The signed-in user's own inbox and notification settings
  "Query.myNotifications": ROLES,
  "Query.myUnreadNotificationCount": ROLES,
  "Query.myNotificationPreferences": ROLES,
  "Mutation.markNotificationsRead": ROLES,
  "Mutation.updateMyNotificationPreferences": ROLES,
  // Saved GraphQL queries: everyone keeps their own; sharing and ownership are checked by the resolver
  "Query.savedQueries": ALL,
  "Query.savedQuery": ALL,
  "Mutation.createSavedQuery": ALL,
  "Mutation.updateSavedQuery": ALL,
  "Mutation.deleteSavedQuery": ALL,
  "Mutation.createNgo": OFFICERS,
  "Mutation.updateNgo": OFFICERS,
  "Mutation.deleteNgo": OFFICERS,
  "Mutation.listNgoPublicly": OFFICERS,
  // NGO self-service (docs/self-service.md): the representative's own NGO; officers decide change requests
  "Mutation.updateMyNgoProfile": [Role.NGO_REPRESENTATIVE],
  "Mutation.requestNgoChange": [Role.NGO_REPRESENTATIVE],
  "Mutation.withdrawMyPublicListingConsent": [Role.NGO_REPRESENTATIVE],
  "Query.ngoChangeRequests": [...OFFICERS, Role.NGO_REPRESENTATIVE],
  "Query.ngoChangeRequest": [...OFFICERS, Role.NGO_REPRESENTATIVE],
  "Mutation.approveNgoChangeRequest": OFFICERS,
  "Mutation.rejectNgoChangeRequest": OFFICERS,
  // The training loop (docs/training.md): a representative declares its own NGO's needs and sees its sessions
  "Query.trainingNeeds": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.trainingSessions": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.trainingSession": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.trainingNeedCounts": ALL,
  "Mutation.declareTrainingNeed": [Role.NGO_REPRESENTATIVE],
  "Mutation.updateTrainingNeed": [Role.NGO_REPRESENTATIVE],
  "Mutation.withdrawTrainingNeed": [Role.NGO_REPRESENTATIVE],
  "Mutation.createTrainingSession": OFFICERS,
  "Mutation.cancelTrainingSession": OFFICERS,
  "Mutation.inviteToTrainingSession": OFFICERS,
  "Mutation.recordTrainingAttendance": OFFICERS,
  "Mutation.markTrainingNeedsMet": OFFICERS,
  // A representative replies to its NGO's meeting invitations
  "Mutation.replyToMeetingInvitation": [Role.NGO_REPRESENTATIVE],
  "Query.ngoActivityReports": ALL,
  "Query.ngoActivityReport": ALL,
  "Query.ngosMissingActivityReport": ALL,
  "Mutation.createNgoActivityReport": OFFICERS,
  "Mutation.updateNgoActivityReport": OFFICERS,
  "Mutation.reviewNgoActivityReport": OFFICERS,
  "Query.activityReportAttachment": ALL,
  "Mutation.attachToActivityReport": OFFICERS,
  "Mutation.removeActivityReportAttachment": OFFICERS,
  // Supervision records (docs/activity-reports.md): a representative reads its own NGO's (warnings issued to it)
  "Query.supervisionRecords": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.supervisionRecord": [...ALL, Role.NGO_REPRESENTATIVE],
  "Mutation.createSupervisionRecord": OFFICERS,
  "Mutation.unlistNgoPublicly": OFFICERS,
  // Engagement: catalogue, agenda, resolutions, working groups, projects, proposals, demands, analytics, facts, locks
  "Query.socialHarms": ALL,
  "Query.socialHarm": ALL,
  "Mutation.createSocialHarm": [Role.ADMIN],
  "Mutation.updateSocialHarm": [Role.ADMIN],
  "Mutation.deleteSocialHarm": [Role.ADMIN],
  "Query.agendaItems": ALL,
  "Query.agendaItem": ALL,
  "Mutation.createAgendaItem": OFFICERS,
  "Mutation.updateAgendaItem": OFFICERS,
  "Mutation.deleteAgendaItem": OFFICERS,
  "Query.resolutions": [...ALL, Role.AGENCY_RESPONDENT],
  "Query.resolution": [...ALL, Role.AGENCY_RESPONDENT],
  "Query.overdueResolutions": ALL,
  "Query.overdueResolutionCounts": ALL,
  "Mutation.createResolution": OFFICERS,
  "Mutation.updateResolution": OFFICERS,
  "Mutation.deleteResolution": OFFICERS,
  "Mutation.addResolutionUpdate": OFFICERS,
  "Query.workingGroups": ALL,
  "Query.workingGroup": ALL,
  "Query.workingGroupMembers": ALL,
  "Query.workingGroupMember": ALL,
  "Mutation.createWorkingGroup": OFFICERS,
  "Mutation.updateWorkingGroup": OFFICERS,
  "Mutation.deleteWorkingGroup": OFFICERS,
  "Mutation.createWorkingGroupMember": OFFICERS,
  "Mutation.updateWorkingGroupMember": OFFICERS,
  "Mutation.deleteWorkingGroupMember": OFFICERS,
  "Query.projects": ALL,
  "Query.unfinishedProjects": ALL,
  "Query.project": ALL,
  "Mutation.createProject": OFFICERS,
  "Mutation.updateProject": OFFICERS,
  "Mutation.deleteProject": OFFICERS,
  "Mutation.addProjectUpdate": OFFICERS,
  // Attachments (docs/attachments.md): the attach mutations need the gateway's upload receipt besides the role
  "Query.attachment": ALL,
  "Mutation.attachToMeeting": OFFICERS,
  "Mutation.attachToResolution": OFFICERS,
  "Mutation.attachToProject": OFFICERS,
  "Mutation.removeAttachment": OFFICERS,
  "Query.licenceAttachment": ALL,
  "Mutation.attachToLicence": OFFICERS,
  "Mutation.removeLicenceAttachment": OFFICERS,
  "Query.proposals": [...ALL, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT],
  "Query.proposal": [...ALL, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT],
  "Mutation.createProposal": OFFICERS,
  "Mutation.updateProposal": OFFICERS,
  "Mutation.deleteProposal": OFFICERS,
  "Query.demands": [...ALL, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT],
  "Query.demand": [...ALL, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT],
  "Mutation.createDemand": OFFICERS,
  "Mutation.updateDemand": OFFICERS,
  "Mutation.deleteDemand": OFFICERS,
  // Agencies answer in the system (docs/self-service.md): the representative submits for its NGO, the respondent answers.
  "Mutation.submitDemand": [Role.NGO_REPRESENTATIVE],
  "Mutation.submitProposal": [Role.NGO_REPRESENTATIVE],
  "Mutation.respondToDemand": [Role.AGENCY_RESPONDENT],
  "Mutation.respondToProposal": [Role.AGENCY_RESPONDENT],
  "Mutation.reportResolutionProgress": [Role.AGENCY_RESPONDENT],
  "Query.meetingStatistics": ALL,
  "Query.meetingMonthlyRhythm": ALL,
  "Query.countiesWithoutProblemCentredMeeting": ALL,
  "Query.resolutionCompletionRates": ALL,
  "Query.socialHarmsMostDiscussed": ALL,
  "Query.ngosWithoutEngagement": ALL,
  "Query.responseTimes": ALL,
  "Query.engagementFacts": [Role.ADMIN, Role.EVALUATOR],
  "Query.engagementPeriodLocks": ALL,
  "Query.engagementReferenceUses": OFFICERS,
  "Mutation.lockEngagementPeriod": [Role.ADMIN, Role.EVALUATOR],
  "Mutation.unlockEngagementPeriod": [Role.ADMIN, Role.EVALUATOR],
  // Organisations and places: agencies, managers' tenures, areas, NGO houses, networks, facilitation offices
  "Query.agencies": [...ALL, Role.AGENCY_RESPONDENT, Role.NGO_REPRESENTATIVE],
  "Query.agency": [...ALL, Role.AGENCY_RESPONDENT, Role.NGO_REPRESENTATIVE],
  "Query.informalSettlementAreas": ALL,
  "Query.informalSettlementArea": ALL,
  // The areas a representative may file a needs assessment for (its NGO's)
  "Query.myAssessableAreas": [Role.NGO_REPRESENTATIVE],
  "Query.ngoHouses": ALL,
  "Query.ngoHouse": ALL,
  "Query.ngoNetworks": ALL,
  "Query.ngoNetwork": ALL,
  "Query.facilitationOffices": ALL,
  "Query.facilitationOffice": ALL,
  "Mutation.createAgency": OFFICERS,
  "Mutation.updateAgency": OFFICERS,
  "Mutation.deleteAgency": OFFICERS,
  "Mutation.createManager": OFFICERS,
  "Mutation.updateManager": OFFICERS,
  "Mutation.endManagerTenure": OFFICERS,
  "Mutation.deleteManager": OFFICERS,
  "Mutation.createInformalSettlementArea": OFFICERS,
  "Mutation.updateInformalSettlementArea": OFFICERS,
  "Mutation.deleteInformalSettlementArea": OFFICERS,
  "Mutation.createNgoHouse": OFFICERS,
  "Mutation.updateNgoHouse": OFFICERS,
  "Mutation.deleteNgoHouse": OFFICERS,
  "Mutation.createNgoNetwork": OFFICERS,
  "Mutation.updateNgoNetwork": OFFICERS,
  "Mutation.deleteNgoNetwork": OFFICERS,
  "Mutation.createFacilitationOffice": OFFICERS,
  "Mutation.updateFacilitationOffice": OFFICERS,
  "Mutation.deleteFacilitationOffice": OFFICERS,
  // Needs assessments (a representative: those its NGO took part in; files one for an area its NGO works in) and coverage
  "Query.needsAssessments": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.needsAssessment": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.areasDueForNeedsAssessment": ALL,
  "Mutation.createNeedsAssessment": [...OFFICERS, Role.NGO_REPRESENTATIVE],
  "Mutation.updateNeedsAssessment": OFFICERS,
  "Mutation.deleteNeedsAssessment": OFFICERS,
  "Query.countiesWithoutFacilitationOffice": ALL,
  // Bodies committees belong to (replacing the free-text parentBody)
  "Query.governingBodies": ALL,
  "Query.governingBody": ALL,
  "Mutation.createGoverningBody": OFFICERS,
  "Mutation.updateGoverningBody": OFFICERS,
  "Mutation.deleteGoverningBody": OFFICERS,
  // The demand-category catalogue: read by everyone who reads demands, managed by administrators
  "Query.demandTopics": [...ALL, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT],
  "Query.demandTopic": [...ALL, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT],
  "Mutation.createDemandTopic": [Role.ADMIN],
  "Mutation.updateDemandTopic": [Role.ADMIN],
  "Mutation.deleteDemandTopic": [Role.ADMIN],
  "Query.areasWithoutFacilitationOffice": ALL,
  "Query.areasWithoutNgo": ALL,
  // NGO profile, licences, search, analytics, import
  // The catalogue: representatives choose their NGO's fields from it («سمن من»)
  "Query.fieldsOfActivity": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.fieldOfActivity": [...ALL, Role.NGO_REPRESENTATIVE],
  "Query.licences": ALL,
  "Query.licence": ALL,
  "Query.expiringLicences": ALL,
  "Query.licenceStatesOn": ALL,
  // The evaluation service's compact read of many (day, NGOs) licence states (issue 13)
  "Query.licenceStatesOnDays": [Role.ADMIN, Role.EVALUATOR],
  "Query.ngoCounts": ALL,
  "Query.trainingNeedSummary": ALL,
  "Query.searchNgos": ALL,
  "Query.duplicateNgoCandidates": ALL,
  // Duplicate NGOs resolved (docs/merging.md)
  "Mutation.dismissNgoDuplicate": OFFICERS,
  "Mutation.mergeNgos": OFFICERS,
  "Mutation.undoNgoMerge": [Role.ADMIN],
  "Query.ngoMerges": OFFICERS,
  "Query.ngoMergeEvents": OFFICERS,
  "Mutation.syncNgoMerges": OFFICERS,
  "Query.parallelWork": ALL,
  "Mutation.createFieldOfActivity": [Role.ADMIN],
  "Mutation.updateFieldOfActivity": [Role.ADMIN],
  "Mutation.deleteFieldOfActivity": [Role.ADMIN],
  "Mutation.issueLicence": OFFICERS,
  "Mutation.renewLicence": OFFICERS,
  "Mutation.suspendLicence": OFFICERS,
  "Mutation.reinstateLicence": OFFICERS,
  "Mutation.revokeLicence": OFFICERS,
  "Mutation.updateLicence": OFFICERS,
  "Mutation.deleteLicence": OFFICERS,
  "Mutation.importNgos": OFFICERS,
  "Mutation.createMeeting": OFFICERS,
  "Mutation.updateMeeting": OFFICERS,
  "Mutation.deleteMeeting": OFFICERS,
  "Mutation.createUser": [Role.ADMIN],
  "Mutation.updateUser": [Role.ADMIN],
  "Mutation.resetUserPassword": [Role.ADMIN],
  "Mutation.changeMyPassword": ROLES,
  "Query.myCalendarFeed": ALL,
  "Mutation.scheduleQuarterlyMeetings": OFFICERS,
  "Mutation.createCalendarFeed": ALL,
  "Mutation.revokeCalendarFeed": ALL,
};

const userOf: Record<Role, string> = Object.fromEntries(demoUsers.map((u) => [u.role, u.username])) as Record<
  Role,
  string
>;
const RANDOM_UUID = "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60";

let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let schema: GraphQLSchema;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  prepared = await prepareTestDatabase("authz", { demo: true });
  // The demo run's scores are unpublished (publication is per cycle, after FINAL, which would lock 1404's
  // engagement records the write checks below change): to see both visibilities, Zanjan's are marked published here.
  await withClient(prepared.adminUrl, (client) =>
    client.query(
      `UPDATE evaluation.manager_score SET published_at = now() WHERE province_id = '19'; UPDATE evaluation.evaluation_result SET published_at = now() WHERE province_id = '19'`,
    ),
  );
  stack = await startInProcessStack(prepared, { sessionCacheMs: 0 });
  for (const role of ROLES) tokens[role] = await login(stack.baseUrl, userOf[role], DEMO_PASSWORD);
  const introspection = await postGraphQL<IntrospectionQuery>(
    stack.gatewayUrl,
    getIntrospectionQuery(),
    {},
    bearer(tokens[Role.ADMIN]),
  );
  schema = buildClientSchema(introspection.data!);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

/** Every root operation of the supergraph, as `Query.name` / `Mutation.name`. */
function operations(): { key: string; kind: "query" | "mutation"; field: GraphQLField<unknown, unknown> }[] {
  const list = [];
  for (const [kind, type] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type!.getFields()))
      list.push({ key: `${type!.name}.${field.name}`, kind, field });
  }
  return list;
}

/** A syntactically valid value for an input type; required fields only. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type)) value[field.name] = sample(field.type);
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return RANDOM_UUID;
      case "Int":
      case "Float":
        return 1;
      case "Boolean":
        return false;
      case "Date":
        return "2025-01-01";
      case "DateTimeISO":
        return "2025-01-01T08:00:00.000Z";
      default:
        return "x";
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operationDocument(
  kind: string,
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isObjectType(getNamedType(field.type)) ? " { __typename }" : "";
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)]));
  return {
    query: `${kind} Check${declarations ? `(${declarations})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`,
    variables,
  };
}

const DENIAL_CODES = new Set(["FORBIDDEN", "UNAUTHENTICATED"]);

describe("authorization matrix", () => {
  it("has a rule for every operation of the supergraph and none for operations that no longer exist", () => {
    const keys = operations()
      .map((op) => op.key)
      .sort();
    expect(keys).toEqual(Object.keys(EXPECTED).sort());
  });

  it("allows and denies every operation for every role as the rules say", async () => {
    const outcomes: string[] = [];
    let checks = 0;
    // Each operation is asked by all callers at once (one round trip of 9 requests), operations one after another.
    for (const op of operations()) {
      const { query, variables } = operationDocument(op.kind, op.field);
      const [anonymous, ...answers] = await Promise.all([
        fetch(stack.gatewayUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query, variables }),
        }),
        ...ROLES.map((role) => postGraphQL(stack.gatewayUrl, query, variables, bearer(tokens[role]))),
      ]);
      checks += 1 + ROLES.length;
      if (anonymous.status !== 401) outcomes.push(`${op.key} anonymous: HTTP ${anonymous.status}, expected 401`);
      ROLES.forEach((role, index) => {
        const codes = (answers[index].errors ?? []).map((e) => e.extensions?.code as string);
        const denied = codes.some((code) => DENIAL_CODES.has(code));
        const expectedAllowed = EXPECTED[op.key]?.includes(role) ?? false;
        if (denied === expectedAllowed)
          outcomes.push(
            `${op.key} as ${role}: ${denied ? `denied (${codes.join(",")})` : "allowed"}, expected ${expectedAllowed ? "allowed" : "denied"}`,
          );
        if (denied && !codes.includes("FORBIDDEN"))
          outcomes.push(`${op.key} as ${role}: denied with ${codes.join(",")} instead of FORBIDDEN`);
      });
    }
    console.log(
      `authorization matrix: ${operations().length} operations × ${ROLES.length + 1} callers (${ROLES.length} roles + anonymous) = ${checks} checks`,
    );
    expect(outcomes).toEqual([]);
  }, 240_000);
});

/** Rows as the database has them, read as superuser, to compare with what each role is shown. */
async function rows(sql: string): Promise<Record<string, any>[]> {
  return withClient(prepared.adminUrl, async (client) => (await client.query(sql)).rows);
}

interface Scope {
  role: Role;
  provinceId: string | null;
  countyId: string | null;
}

const scopeOf = (role: Role): Scope => {
  const user = demoUsers.find((u) => u.role === role)!;
  return { role, provinceId: user.provinceId, countyId: user.countyId };
};

/** The in-memory statement of the territory rule, used only to decide what the test expects. */
function visible(scope: Scope, row: { provinceId: string | null; countyId: string | null }): boolean {
  if (scope.role === Role.ADMIN) return true;
  if (scope.countyId)
    return row.countyId === scope.countyId || (row.countyId === null && row.provinceId === scope.provinceId);
  if (scope.provinceId) return row.provinceId === scope.provinceId;
  return true;
}

describe("territory in reads", () => {
  const gql = (role: Role, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(stack.gatewayUrl, query, variables, bearer(tokens[role]));

  it.each(ALL)(
    "%s sees exactly the NGOs, meetings and managers of its territory, with matching totals",
    async (role) => {
      const scope = scopeOf(role);
      const result = await gql(
        role,
        `{
      ngos(limit: 200) { totalCount items { id provinceId countyId } }
      meetings(limit: 200) { totalCount items { id provinceId countyId } }
      managers(limit: 200) { totalCount items { id provinceId countyId } }
    }`,
      );
      expect(result.errors).toBeUndefined();
      for (const [list, table] of [
        ["ngos", "registry.ngo"],
        ["meetings", "engagement.meeting"],
        ["managers", "registry.manager"],
      ] as const) {
        const all = await rows(`SELECT id, province_id AS "provinceId", county_id AS "countyId" FROM ${table}`);
        const expected = all
          .filter((row) => visible(scope, row as never))
          .map((row) => row.id)
          .sort();
        const page = result.data![list];
        expect(page.items.map((item: { id: string }) => item.id).sort()).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
        if (role === Role.PROVINCE_OFFICER || role === Role.COUNTY_OFFICER)
          expect(expected.length).toBeLessThan(all.length);
      }
    },
  );

  it.each(ALL)(
    "%s sees only published scores of its territory (unless evaluator or admin), in lists and nested",
    async (role) => {
      const scope = scopeOf(role);
      const seesUnpublished = role === Role.ADMIN || role === Role.EVALUATOR;
      const all = await rows(
        `SELECT id, province_id AS "provinceId", county_id AS "countyId", published_at AS "publishedAt", manager_id AS "managerId" FROM evaluation.manager_score`,
      );
      const expected = all.filter(
        (row) => visible(scope, row as never) && (seesUnpublished || row.publishedAt !== null),
      );
      const list = await gql(role, `{ managerScores(limit: 200) { totalCount items { id } } }`);
      expect(list.data!.managerScores.items.map((s: { id: string }) => s.id).sort()).toEqual(
        expected.map((row) => row.id).sort(),
      );
      expect(list.data!.managerScores.totalCount).toBe(expected.length);
      const nested = await gql(role, `{ managers(limit: 200) { items { id scores { id } } } }`);
      const nestedIds = nested
        .data!.managers.items.flatMap((m: { scores: { id: string }[] }) => m.scores.map((s) => s.id))
        .sort();
      expect(nestedIds).toEqual(expected.map((row) => row.id).sort());
    },
  );

  it.each(ALL)("%s sees no meeting outside its territory nested under NGOs", async (role) => {
    const scope = scopeOf(role);
    const result = await gql(role, `{ ngos(limit: 200) { items { id meetings { id provinceId countyId } } } }`);
    expect(result.errors).toBeUndefined();
    const meetings = result.data!.ngos.items.flatMap(
      (n: { meetings: { provinceId: string; countyId: string | null }[] }) => n.meetings,
    );
    expect(meetings.filter((m: { provinceId: string; countyId: string | null }) => !visible(scope, m))).toEqual([]);
    expect(meetings.length).toBeGreaterThan(0);
  });

  it("answers an out-of-territory NGO, meeting and score by id with nothing, at the gateway and through _entities", async () => {
    const [foreignNgo] = await rows(
      `SELECT id FROM registry.ngo WHERE county_id <> '1901' AND province_id <> '19' LIMIT 1`,
    );
    const [otherCountyNgo] = await rows(
      `SELECT id FROM registry.ngo WHERE province_id = '19' AND county_id <> '1901' LIMIT 1`,
    );
    const [foreignMeeting] = await rows(`SELECT id FROM engagement.meeting WHERE province_id <> '19' LIMIT 1`);
    const [unpublished] = await rows(
      `SELECT id, manager_id AS "managerId" FROM evaluation.manager_score WHERE published_at IS NULL LIMIT 1`,
    );
    for (const role of [Role.PROVINCE_OFFICER, Role.COUNTY_OFFICER]) {
      const byId = await gql(role, `query($n: ID!, $m: ID!) { ngo(id: $n) { id } meeting(id: $m) { id } }`, {
        n: foreignNgo.id,
        m: foreignMeeting.id,
      });
      expect(byId).toEqual({ data: { ngo: null, meeting: null } });
      const update = await gql(role, `mutation($id: ID!) { updateNgo(id: $id, input: { membersCount: 1 }) { id } }`, {
        id: foreignNgo.id,
      });
      expect(update.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    }
    const county = await gql(Role.COUNTY_OFFICER, `query($n: ID!) { ngo(id: $n) { id } }`, { n: otherCountyNgo.id });
    expect(county.data!.ngo).toBeNull();
    const analystScore = await gql(Role.ANALYST, `query($id: ID!) { managerScore(id: $id) { id } }`, {
      id: unpublished.id,
    });
    expect(analystScore.data!.managerScore).toBeNull();

    // The _entities path, asked of each subgraph directly with the gateway's secret and a province-19 token.
    const province = await subgraphHeaders(stack.security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
    const entities = (fragment: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${fragment} } }`;
    const registry = await postGraphQL(
      stack.subgraphUrls.registry,
      entities("... on Ngo { id name }"),
      {
        r: [
          { __typename: "Ngo", id: foreignNgo.id },
          { __typename: "Ngo", id: otherCountyNgo.id },
        ],
      },
      province,
    );
    expect(registry.data!._entities).toEqual([null, { id: otherCountyNgo.id, name: expect.any(String) }]);
    const engagement = await postGraphQL(
      stack.subgraphUrls.engagement,
      entities("... on Meeting { id }"),
      { r: [{ __typename: "Meeting", id: foreignMeeting.id }] },
      province,
    );
    expect(engagement.data!._entities).toEqual([null]);
    const analyst = await subgraphHeaders(stack.security, { role: Role.ANALYST });
    const scores = await postGraphQL(
      stack.subgraphUrls.evaluation,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ManagerScore { id } ... on Manager { id scores { id } } } }`,
      {
        r: [
          { __typename: "ManagerScore", id: unpublished.id },
          { __typename: "Manager", id: unpublished.managerId },
        ],
      },
      analyst,
    );
    expect(scores.data!._entities).toEqual([null, { id: unpublished.managerId, scores: [] }]);
  });

  it("masks personal data for analysts only", async () => {
    const query = `{ ngos(filter: { provinceId: "19" }, limit: 200) { items { id phone address } } }`;
    const analyst = (await gql(Role.ANALYST, query)).data!.ngos.items as {
      id: string;
      phone: string | null;
      address: string | null;
    }[];
    const officer = (await gql(Role.PROVINCE_OFFICER, query)).data!.ngos.items as {
      id: string;
      phone: string | null;
      address: string | null;
    }[];
    const withPhone = officer.filter((n) => n.phone);
    expect(withPhone.length).toBeGreaterThan(0);
    for (const ngo of withPhone) {
      const masked = analyst.find((n) => n.id === ngo.id)!;
      expect(masked.phone).not.toBe(ngo.phone);
      expect(masked.phone).toMatch(/^\d{4}\*+\d{2}$/);
      expect(masked.address).not.toBe(ngo.address);
    }
  });
});

describe("territory in writes", () => {
  const gql = (role: Role, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(stack.gatewayUrl, query, variables, bearer(tokens[role]));
  const CREATE = `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id provinceId countyId } }`;
  const meeting = (provinceId: string, countyId: string | null) => ({
    title: "نشست آزمایشی دسترسی",
    kind: "OTHER",
    provinceId,
    countyId,
    scheduledAt: "2026-01-10T06:00:00.000Z",
  });
  const count = async () => Number((await rows(`SELECT count(*) FROM engagement.meeting`))[0].count);

  it("lets a county officer schedule in its county only, and a province officer in its province only", async () => {
    const before = await count();
    expect(
      (await gql(Role.COUNTY_OFFICER, CREATE, { input: meeting("19", "1902") })).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    expect((await gql(Role.COUNTY_OFFICER, CREATE, { input: meeting("19", null) })).errors?.[0].extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await gql(Role.PROVINCE_OFFICER, CREATE, { input: meeting("04", "0401") })).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
    const own = await gql(Role.COUNTY_OFFICER, CREATE, { input: meeting("19", "1901") });
    expect(own.data!.createMeeting).toMatchObject({ provinceId: "19", countyId: "1901" });
    const provincial = await gql(Role.PROVINCE_OFFICER, CREATE, { input: meeting("19", null) });
    expect(provincial.data!.createMeeting).toMatchObject({ provinceId: "19", countyId: null });
    expect(await count()).toBe(before + 2);
  });

  it("refuses moving an NGO out of the officer's territory and records allowed changes in the audit log", async () => {
    const [ngo] = await rows(
      `SELECT id, members_count AS "membersCount" FROM registry.ngo WHERE county_id = '1901' LIMIT 1`,
    );
    const moved = await gql(
      Role.COUNTY_OFFICER,
      `mutation($id: ID!) { updateNgo(id: $id, input: { countyId: "1902" }) { id } }`,
      { id: ngo.id },
    );
    expect(moved.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await rows(`SELECT county_id FROM registry.ngo WHERE id = '${ngo.id}'`))[0].county_id).toBe("1901");
    const changed = await gql(
      Role.COUNTY_OFFICER,
      `mutation($id: ID!) { updateNgo(id: $id, input: { membersCount: 77 }) { membersCount } }`,
      { id: ngo.id },
    );
    expect(changed.data!.updateNgo.membersCount).toBe(77);
    const log = await gql(
      Role.ADMIN,
      `query($id: String!) { auditEntries(filter: { entityId: $id }) { items { action outcome actorUsername service before after provinceId countyId } } }`,
      { id: ngo.id },
    );
    expect(log.data!.auditEntries.items).toEqual([
      expect.objectContaining({
        action: "updateNgo",
        outcome: "SUCCESS",
        actorUsername: "demo.county",
        service: "registry",
        provinceId: "19",
        countyId: "1901",
        before: expect.objectContaining({ membersCount: ngo.membersCount }),
        after: expect.objectContaining({ membersCount: 77 }),
      }),
    ]);
    const denied = await gql(
      Role.ADMIN,
      `{ auditEntries(filter: { outcome: DENIED, action: "createNgo" }) { totalCount } }`,
    );
    const analystTry = await gql(
      Role.ANALYST,
      `mutation { createNgo(input: { name: "آزمون", nationalId: "14905484270", countyId: "1901" }) { id } }`,
    );
    expect(analystTry.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const deniedAfter = await gql(
      Role.ADMIN,
      `{ auditEntries(filter: { outcome: DENIED, action: "createNgo" }) { totalCount items { actorUsername } } }`,
    );
    expect(deniedAfter.data!.auditEntries.totalCount).toBe(denied.data!.auditEntries.totalCount + 1);
    expect(deniedAfter.data!.auditEntries.items[0].actorUsername).toBe("demo.analyst");
  });
});

describe("invited roles", () => {
  const gql = (role: Role, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(stack.gatewayUrl, query, variables, bearer(tokens[role]));
  const boundIdOf = async (role: Role) =>
    (await rows(`SELECT bound_id FROM identity.user_account WHERE username = '${userOf[role]}'`))[0].bound_id as string;
  /** Every `id` anywhere in an answer. */
  const idsIn = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap(idsIn);
    if (value && typeof value === "object")
      return Object.entries(value).flatMap(([key, v]) => (key === "id" && typeof v === "string" ? [v] : idsIn(v)));
    return [];
  };
  const CASES = [
    { role: Role.NGO_REPRESENTATIVE, list: "ngos", one: "ngo", type: "Ngo", table: "registry.ngo" },
    { role: Role.AGENCY_RESPONDENT, list: "agencies", one: "agency", type: "Agency", table: "registry.agency" },
    { role: Role.MANAGER, list: "managers", one: "manager", type: "Manager", table: "registry.manager" },
  ];

  it.each(CASES)(
    "$role sees its own $type only: in the list and its total, by id, and through _entities; 0 leaks",
    async ({ role, list, one, type, table }) => {
      const own = await boundIdOf(role);
      expect(own).toBeTruthy();
      const page = await gql(role, `{ ${list}(limit: 200) { totalCount items { id provinceId countyId } } }`);
      expect(page.errors).toBeUndefined();
      expect(page.data![list]).toEqual({ totalCount: 1, items: [expect.objectContaining({ id: own })] });
      // Filters cannot widen the scope.
      const filtered = await gql(role, `{ ${list}(filter: { provinceId: "19" }, limit: 200) { totalCount } }`);
      expect(filtered.data![list].totalCount).toBe(1);
      const others = (await rows(`SELECT id FROM ${table} WHERE id <> '${own}' ORDER BY id LIMIT 25`)).map((r) => r.id);
      expect(others.length).toBeGreaterThan(0);
      for (const id of others) {
        const byId = await gql(role, `query($id: ID!) { ${one}(id: $id) { id } }`, { id });
        expect(byId).toEqual({ data: { [one]: null } });
      }
      expect((await gql(role, `query($id: ID!) { ${one}(id: $id) { id } }`, { id: own })).data![one]).toEqual({
        id: own,
      });
      const headers = await subgraphHeaders(stack.security, { role, boundId: own } as never);
      const entities = await postGraphQL(
        stack.subgraphUrls.registry,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`,
        { r: [own, ...others].map((id) => ({ __typename: type, id })) },
        headers,
      );
      expect(entities.data!._entities).toEqual([{ id: own }, ...others.map(() => null)]);
    },
  );

  it("shows a representative its NGO's demands and proposals, and a respondent those addressed to its agency: lists, totals, by id, nested", async () => {
    const ngo = await boundIdOf(Role.NGO_REPRESENTATIVE);
    const agency = await boundIdOf(Role.AGENCY_RESPONDENT);
    // One demand of the representative's NGO addressed to the respondent's agency, recorded by the county officer.
    const created = await gql(
      Role.COUNTY_OFFICER,
      `mutation($input: DemandCreateInput!) { createDemand(input: $input) { id } }`,
      {
        input: {
          ngoId: ngo,
          provinceId: "19",
          countyId: "1901",
          category: "OTHER",
          title: "درخواست آزمایشی دسترسی",
          agencyId: agency,
          raisedOn: "2025-06-01",
        },
      },
    );
    expect(created.errors).toBeUndefined();
    for (const [role, column, id] of [
      [Role.NGO_REPRESENTATIVE, "ngo_id", ngo],
      [Role.AGENCY_RESPONDENT, "agency_id", agency],
    ] as const) {
      for (const [list, one, table] of [
        ["demands", "demand", "engagement.demand"],
        ["proposals", "proposal", "engagement.proposal"],
      ] as const) {
        const all = await rows(`SELECT id, ${column} AS bound FROM ${table}`);
        const expected = all
          .filter((r) => r.bound === id)
          .map((r) => r.id)
          .sort();
        if (list === "demands") expect(expected.length).toBeGreaterThan(0);
        const page = await gql(role, `{ ${list}(limit: 200) { totalCount items { id } } }`);
        expect(page.errors).toBeUndefined();
        expect(page.data![list].items.map((r: { id: string }) => r.id).sort()).toEqual(expected);
        expect(page.data![list].totalCount).toBe(expected.length);
        for (const other of all.filter((r) => r.bound !== id).slice(0, 10)) {
          const byId = await gql(role, `query($id: ID!) { ${one}(id: $id) { id } }`, { id: other.id });
          expect(byId).toEqual({ data: { [one]: null } });
        }
      }
    }
    // Nested under the representative's own NGO: its own demands only.
    const nested = await gql(Role.NGO_REPRESENTATIVE, `{ ngos { items { demands { id ngoId } } } }`);
    const demands = nested.data!.ngos.items.flatMap((n: { demands: { ngoId: string }[] }) => n.demands);
    expect(demands.length).toBeGreaterThan(0);
    expect(demands.filter((d: { ngoId: string }) => d.ngoId !== ngo)).toEqual([]);
  });

  it("shows a representative the meetings its NGO was invited to or attended, never the other NGOs at them", async () => {
    const ngo = await boundIdOf(Role.NGO_REPRESENTATIVE);
    const attended = (
      await rows(`SELECT DISTINCT meeting_id AS id FROM engagement.meeting_attendance WHERE ngo_id = '${ngo}'`)
    )
      .map((r) => r.id)
      .sort();
    expect(attended.length).toBeGreaterThan(0);
    const page = await gql(
      Role.NGO_REPRESENTATIVE,
      `{ meetings(limit: 200) { totalCount items { id minutes ngoIds ngoCount ngos { id } attendance { ngoId } } } }`,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.meetings.items.map((m: { id: string }) => m.id).sort()).toEqual(attended);
    expect(page.data!.meetings.totalCount).toBe(attended.length);
    const otherNgos = new Set((await rows(`SELECT id FROM registry.ngo WHERE id <> '${ngo}'`)).map((r) => r.id));
    const seen = JSON.stringify(page.data);
    expect([...otherNgos].filter((id) => seen.includes(id))).toEqual([]);
    // Its own attendance row only (a representative's name at the meeting is the other NGOs' personal data).
    for (const meeting of page.data!.meetings.items as { ngoIds: string[]; attendance: { ngoId: string }[] }[]) {
      expect(meeting.ngoIds).toEqual([ngo]);
      expect(meeting.attendance).toEqual([{ ngoId: ngo }]);
    }
    const others = await rows(
      `SELECT id FROM engagement.meeting m WHERE NOT EXISTS (SELECT 1 FROM engagement.meeting_attendance a WHERE a.meeting_id = m.id AND a.ngo_id = '${ngo}') LIMIT 10`,
    );
    for (const other of others)
      expect(
        await gql(Role.NGO_REPRESENTATIVE, `query($id: ID!) { meeting(id: $id) { id } }`, { id: other.id }),
      ).toEqual({
        data: { meeting: null },
      });
  });

  it("shows a representative its own NGO's training needs, the sessions it is invited to and its own invitation only; 0 leaks", async () => {
    const ngo = await boundIdOf(Role.NGO_REPRESENTATIVE);
    const [other] = await rows(
      `SELECT n.id, n.ngo_id FROM registry.training_need n JOIN registry.ngo g ON g.id = n.ngo_id WHERE n.ngo_id <> '${ngo}' AND g.county_id = '1901' AND n.status = 'DECLARED' LIMIT 1`,
    );
    // A session of Zanjan county with the representative's NGO and another NGO invited.
    const session = await gql(
      Role.COUNTY_OFFICER,
      `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
      {
        input: {
          topic: "نگارش طرح",
          startsAt: "2030-01-10T06:30:00Z",
          venue: "سالن فرمانداری زنجان",
          capacity: 10,
          provider: "دانشگاه زنجان",
          countyId: "1901",
        },
      },
    );
    expect(session.errors).toBeUndefined();
    const sessionId = session.data!.createTrainingSession.id;
    const invited = await gql(
      Role.COUNTY_OFFICER,
      `mutation($id: ID!, $needIds: [ID!], $ngoIds: [ID!]) { inviteToTrainingSession(id: $id, needIds: $needIds, ngoIds: $ngoIds) { invitedCount } }`,
      { id: sessionId, needIds: [other.id], ngoIds: [ngo] },
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteToTrainingSession.invitedCount).toBe(2);
    const own = (await rows(`SELECT id FROM registry.training_need WHERE ngo_id = '${ngo}'`)).map((r) => r.id).sort();
    expect(own.length).toBeGreaterThan(0);
    const answer = await gql(
      Role.NGO_REPRESENTATIVE,
      `{ trainingNeeds(limit: 200) { totalCount items { id ngoId } }
         trainingSessions(limit: 200) { totalCount items { id invitedCount invitations { ngoId need { id } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.trainingNeeds.items.map((n: { id: string }) => n.id).sort()).toEqual(own);
    expect(answer.data!.trainingNeeds.totalCount).toBe(own.length);
    expect(answer.data!.trainingSessions.items).toEqual([
      { id: sessionId, invitedCount: 2, invitations: [{ ngoId: ngo, need: null }] },
    ]);
    const seen = JSON.stringify(answer.data);
    expect(seen.includes(other.ngo_id)).toBe(false);
    expect(seen.includes(other.id)).toBe(false);
    // By id: another NGO's need is not there; filters cannot widen the scope.
    const byFilter = await gql(
      Role.NGO_REPRESENTATIVE,
      `query($ids: [ID!]) { trainingNeeds(filter: { ids: $ids, provinceId: "19" }) { totalCount } }`,
      { ids: [other.id] },
    );
    expect(byFilter.data!.trainingNeeds.totalCount).toBe(0);
    // Sessions the NGO is not invited to are not there.
    const alone = await gql(
      Role.COUNTY_OFFICER,
      `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
      {
        input: { topic: "حسابداری", startsAt: "2030-02-10T06:30:00Z", venue: "زنجان", capacity: 5, provider: "مدرس" },
      },
    );
    expect(alone.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT"); // no territory given
    const provincial = await gql(
      Role.PROVINCE_OFFICER,
      `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
      {
        input: {
          topic: "حسابداری",
          startsAt: "2030-02-10T06:30:00Z",
          venue: "زنجان",
          capacity: 5,
          provider: "مدرس",
          provinceId: "19",
        },
      },
    );
    expect(provincial.errors).toBeUndefined();
    expect(
      await gql(Role.NGO_REPRESENTATIVE, `query($id: ID!) { trainingSession(id: $id) { id } }`, {
        id: provincial.data!.createTrainingSession.id,
      }),
    ).toEqual({ data: { trainingSession: null } });
    // Another NGO's need cannot be changed or withdrawn by the representative.
    const withdraw = await gql(Role.NGO_REPRESENTATIVE, `mutation($id: ID!) { withdrawTrainingNeed(id: $id) { id } }`, {
      id: other.id,
    });
    expect(withdraw.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it("shows a representative the minutes, agenda and resolutions of held meetings its NGO attended only", async () => {
    const ngo = await boundIdOf(Role.NGO_REPRESENTATIVE);
    const page = await gql(
      Role.NGO_REPRESENTATIVE,
      `{ meetings(limit: 200) { items { id status minutes agendaItems { id } resolutions { id } } } }`,
    );
    expect(page.errors).toBeUndefined();
    const items = page.data!.meetings.items as {
      status: string;
      minutes: string | null;
      agendaItems: unknown[];
      resolutions: unknown[];
    }[];
    for (const m of items.filter((m) => m.status !== "HELD"))
      expect([m.minutes, m.agendaItems, m.resolutions]).toEqual([null, [], []]);
    const held = await rows(
      `SELECT count(*)::int AS n FROM engagement.resolution r JOIN engagement.meeting_attendance a ON a.meeting_id = r.meeting_id JOIN engagement.meeting m ON m.id = r.meeting_id WHERE a.ngo_id = '${ngo}' AND m.status = 'HELD'`,
    );
    expect(items.filter((m) => m.status === "HELD").flatMap((m) => m.resolutions).length).toBe(held[0].n);
  });

  it("shows a manager their own published scores and results only, in lists, by id and nested", async () => {
    const own = await boundIdOf(Role.MANAGER);
    const scores = await rows(
      `SELECT id, manager_id AS "managerId", published_at AS "publishedAt" FROM evaluation.manager_score`,
    );
    const expected = scores.filter((r) => r.managerId === own && r.publishedAt !== null).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    const answer = await gql(
      Role.MANAGER,
      `{ managerScores(limit: 200) { totalCount items { id } } managers { items { scores { id } } } evaluationResults(filter: { year: 1404 }, limit: 200) { items { managerId } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.managerScores.items.map((r: { id: string }) => r.id).sort()).toEqual(expected.sort());
    expect(answer.data!.managerScores.totalCount).toBe(expected.length);
    expect(idsIn(answer.data!.managers).sort()).toEqual(expected.sort());
    const results = answer.data!.evaluationResults.items as { managerId: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.managerId !== own)).toEqual([]);
    for (const other of scores.filter((r) => r.managerId !== own).slice(0, 10)) {
      const byId = await gql(Role.MANAGER, `query($id: ID!) { managerScore(id: $id) { id } }`, { id: other.id });
      expect(byId).toEqual({ data: { managerScore: null } });
    }
  });

  it("shows a respondent the resolutions its agency owns only, and a representative the agencies of its NGO's province only", async () => {
    const agency = await boundIdOf(Role.AGENCY_RESPONDENT);
    const resolutions = await rows(`SELECT id, owner_agency_id AS owner FROM engagement.resolution`);
    const owned = resolutions
      .filter((r) => r.owner === agency)
      .map((r) => r.id)
      .sort();
    const page = await gql(
      Role.AGENCY_RESPONDENT,
      `{ resolutions(limit: 200) { totalCount items { id ownerAgencyId meeting { id } updates { id } } } }`,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data!.resolutions.items.map((r: { id: string }) => r.id).sort()).toEqual(owned);
    expect(page.data!.resolutions.totalCount).toBe(owned.length);
    // The meetings that adopted them are not the respondent's to read.
    expect(page.data!.resolutions.items.filter((r: { meeting: unknown }) => r.meeting !== null)).toEqual([]);
    const notOwned = resolutions.filter((r) => r.owner !== agency).slice(0, 10);
    expect(notOwned.length).toBeGreaterThan(0);
    for (const other of notOwned)
      expect(
        await gql(Role.AGENCY_RESPONDENT, `query($id: ID!) { resolution(id: $id) { id } }`, { id: other.id }),
      ).toEqual({ data: { resolution: null } });

    const ngo = await boundIdOf(Role.NGO_REPRESENTATIVE);
    const province = (await rows(`SELECT province_id FROM registry.ngo WHERE id = '${ngo}'`))[0].province_id;
    const agencies = await rows(`SELECT id, province_id AS "provinceId" FROM registry.agency`);
    const ofProvince = agencies
      .filter((a) => a.provinceId === province)
      .map((a) => a.id)
      .sort();
    expect(ofProvince.length).toBeGreaterThan(0);
    const list = await gql(
      Role.NGO_REPRESENTATIVE,
      `{ agencies(limit: 200) { totalCount items { id managers { id } } } }`,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.agencies.items.map((a: { id: string }) => a.id).sort()).toEqual(ofProvince);
    expect(list.data!.agencies.totalCount).toBe(ofProvince.length);
    // An agency's managers stay out of the representative's sight.
    expect(idsIn(list.data).filter((id) => !ofProvince.includes(id))).toEqual([]);
    for (const other of agencies.filter((a) => a.provinceId !== province).slice(0, 10))
      expect(
        await gql(Role.NGO_REPRESENTATIVE, `query($id: ID!) { agency(id: $id) { id } }`, { id: other.id }),
      ).toEqual({ data: { agency: null } });
  });

  it("shows an NGO representative no other NGO's record through nested fields (meetings, licences, board), and no staff list", async () => {
    const own = await boundIdOf(Role.NGO_REPRESENTATIVE);
    // Nested lists are filtered by the same rule: until an operation opens them to representatives, they are empty.
    const nested = await gql(
      Role.NGO_REPRESENTATIVE,
      `{ ngos { items { id meetings { id } workingGroups { id } networks { id } coordinatedNetworks { id } ngoHouses { id } facilitationOffices { id } licences { id } } } }`,
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.data!.ngos.items).toHaveLength(1);
    // Its own NGO's licences are its own (self-service shows the licence data); nothing else.
    const ownLicences = new Set(
      (await rows(`SELECT id FROM registry.licence WHERE ngo_id = '${own}'`)).map((r) => r.id as string),
    );
    expect(idsIn(nested.data).filter((id) => id !== own && !ownLicences.has(id))).toEqual([]);
    // The same query as the county officer does find such rows, so the emptiness above is the rule, not the data.
    const officer = await gql(
      Role.PROVINCE_OFFICER,
      `query($id: ID!) { ngo(id: $id) { meetings { id } networks { id } ngoHouses { id } } }`,
      { id: own },
    );
    expect(idsIn(officer.data).length).toBeGreaterThan(0);
    for (const query of [
      `{ resolutions { totalCount } }`,
      `{ workingGroups { totalCount } }`,
      `{ managerScores { totalCount } }`,
    ])
      expect((await gql(Role.NGO_REPRESENTATIVE, query)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // A write by an invited role is refused and audited as DENIED.
    const denied = await gql(
      Role.NGO_REPRESENTATIVE,
      `mutation($id: ID!) { updateNgo(id: $id, input: { membersCount: 5 }) { id } }`,
      { id: own },
    );
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
