import { ACTIVITY_REPORT_STATUS_LABELS, BUDGET_BAND_LABELS } from "../../activityReports/activityReportEnums";
import { AGENCY_KIND_LABELS } from "../../agencies/agencyEnums";
import { SUPERVISION_KIND_LABELS } from "../../supervision/supervisionEnums";
import { AUDIT_OUTCOME_LABELS } from "../../audit/auditLabels";
import { ROLE_LABELS } from "../../auth/roles";
import {
  DEMAND_CATEGORY_LABELS,
  DEMAND_STATUS_LABELS,
  DIMENSION_LABELS,
  FOLLOW_UP_LABELS,
  MEMBER_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  PROPOSAL_STATUS_LABELS,
  RESOLUTION_STATUS_LABELS,
} from "../../engagement/engagementEnums";
import { CYCLE_STATE_LABELS, GRADE_LABELS } from "../../evaluation/rubric";
import {
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_RECORD_KIND_LABELS,
  OBJECTION_STATUS_LABELS,
} from "../../evaluation/objections";
import { AREA_KIND_LABELS } from "../../informalSettlementAreas/areaEnums";
import { ASSESSMENT_DIMENSION_LABELS } from "../../needsAssessments/needsAssessmentEnums";
import { LICENCE_STATE_LABELS, LICENSING_AUTHORITY_LABELS } from "../../licences/licenceEnums";
import { POSITION_KIND_LABELS } from "../../managers/managerEnums";
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from "../../meetings/meetingEnums";
import { NGO_SCOPE_LABELS, NGO_STATUS_LABELS } from "../../ngos/ngoStatus";
import {
  MEETING_REPLY_LABELS,
  TRAINING_NEED_STATUS_LABELS,
  TRAINING_SESSION_STATUS_LABELS,
} from "../../training/trainingEnums";

type Labels = Readonly<Record<string, string>>;

/**
 * The Persian labels of the API's enums by GraphQL enum name — the same tables the screens show — so that an export
 * writes «فعال» where the API says `ACTIVE`. An enum missing here is written as its code.
 */
export const ENUM_LABELS: Readonly<Record<string, Labels>> = {
  ActivityReportStatus: ACTIVITY_REPORT_STATUS_LABELS,
  AgencyKind: AGENCY_KIND_LABELS,
  AreaKind: AREA_KIND_LABELS,
  AssessmentDimension: ASSESSMENT_DIMENSION_LABELS,
  AuditOutcome: AUDIT_OUTCOME_LABELS,
  BudgetBand: BUDGET_BAND_LABELS,
  DemandCategory: DEMAND_CATEGORY_LABELS,
  DemandStatus: DEMAND_STATUS_LABELS,
  EvaluationCycleState: CYCLE_STATE_LABELS,
  EvaluationObjectionOutcome: OBJECTION_OUTCOME_LABELS,
  EvaluationObjectionRecordKind: OBJECTION_RECORD_KIND_LABELS,
  EvaluationObjectionStatus: OBJECTION_STATUS_LABELS,
  Grade: GRADE_LABELS,
  LicenceState: LICENCE_STATE_LABELS,
  LicensingAuthority: LICENSING_AUTHORITY_LABELS,
  ManagerPositionKind: POSITION_KIND_LABELS,
  MeetingKind: MEETING_KIND_LABELS,
  MeetingReply: MEETING_REPLY_LABELS,
  MeetingStatus: MEETING_STATUS_LABELS,
  NgoScope: NGO_SCOPE_LABELS,
  NgoStatus: NGO_STATUS_LABELS,
  ProjectStatus: PROJECT_STATUS_LABELS,
  ProposalStatus: PROPOSAL_STATUS_LABELS,
  ResolutionFollowUpStatus: FOLLOW_UP_LABELS,
  ResolutionStatus: RESOLUTION_STATUS_LABELS,
  Role: ROLE_LABELS,
  SupervisionKind: SUPERVISION_KIND_LABELS,
  TrainingNeedStatus: TRAINING_NEED_STATUS_LABELS,
  TrainingSessionStatus: TRAINING_SESSION_STATUS_LABELS,
  WorkingGroupDimension: DIMENSION_LABELS,
  WorkingGroupMemberKind: MEMBER_KIND_LABELS,
};
