/** Needs assessments of informal-settlement areas and the coverage lists: texts and resources' labels. */
const areaFields = {
  id: "شناسه",
  name: "نام",
  kind: "نوع",
  countyId: "شهرستان",
  provinceId: "استان",
  estimatedPopulation: "جمعیت تخمینی",
  lastNeedsAssessedOn: "آخرین نیازسنجی",
  neverAssessed: "هرگز نیازسنجی نشده",
};

export const needsAssessmentMessages = {
  resources: {
    needsAssessments: {
      name: "نیازسنجی |||| نیازسنجی‌ها",
      fields: {
        id: "شناسه",
        areaId: "سکونتگاه / محله",
        area: "سکونتگاه / محله",
        countyId: "شهرستان",
        provinceId: "استان",
        assessedOn: "تاریخ نیازسنجی",
        assessedFrom: "از تاریخ",
        assessedTo: "تا تاریخ",
        ngoIds: "سمن‌های نیازسنج",
        ngoId: "سمن نیازسنج",
        socialFindings: "یافته‌های اجتماعی",
        economicFindings: "یافته‌های اقتصادی",
        physicalFindings: "یافته‌های کالبدی",
        environmentalFindings: "یافته‌های زیست‌محیطی",
        priorityNeeds: "نیازهای اولویت‌دار",
        dimension: "بعد",
        description: "شرح نیاز",
        rank: "اولویت",
      },
    },
    areasDueForNeedsAssessment: { name: "محله‌های نیازمند نیازسنجی", fields: areaFields },
    areasWithoutFacilitationOffice: { name: "محله‌های بدون دفتر تسهیل‌گری", fields: areaFields },
    areasWithoutNgo: { name: "محله‌های بدون سمن", fields: areaFields },
    countiesWithoutFacilitationOffice: {
      name: "شهرستان‌های بدون دفتر تسهیل‌گری",
      fields: { id: "کد", name: "نام", provinceId: "استان" },
    },
  },
  hamafza: {
    menu: { coverage: "پوشش" },
    needsAssessments: {
      ngosHelp: "سمن‌های همان استان؛ نماینده سمن فقط سمن خود را نام می‌برد.",
      ngosRule: "دست‌کم یک سمن نیازسنج انتخاب کنید.",
      needsHelp: "به ترتیب اولویت؛ نخستین، فوری‌ترین نیاز است.",
      findings: "یافته‌ها",
      mine: {
        menu: "نیازسنجی محله‌ها",
        title: "نیازسنجی‌های سمن من",
        hint: "نیازسنجی محله‌هایی که سمن شما در آن کار می‌کند را ثبت کنید و نیازسنجی‌های پیشین سمن را ببینید.",
        file: "ثبت نیازسنجی",
        fileIntro: "محله، تاریخ، یافته‌های هر بعد و نیازهای اولویت‌دار را وارد کنید؛ سمن شما نیازسنج ثبت می‌شود.",
        filed: "نیازسنجی ثبت شد.",
        areaHelp: "محله‌های شهرستان سمن شما و محله‌هایی که دفتر تسهیل‌گری آن را می‌گردانید.",
        empty: "سمن شما هنوز نیازسنجی‌ای ثبت نکرده است.",
      },
    },
    coverage: {
      dueHelp: "محله‌هایی که هرگز یا در ۳۶۵ روز گذشته نیازسنجی نشده‌اند.",
      noNgoHelp: "محله‌هایی که هیچ سمنی در آن دفتر تسهیل‌گری ندارد یا نیازسنجی نکرده است.",
    },
  },
};
