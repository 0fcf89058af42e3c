/**
 * Texts every list shares: the export button (CSV and XLSX through the gateway's POST /export) and the empty states.
 * react-admin's Persian empty states put the plural resource name where a singular reads right («هیچ سمن‌ها … یافت
 * نشد»): here they are worded around the name, which the menu gives in the plural.
 */
export const listMessages = {
  ra: {
    navigation: {
      no_filtered_results: "با این فیلترها موردی در «%{name}» یافت نشد.",
      no_results: "موردی یافت نشد.",
    },
    page: {
      empty: "هنوز موردی در «%{name}» ثبت نشده است.",
      invite: "می‌خواهید نخستین مورد را ثبت کنید؟",
    },
  },
  hamafza: {
    export: {
      button: "خروجی",
      csv: "CSV (متن، برای هر برنامه)",
      xlsx: "اکسل (XLSX)",
      running: "خروجی در حال آماده شدن است…",
      failed: "خروجی گرفته نشد: %{message}",
      network: "ارتباط با سرور برای خروجی برقرار نشد.",
    },
  },
};
