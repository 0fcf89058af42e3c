import { enumLabels } from "../messages/enums";
import { enumChip, enumComponents } from "../common/enumComponents";

/** `LicenceState`: the recorded status combined with the dates, today on Tehran's clock. */
export const LICENCE_STATE_LABELS = enumLabels.licenceState;

export type LicenceState = keyof typeof LICENCE_STATE_LABELS;

export const LICENCE_ACTION_LABELS = enumLabels.licenceAction;

export const LICENSING_AUTHORITY_LABELS = enumLabels.licensingAuthority;

export const LicenceStateChip = enumChip(LICENCE_STATE_LABELS, {
  ACTIVE: "success",
  EXPIRING: "warning",
  EXPIRED: "error",
  SUSPENDED: "warning",
  REVOKED: "error",
  NONE: "default",
});

export const { Input: LicenceStateInput, ArrayInput: LicenceStatesInput } = enumComponents(LICENCE_STATE_LABELS);
export const { Field: LicenceActionField } = enumComponents(LICENCE_ACTION_LABELS);
export const { Input: AuthorityInput } = enumComponents(LICENSING_AUTHORITY_LABELS);
