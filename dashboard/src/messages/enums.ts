import { roleLabels } from "./roleLabels";

/**
 * Persian labels of the API's enums, one group per enum, the order the choices are offered in. The dashboard's
 * enum files take their label maps from here; the groups are also translate keys `hamafza.enums.<group>.<VALUE>`.
 */
const resolutionStatus = {
  OPEN: "باز",
  IN_PROGRESS: "در حال انجام",
  DONE: "انجام‌شده",
  CANCELLED: "لغوشده",
} as const;

export const enumLabels = {
  // agencies/agencyEnums.ts
  agencyKind: {
    GOVERNORATE: "استانداری",
    COUNTY_GOVERNORATE: "فرمانداری",
    DIRECTORATE_GENERAL: "اداره کل",
    COUNTY_DEPARTMENT: "اداره شهرستان",
    MUNICIPALITY: "شهرداری",
    CITY_COUNCIL: "شورای اسلامی شهر",
    OTHER: "سایر",
  },
  // meetings/meetingEnums.ts
  meetingKind: {
    QUARTERLY_PROBLEM_CENTRED: "نشست فصلی مسئله‌محور",
    NGO_EXCHANGE: "نشست ماهانه تبادل تجربه سمن‌ها",
    WORKING_GROUP_SESSION: "جلسه کارگروه",
    COUNCIL: "شورا",
    OTHER: "سایر",
  },
  // meetings/meetingEnums.ts
  meetingStatus: {
    PLANNED: "برنامه‌ریزی‌شده",
    HELD: "برگزارشده",
    CANCELLED: "لغوشده",
  },
  // informalSettlementAreas/areaEnums.ts
  areaKind: {
    INFORMAL_SETTLEMENT: "سکونتگاه غیررسمی",
    NEIGHBOURHOOD: "محله",
    INEFFICIENT_URBAN_AREA: "ناحیه ناکارآمد شهری",
  },
  // needsAssessments/needsAssessmentEnums.ts
  assessmentDimension: {
    SOCIAL: "اجتماعی",
    ECONOMIC: "اقتصادی",
    PHYSICAL: "کالبدی",
    ENVIRONMENTAL: "زیست‌محیطی",
  },
  // managers/managerEnums.ts
  positionKind: {
    COUNTY_GOVERNOR: "فرماندار",
    GOVERNOR_GENERAL: "استاندار",
    DEPUTY_GOVERNOR: "معاون استاندار / فرماندار",
    DIRECTOR_GENERAL: "مدیرکل",
    MAYOR: "شهردار",
    OTHER: "سایر سمت‌ها",
  },
  // licences/licenceEnums.ts
  licenceState: {
    ACTIVE: "معتبر",
    EXPIRING: "در آستانه انقضا",
    EXPIRED: "منقضی",
    SUSPENDED: "تعلیق‌شده",
    REVOKED: "لغوشده",
    NONE: "بدون پروانه",
  },
  // licences/licenceEnums.ts
  licenceAction: {
    ISSUE: "صدور",
    RENEW: "تمدید",
    SUSPEND: "تعلیق",
    REINSTATE: "رفع تعلیق",
    REVOKE: "لغو",
  },
  // licences/licenceEnums.ts
  licensingAuthority: {
    GOVERNORATE: "استانداری",
    COUNTY_GOVERNORATE: "فرمانداری",
    MINISTRY_OF_INTERIOR: "وزارت کشور",
    OTHER: "سایر مراجع",
  },
  // auth/roles.ts
  role: roleLabels,
  // ngoChangeRequests/ (docs/self-service.md)
  ngoChangeRequestStatus: {
    PENDING: "در انتظار بررسی",
    APPROVED: "تأییدشده",
    REJECTED: "ردشده",
  },
  ngoRegulatedField: {
    NAME: "نام",
    NATIONAL_ID: "شناسه ملی",
    REGISTRATION_NUMBER: "شماره ثبت",
  },
  // ngos/ngoStatus.ts
  ngoStatus: {
    ACTIVE: "فعال",
    INACTIVE: "غیرفعال",
    DISSOLVED: "منحل",
    MERGED: "ادغام‌شده",
  },
  // ngos/ngoStatus.ts
  ngoScope: {
    NATIONAL: "ملی",
    PROVINCIAL: "استانی",
    COUNTY: "شهرستانی",
  },
  // ngos/ngoStatus.ts
  boardRole: {
    CHAIR: "رئیس هیئت‌مدیره",
    VICE_CHAIR: "نایب‌رئیس",
    SECRETARY: "دبیر",
    TREASURER: "خزانه‌دار",
    CEO: "مدیرعامل",
    MEMBER: "عضو اصلی",
    ALTERNATE_MEMBER: "عضو علی‌البدل",
    INSPECTOR: "بازرس",
  },
  // ngos/ngoStatus.ts
  awardLevel: {
    NATIONAL: "ملی",
    INTERNATIONAL: "بین‌المللی",
  },
  // activityReports/activityReportEnums.ts
  activityReportStatus: {
    SUBMITTED: "ارسال‌شده",
    ACCEPTED: "پذیرفته",
    NEEDS_CORRECTION: "نیازمند اصلاح",
  },
  // supervision/supervisionEnums.ts
  supervisionKind: {
    REVIEW: "بررسی عملکرد",
    WARNING: "اخطار",
    INSPECTION_NOTE: "گزارش بازدید",
  },
  budgetBand: {
    UNDER_1B: "کمتر از یک میلیارد ریال",
    FROM_1B_TO_10B: "۱ تا ۱۰ میلیارد ریال",
    FROM_10B_TO_50B: "۱۰ تا ۵۰ میلیارد ریال",
    OVER_50B: "بیش از ۵۰ میلیارد ریال",
  },
  // ngos/ngoStatus.ts
  urgency: {
    HIGH: "زیاد (فوری)",
    MEDIUM: "متوسط",
    LOW: "کم",
  },
  // training/trainingEnums.ts
  trainingNeedStatus: {
    DECLARED: "اعلام‌شده",
    PLANNED: "برنامه‌ریزی‌شده",
    MET: "برآورده‌شده",
  },
  // training/trainingEnums.ts
  trainingSessionStatus: {
    PLANNED: "برنامه‌ریزی‌شده",
    HELD: "برگزارشده",
    CANCELLED: "لغوشده",
  },
  // training/trainingEnums.ts
  meetingReply: {
    ATTENDING: "شرکت می‌کنیم",
    NOT_ATTENDING: "شرکت نمی‌کنیم",
  },
  // audit/auditLabels.ts
  auditService: {
    identity: "هویت و دسترسی",
    registry: "ثبت سمن‌ها و سازمان‌ها",
    engagement: "تعامل و نشست‌ها",
    evaluation: "ارزیابی مدیران",
    gateway: "دروازه",
  },
  auditOutcome: {
    SUCCESS: "موفق",
    DENIED: "ردشده",
    FAILED: "ناموفق",
  },
  // audit/auditLabels.ts
  auditAction: {
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
    createNeedsAssessment: "ثبت نیازسنجی",
    updateNeedsAssessment: "ویرایش نیازسنجی",
    deleteNeedsAssessment: "حذف نیازسنجی",
    createDemandTopic: "ثبت دسته مطالبه",
    updateDemandTopic: "ویرایش دسته مطالبه",
    deleteDemandTopic: "حذف دسته مطالبه",
    createGoverningBody: "ثبت نهاد بالادست",
    updateGoverningBody: "ویرایش نهاد بالادست",
    deleteGoverningBody: "حذف نهاد بالادست",
  },
  // audit/auditLabels.ts
  auditEntity: {
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
    NeedsAssessment: "نیازسنجی",
    DemandTopic: "دسته مطالبه",
    GoverningBody: "نهاد بالادست",
  },
  // engagement/engagementEnums.ts
  resolutionStatus,
  // engagement/engagementEnums.ts: a resolution's follow-up state (its status, or overdue)
  followUp: { ...resolutionStatus, OVERDUE: "معوق" },
  // engagement/engagementEnums.ts
  dimension: {
    SOCIAL: "اجتماعی",
    ECONOMIC: "اقتصادی",
    PHYSICAL: "کالبدی",
    ENVIRONMENTAL: "محیط‌زیستی",
    CULTURAL: "فرهنگی",
    HEALTH: "سلامت",
    OTHER: "سایر",
  },
  // engagement/engagementEnums.ts
  memberKind: { AGENCY: "دستگاه", NGO: "سمن" },
  // engagement/engagementEnums.ts
  projectStatus: {
    PLANNED: "برنامه‌ریزی‌شده",
    ACTIVE: "در حال اجرا",
    STALLED: "متوقف",
    FINISHED: "پایان‌یافته",
    ABANDONED: "رهاشده",
  },
  // engagement/engagementEnums.ts
  proposalStatus: {
    SUBMITTED: "ارسال‌شده",
    UNDER_REVIEW: "در حال بررسی",
    ACCEPTED: "پذیرفته‌شده",
    REJECTED: "ردشده",
    IMPLEMENTED: "اجراشده",
  },
  // engagement/engagementEnums.ts
  demandStatus: {
    RAISED: "طرح‌شده",
    UNDER_REVIEW: "در حال بررسی",
    RESOLVED: "رسیدگی‌شده",
    REJECTED: "ردشده",
  },
  // agencyAnswers/agencyAnswerEnums.ts
  requestActionKind: {
    SUBMITTED: "ثبت توسط سمن",
    UNDER_REVIEW: "در حال بررسی",
    ACCEPTED: "پاسخ: پذیرفته شد",
    REJECTED: "پاسخ: رد شد",
  },
  // engagement/engagementEnums.ts
  demandCategory: {
    MEMBERS_INSURANCE: "بیمه اعضا",
    INFRASTRUCTURE: "زیرساخت",
    OFFICIAL_RECOGNITION: "به رسمیت شناخته‌شدن",
    EMPLOYMENT_OF_DISABLED: "اشتغال معلولان",
    FUNDING: "تأمین مالی",
    OTHER: "سایر",
  },
  // engagement/engagementEnums.ts
  ngoLicenceState: {
    ACTIVE: "معتبر",
    EXPIRING: "در آستانه انقضا",
    EXPIRED: "منقضی",
    SUSPENDED: "تعلیق",
    REVOKED: "لغوشده",
    NONE: "بدون پروانه",
  },
  // evaluation/rubric.ts
  cycleState: {
    DRAFT: "پیش‌نویس",
    OPEN: "باز (محاسبه مجاز)",
    UNDER_REVIEW: "در حال بازبینی",
    FINAL: "نهایی (قفل)",
    PUBLISHED: "منتشرشده",
  },
  // evaluation/rubric.ts
  grade: {
    EXCELLENT: "عالی",
    GOOD: "خوب",
    ACCEPTABLE: "قابل قبول",
    NEEDS_IMPROVEMENT: "نیازمند بهبود",
  },
  // evaluation/objections.ts (issue 15)
  objectionStatus: {
    OPEN: "در انتظار بررسی",
    ACCEPTED: "پذیرفته",
    REJECTED: "ردشده",
  },
  objectionOutcome: {
    RECOMPUTE: "محاسبه دوباره",
    ADJUSTMENT: "اصلاح امتیاز",
  },
  objectionRecordKind: {
    MEETING: "نشست",
    RESOLUTION: "مصوبه",
    WORKING_GROUP: "کارگروه",
    PROPOSAL: "پیشنهاد",
    DEMAND: "مطالبه",
  },
  // evaluation/runs.ts
  runStatus: {
    RUNNING: "در حال اجرا",
    SUCCEEDED: "موفق",
    FAILED: "ناموفق",
  },
  // evaluation/runs.ts
  runPhase: {
    QUEUED: "در صف اجرا",
    FETCHING_MANAGERS: "دریافت فهرست مدیران",
    FETCHING_FACTS: "دریافت داده‌های تعامل",
    FETCHING_LICENCES: "دریافت وضعیت مجوزها",
    SCORING: "محاسبه امتیازها",
    STORING: "ذخیره نتایج",
    DONE: "پایان",
  },
  // engagement/periods.ts
  quarter: {
    "1": "بهار (فصل ۱)",
    "2": "تابستان (فصل ۲)",
    "3": "پاییز (فصل ۳)",
    "4": "زمستان (فصل ۴)",
  },
} as const;
