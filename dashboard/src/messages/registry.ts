/** The registry screens' texts outside common/messages.ts. Keys under `hamafza.*` (react-admin i18n, merged in common/i18n.ts). */
export const registryMessages = {
  hamafza: {
    registry: {
      socialHarmCodeHelp: "حروف بزرگ لاتین و زیرخط، مثل ADDICTION",
      licenceNumber: "شماره پروانه",
      allNgoFields: "همه حوزه‌های سمن",
      duplicateReasons: {
        SAME_NAME_OTHER_COUNTY: "نام یکسان در شهرستان دیگر",
        SIMILAR_NAME: "نام بسیار مشابه",
        SAME_PHONE: "تلفن مشترک",
        SAME_REGISTRATION_NUMBER: "شماره ثبت یکسان در استان",
      },
    },
  },
};
