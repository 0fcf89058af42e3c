import { enumChip, enumComponents } from "../common/enumComponents";

export const NGO_STATUS_LABELS = {
  ACTIVE: "فعال",
  INACTIVE: "غیرفعال",
  DISSOLVED: "منحل",
  MERGED: "ادغام‌شده",
} as const;

/** The statuses a user may choose: MERGED is set and cleared only by merging and undoing (docs/merging.md). */
const { MERGED: _merged, ...CHOOSABLE_NGO_STATUS_LABELS } = NGO_STATUS_LABELS;

export const NGO_SCOPE_LABELS = {
  NATIONAL: "ملی",
  PROVINCIAL: "استانی",
  COUNTY: "شهرستانی",
} as const;

export const BOARD_ROLE_LABELS = {
  CHAIR: "رئیس هیئت‌مدیره",
  VICE_CHAIR: "نایب‌رئیس",
  SECRETARY: "دبیر",
  TREASURER: "خزانه‌دار",
  CEO: "مدیرعامل",
  MEMBER: "عضو اصلی",
  ALTERNATE_MEMBER: "عضو علی‌البدل",
  INSPECTOR: "بازرس",
} as const;

export const AWARD_LEVEL_LABELS = {
  NATIONAL: "ملی",
  INTERNATIONAL: "بین‌المللی",
} as const;

export const URGENCY_LABELS = {
  HIGH: "زیاد (فوری)",
  MEDIUM: "متوسط",
  LOW: "کم",
} as const;

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
