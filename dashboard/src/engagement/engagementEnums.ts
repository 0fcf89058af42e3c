import { enumChip, enumComponents } from "../common/enumComponents";

export const RESOLUTION_STATUS_LABELS = {
  OPEN: "باز",
  IN_PROGRESS: "در حال انجام",
  DONE: "انجام‌شده",
  CANCELLED: "لغوشده",
} as const;
export const FOLLOW_UP_LABELS = { ...RESOLUTION_STATUS_LABELS, OVERDUE: "معوق" } as const;
export const FollowUpChip = enumChip(FOLLOW_UP_LABELS, {
  OPEN: "info",
  IN_PROGRESS: "primary",
  OVERDUE: "error",
  DONE: "success",
  CANCELLED: "default",
});
export const { Field: ResolutionStatusField, Input: ResolutionStatusInput } = enumComponents(RESOLUTION_STATUS_LABELS);
export const { Input: FollowUpStatusInput } = enumComponents(FOLLOW_UP_LABELS);

export const DIMENSION_LABELS = {
  SOCIAL: "اجتماعی",
  ECONOMIC: "اقتصادی",
  PHYSICAL: "کالبدی",
  ENVIRONMENTAL: "محیط‌زیستی",
  CULTURAL: "فرهنگی",
  HEALTH: "سلامت",
  OTHER: "سایر",
} as const;
export const { Field: DimensionField, Input: DimensionInput } = enumComponents(DIMENSION_LABELS);

export const MEMBER_KIND_LABELS = { AGENCY: "دستگاه", NGO: "سمن" } as const;
export const { Field: MemberKindField } = enumComponents(MEMBER_KIND_LABELS);

export const PROJECT_STATUS_LABELS = {
  PLANNED: "برنامه‌ریزی‌شده",
  ACTIVE: "در حال اجرا",
  STALLED: "متوقف",
  FINISHED: "پایان‌یافته",
  ABANDONED: "رهاشده",
} as const;
export const ProjectStatusChip = enumChip(PROJECT_STATUS_LABELS, {
  PLANNED: "info",
  ACTIVE: "primary",
  STALLED: "warning",
  FINISHED: "success",
  ABANDONED: "default",
});
export const { Input: ProjectStatusInput } = enumComponents(PROJECT_STATUS_LABELS);

export const PROPOSAL_STATUS_LABELS = {
  SUBMITTED: "ارسال‌شده",
  UNDER_REVIEW: "در حال بررسی",
  ACCEPTED: "پذیرفته‌شده",
  REJECTED: "ردشده",
  IMPLEMENTED: "اجراشده",
} as const;
export const ProposalStatusChip = enumChip(PROPOSAL_STATUS_LABELS, {
  SUBMITTED: "info",
  UNDER_REVIEW: "warning",
  ACCEPTED: "success",
  REJECTED: "error",
  IMPLEMENTED: "success",
});
export const { Input: ProposalStatusInput } = enumComponents(PROPOSAL_STATUS_LABELS);

export const DEMAND_STATUS_LABELS = {
  RAISED: "طرح‌شده",
  UNDER_REVIEW: "در حال بررسی",
  RESOLVED: "رسیدگی‌شده",
  REJECTED: "ردشده",
} as const;
export const DemandStatusChip = enumChip(DEMAND_STATUS_LABELS, {
  RAISED: "info",
  UNDER_REVIEW: "warning",
  RESOLVED: "success",
  REJECTED: "error",
});
export const { Input: DemandStatusInput } = enumComponents(DEMAND_STATUS_LABELS);

export const DEMAND_CATEGORY_LABELS = {
  MEMBERS_INSURANCE: "بیمه اعضا",
  INFRASTRUCTURE: "زیرساخت",
  OFFICIAL_RECOGNITION: "به رسمیت شناخته‌شدن",
  EMPLOYMENT_OF_DISABLED: "اشتغال معلولان",
  FUNDING: "تأمین مالی",
  OTHER: "سایر",
} as const;
export const { Field: DemandCategoryField, Input: DemandCategoryInput } = enumComponents(DEMAND_CATEGORY_LABELS);

export const LICENCE_STATE_LABELS = {
  ACTIVE: "معتبر",
  EXPIRING: "در آستانه انقضا",
  EXPIRED: "منقضی",
  SUSPENDED: "تعلیق",
  REVOKED: "لغوشده",
  NONE: "بدون پروانه",
} as const;
export const LicenceStateChip = enumChip(LICENCE_STATE_LABELS, {
  ACTIVE: "success",
  EXPIRING: "warning",
  EXPIRED: "error",
  SUSPENDED: "error",
  REVOKED: "error",
  NONE: "default",
});
