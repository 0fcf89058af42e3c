/** The demand-category catalogue: its resource's labels, and the category field of demands. */
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
  },
  hamafza: {
    demandTopics: { codeHelp: "حروف بزرگ لاتین و زیرخط، مثل MEMBERS_INSURANCE" },
  },
};
