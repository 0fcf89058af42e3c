/**
 * The analysts' GraphiQL page (a separate small app without react-admin's i18n): its few texts, in one place with
 * the dashboard's other messages.
 */
export const graphiqlTexts = {
  startQuery:
    '# پرسش‌های نمونه: docs/analysts.md\n{\n  province(id: "19") {\n    name\n    counties { id name }\n  }\n}\n',
  savedQueries: "پرسش‌های ذخیره‌شده",
  currentName: "نام پرسش فعلی",
  nameLabel: "نام پرسش",
  shareWithTerritory: "هم‌رسانی با کاربران قلمرو من",
  saveCurrent: "ذخیرهٔ پرسش فعلی",
  saved: (name: string) => `«${name}» ذخیره شد.`,
  deleted: (name: string) => `«${name}» حذف شد.`,
  shared: "(هم‌رسانی‌شده)",
  private: "(خصوصی)",
  from: (owner: string) => `(از ${owner})`,
  remove: "حذف",
  removeNamed: (name: string) => `حذف ${name}`,
};
