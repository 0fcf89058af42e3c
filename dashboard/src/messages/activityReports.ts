/** Annual activity reports of NGOs (supervision, seed 004): the resource and its review. */
export const activityReportMessages = {
  resources: {
    ngoActivityReports: {
      name: "گزارش سالانه سمن |||| گزارش‌های سالانه سمن‌ها",
      fields: {
        ngoId: "سمن",
        year: "سال",
        status: "وضعیت بررسی",
        activities: "شرح فعالیت‌های سال",
        beneficiaries: "شمار بهره‌مندان",
        volunteers: "شمار داوطلبان",
        countiesCovered: "شهرستان‌های محل فعالیت",
        budgetBand: "هزینه سال",
        reviewNote: "یادداشت بررسی",
        reviewedBy: "بررسی‌کننده",
        reviewedAt: "زمان بررسی",
        countyId: "شهرستان",
      },
    },
  },
  hamafza: {
    activityReports: {
      accept: "پذیرش گزارش",
      acceptTitle: "این گزارش پذیرفته شود؟ گزارش پذیرفته‌شده دیگر تغییر نمی‌کند.",
      return: "بازگرداندن برای اصلاح",
      returnTitle: "بازگرداندن گزارش برای اصلاح",
      note: "چه چیزی باید اصلاح شود؟",
    },
  },
};
