/**
 * The identity subgraph's `Role` labels (translate keys hamafza.enums.role.* through enums.ts). A file of their own: the session
 * code (auth/roles.ts) is in the first load and needs only these, not every enum's labels.
 */
export const roleLabels = {
  ADMIN: "مدیر سامانه",
  PROVINCE_OFFICER: "کارشناس استانداری",
  COUNTY_OFFICER: "کارشناس فرمانداری",
  EVALUATOR: "ارزیاب",
  ANALYST: "تحلیلگر",
  NGO_REPRESENTATIVE: "نماینده سمن",
  AGENCY_RESPONDENT: "کارشناس پاسخگوی دستگاه",
  MANAGER: "مدیر",
} as const;
