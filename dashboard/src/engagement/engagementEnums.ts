import { enumLabels } from "../messages/enums";
import { enumChip, enumComponents } from "../common/enumComponents";

export const RESOLUTION_STATUS_LABELS = enumLabels.resolutionStatus;
export const FOLLOW_UP_LABELS = enumLabels.followUp;
export const FollowUpChip = enumChip(FOLLOW_UP_LABELS, {
  OPEN: "info",
  IN_PROGRESS: "primary",
  OVERDUE: "error",
  DONE: "success",
  CANCELLED: "default",
});
export const { Field: ResolutionStatusField, Input: ResolutionStatusInput } = enumComponents(RESOLUTION_STATUS_LABELS);
export const { Input: FollowUpStatusInput } = enumComponents(FOLLOW_UP_LABELS);

export const DIMENSION_LABELS = enumLabels.dimension;
export const { Field: DimensionField, Input: DimensionInput } = enumComponents(DIMENSION_LABELS);

export const MEMBER_KIND_LABELS = enumLabels.memberKind;
export const { Field: MemberKindField } = enumComponents(MEMBER_KIND_LABELS);

export const PROJECT_STATUS_LABELS = enumLabels.projectStatus;
export const ProjectStatusChip = enumChip(PROJECT_STATUS_LABELS, {
  PLANNED: "info",
  ACTIVE: "primary",
  STALLED: "warning",
  FINISHED: "success",
  ABANDONED: "default",
});
export const { Input: ProjectStatusInput } = enumComponents(PROJECT_STATUS_LABELS);

export const PROPOSAL_STATUS_LABELS = enumLabels.proposalStatus;
export const ProposalStatusChip = enumChip(PROPOSAL_STATUS_LABELS, {
  SUBMITTED: "info",
  UNDER_REVIEW: "warning",
  ACCEPTED: "success",
  REJECTED: "error",
  IMPLEMENTED: "success",
});
export const { Input: ProposalStatusInput } = enumComponents(PROPOSAL_STATUS_LABELS);

export const DEMAND_STATUS_LABELS = enumLabels.demandStatus;
export const DemandStatusChip = enumChip(DEMAND_STATUS_LABELS, {
  RAISED: "info",
  UNDER_REVIEW: "warning",
  RESOLVED: "success",
  REJECTED: "error",
});
export const { Input: DemandStatusInput } = enumComponents(DEMAND_STATUS_LABELS);

export const DEMAND_CATEGORY_LABELS = enumLabels.demandCategory;
export const { Field: DemandCategoryField, Input: DemandCategoryInput } = enumComponents(DEMAND_CATEGORY_LABELS);

export const LICENCE_STATE_LABELS = enumLabels.ngoLicenceState;
export const LicenceStateChip = enumChip(LICENCE_STATE_LABELS, {
  ACTIVE: "success",
  EXPIRING: "warning",
  EXPIRED: "error",
  SUSPENDED: "error",
  REVOKED: "error",
  NONE: "default",
});
