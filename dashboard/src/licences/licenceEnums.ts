import { enumChip, enumComponents } from "../common/enumComponents";

/** `LicenceState`: the recorded status combined with the dates, today on Tehran's clock. */
export const LICENCE_STATE_LABELS = {
  ACTIVE: "معتبر",
  EXPIRING: "در آستانه انقضا",
  EXPIRED: "منقضی",
  SUSPENDED: "تعلیق‌شده",
  REVOKED: "لغوشده",
  NONE: "بدون پروانه",
} as const;

export type LicenceState = keyof typeof LICENCE_STATE_LABELS;

export const LICENCE_ACTION_LABELS = {
  ISSUE: "صدور",
  RENEW: "تمدید",
  SUSPEND: "تعلیق",
  REINSTATE: "رفع تعلیق",
  REVOKE: "لغو",
} as const;

export const LICENSING_AUTHORITY_LABELS = {
  GOVERNORATE: "استانداری",
  COUNTY_GOVERNORATE: "فرمانداری",
  MINISTRY_OF_INTERIOR: "وزارت کشور",
  OTHER: "سایر مراجع",
} as const;

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
