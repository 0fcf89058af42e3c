/** Supervision records of NGOs (review, warning, inspection note) on the NGO's page and on «سمن من». */
export const supervisionMessages = {
  resources: {
    supervisionRecords: {
      name: "سابقه نظارت |||| سوابق نظارت",
      fields: {
        ngoId: "سمن",
        kind: "نوع",
        recordedOn: "تاریخ",
        text: "شرح",
        activityReportId: "گزارش سالانه مرتبط",
        licenceEventId: "اقدام پروانه مرتبط",
        createdBy: "ثبت‌کننده",
      },
    },
  },
  hamafza: {
    ngos: { tabs: { supervision: "نظارت" } },
    supervision: {
      title: "سوابق نظارت",
      none: "سابقه نظارتی ثبت نشده است.",
      add: "ثبت سابقه نظارت",
      addIntro:
        "بررسی عملکرد، اخطار یا گزارش بازدید این سمن را ثبت کنید. با ثبت اخطار، نمایندگان سمن آگاه می‌شوند. برای پیوند به تعلیق یا لغو پروانه، هنگام تعلیق یا لغو همین سابقه را نام ببرید.",
      added: "سابقه نظارت ثبت شد.",
      kind: "نوع",
      recordedOn: "تاریخ",
      text: "شرح",
      recordedBy: "ثبت‌کننده: %{name}",
      linkedAction: "پشتوانه %{action} پروانه در %{date}",
      followsReport: "در پی گزارش سالانه",
      justifiedBy: "سابقه نظارتِ پشتوانه (اختیاری)",
      justifiedByHelp: "اخطار یا بررسی‌ای از همین سمن که این اقدام را توجیه می‌کند؛ دو سو به هم پیوند می‌خورند.",
      noJustification: "بدون سابقه نظارت",
      myHelp: "اخطارها و بررسی‌هایی که کارشناسان نظارت درباره سمن شما ثبت کرده‌اند.",
    },
  },
};
