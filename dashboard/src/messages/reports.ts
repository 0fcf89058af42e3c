/** Printable reports (PDF from the gateway). Keys under `hamafza.reports.*`. */
export const reportMessages = {
  hamafza: {
    reports: {
      print: "چاپ گزارش (PDF)",
      printMinutes: "چاپ صورت‌جلسه (PDF)",
      printScorecard: "چاپ کارنامه (PDF)",
      printQuarter: "گزارش فصلی (PDF)",
      failed: "ساختن گزارش ممکن نشد؛ کمی بعد دوباره تلاش کنید.",
      year: "سال",
      quarter: "فصل",
    },
  },
};
