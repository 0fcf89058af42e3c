/** The demand-category catalogue and the bodies committees belong to: resources' labels and their fields elsewhere. */
export const demandTopicMessages = {
  resources: {
    demandTopics: {
      name: "دسته مطالبه |||| دسته‌های مطالبه",
      fields: {
        id: "شناسه",
        q: "جستجو",
        code: "کد",
        name: "نام",
        description: "شرح",
        sortOrder: "ترتیب",
        active: "فعال",
      },
    },
    demands: { fields: { topicId: "دسته", topic: "دسته" } },
    governingBodies: {
      name: "نهاد بالادست |||| نهادهای بالادست",
      fields: {
        id: "شناسه",
        q: "جستجو",
        name: "نام",
        provinceId: "استان",
        countyId: "شهرستان",
        description: "شرح",
        workingGroups: "کمیته‌ها",
        projects: "پروژه‌های کمیته‌ها",
      },
    },
    workingGroups: { fields: { bodyId: "نهاد بالادست", body: "نهاد بالادست" } },
  },
  hamafza: {
    demandTopics: { codeHelp: "حروف بزرگ لاتین و زیرخط، مثل MEMBERS_INSURANCE" },
  },
};
