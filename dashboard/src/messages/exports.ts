/** The export button of every list (CSV and XLSX through the gateway's POST /export). */
export const exportMessages = {
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
