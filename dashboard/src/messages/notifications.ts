/** The inbox and the bell in the top bar. */
export const notificationMessages = {
  hamafza: {
    notifications: {
      title: "اعلان‌ها",
      heading: "اعلان‌های شما (%{count})",
      unread: "%{count} اعلان خوانده‌نشده",
      markAllRead: "همه را خواندم",
      markRead: "خواندم",
      empty: "اعلانی ندارید.",
      why: "چرا این اعلان: %{reason} — %{when}",
      kinds: {
        MEETING_QUARTER_DUE: "جلسه فصل",
        RESOLUTION_DUE: "موعد مصوبه",
        RESOLUTION_OVERDUE: "مصوبه معوق",
        REQUEST_UNANSWERED: "درخواست بی‌پاسخ",
        LICENCE_EXPIRING: "پروانه رو به انقضا",
        MEETING_INVITATION: "دعوت به جلسه",
        MEETING_SOON: "جلسه فردا",
        ACTIVITY_REPORT_DUE: "گزارش سالانه سمن‌ها",
        REQUEST_SUBMITTED: "درخواست تازه سمن",
        REQUEST_ANSWERED: "پاسخ دستگاه",
        SUPERVISION_WARNING: "اخطار نظارتی",
        NGO_PROFILE_CHANGE: "مشخصات سمن",
        SYSTEM: "سامانه",
      },
    },
  },
};
