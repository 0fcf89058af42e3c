import { enumLabels } from "../messages/enums";
import { enumChip, enumComponents } from "../common/enumComponents";

export const NGO_STATUS_LABELS = enumLabels.ngoStatus;

/** The statuses a user may choose: MERGED is set and cleared only by merging and undoing (docs/merging.md). */
const { MERGED: _merged, ...CHOOSABLE_NGO_STATUS_LABELS } = NGO_STATUS_LABELS;

export const NGO_SCOPE_LABELS = enumLabels.ngoScope;

export const BOARD_ROLE_LABELS = enumLabels.boardRole;

export const AWARD_LEVEL_LABELS = enumLabels.awardLevel;

export const URGENCY_LABELS = enumLabels.urgency;

export const { Field: NgoStatusField } = enumComponents(NGO_STATUS_LABELS);
export const { Input: NgoStatusInput } = enumComponents(CHOOSABLE_NGO_STATUS_LABELS);
export const NgoStatusChip = enumChip(NGO_STATUS_LABELS, {
  ACTIVE: "success",
  INACTIVE: "default",
  DISSOLVED: "error",
  MERGED: "default",
});
export const { Field: NgoScopeField, Input: NgoScopeInput } = enumComponents(NGO_SCOPE_LABELS);
export const { Field: BoardRoleField, Input: BoardRoleInput } = enumComponents(BOARD_ROLE_LABELS);
export const { Field: AwardLevelField, Input: AwardLevelInput } = enumComponents(AWARD_LEVEL_LABELS);
export const { Input: UrgencyInput } = enumComponents(URGENCY_LABELS);
export const UrgencyChip = enumChip(URGENCY_LABELS, { HIGH: "error", MEDIUM: "warning", LOW: "default" });
