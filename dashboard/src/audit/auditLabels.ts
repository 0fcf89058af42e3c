import { enumComponents } from "../common/enumComponents";

export const AUDIT_OUTCOME_LABELS = {
  SUCCESS: "موفق",
  DENIED: "ردشده",
  FAILED: "ناموفق",
} as const;

/** Persian names of the audited actions (mutation names and sign-in events); others show as recorded. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  LOGIN: "ورود به سامانه",
  LOGOUT: "خروج از سامانه",
  createUser: "ایجاد کاربر",
  updateUser: "ویرایش کاربر",
  resetUserPassword: "بازنشانی گذرواژه",
  changeMyPassword: "تغییر گذرواژه",
  createNgo: "ثبت سمن",
  updateNgo: "ویرایش سمن",
  deleteNgo: "حذف سمن",
  createMeeting: "ثبت نشست",
  updateMeeting: "ویرایش نشست",
  deleteMeeting: "حذف نشست",
  // Registry
  importNgos: "ورود گروهی سمن‌ها",
  issueLicence: "صدور پروانه",
  renewLicence: "تمدید پروانه",
  suspendLicence: "تعلیق پروانه",
  reinstateLicence: "رفع تعلیق پروانه",
  revokeLicence: "لغو پروانه",
  updateLicence: "اصلاح پروانه",
  deleteLicence: "حذف پروانه",
  createFieldOfActivity: "ایجاد حوزه فعالیت",
  updateFieldOfActivity: "ویرایش حوزه فعالیت",
  deleteFieldOfActivity: "حذف حوزه فعالیت",
  createAgency: "ثبت دستگاه اجرایی",
  updateAgency: "ویرایش دستگاه اجرایی",
  deleteAgency: "حذف دستگاه اجرایی",
  createManager: "ثبت مدیر",
  updateManager: "ویرایش مدیر",
  endManagerTenure: "پایان تصدی مدیر",
  deleteManager: "حذف مدیر",
  createInformalSettlementArea: "ثبت سکونتگاه / محله",
  updateInformalSettlementArea: "ویرایش سکونتگاه / محله",
  deleteInformalSettlementArea: "حذف سکونتگاه / محله",
  createNgoHouse: "ثبت خانه سمن‌ها",
  updateNgoHouse: "ویرایش خانه سمن‌ها",
  deleteNgoHouse: "حذف خانه سمن‌ها",
  createNgoNetwork: "ثبت شبکه همسو",
  updateNgoNetwork: "ویرایش شبکه همسو",
  deleteNgoNetwork: "حذف شبکه همسو",
  createFacilitationOffice: "ثبت دفتر تسهیل‌گری",
  updateFacilitationOffice: "ویرایش دفتر تسهیل‌گری",
  deleteFacilitationOffice: "حذف دفتر تسهیل‌گری",
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  User: "کاربر",
  Session: "نشست ورود",
  Ngo: "سمن",
  Meeting: "نشست",
  Licence: "پروانه فعالیت",
  FieldOfActivity: "حوزه فعالیت",
  Agency: "دستگاه اجرایی",
  Manager: "مدیر",
  InformalSettlementArea: "سکونتگاه / محله",
  NgoHouse: "خانه سمن‌ها",
  NgoNetwork: "شبکه همسو",
  FacilitationOffice: "دفتر تسهیل‌گری",
};

/** Persian names of the services that write the audit log. */
export const AUDIT_SERVICE_LABELS: Readonly<Record<string, string>> = {
  identity: "هویت و دسترسی",
  registry: "ثبت سمن‌ها و سازمان‌ها",
  engagement: "تعامل و نشست‌ها",
  evaluation: "ارزیابی مدیران",
  gateway: "دروازه",
};

export const { Field: AuditServiceField } = enumComponents(AUDIT_SERVICE_LABELS);
export const { Field: AuditOutcomeField, Input: AuditOutcomeInput } = enumComponents(AUDIT_OUTCOME_LABELS);
export const { Input: AuditActionInput } = enumComponents(AUDIT_ACTION_LABELS);
export const { Input: AuditEntityTypeInput } = enumComponents(AUDIT_ENTITY_LABELS);
