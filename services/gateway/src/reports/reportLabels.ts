/**
 * Persian labels for the codes printed in reports (the dashboard shows the same words; a report is printed by the
 * gateway, which does not ship the dashboard's bundle). A code without a label prints as itself.
 */
export const REPORT_LABELS: Record<string, Record<string, string>> = {
  meetingKind: {
    QUARTERLY_PROBLEM_CENTRED: "نشست فصلی مسئله‌محور",
    NGO_EXCHANGE: "نشست ماهانه تبادل تجربه سمن‌ها",
    WORKING_GROUP_SESSION: "جلسه کارگروه",
    COUNCIL: "شورا",
    OTHER: "سایر",
  },
  meetingStatus: { PLANNED: "برنامه‌ریزی‌شده", HELD: "برگزارشده", CANCELLED: "لغوشده" },
  followUp: { OPEN: "باز", IN_PROGRESS: "در حال انجام", OVERDUE: "معوق", DONE: "انجام‌شده", CANCELLED: "لغوشده" },
  grade: { EXCELLENT: "عالی", GOOD: "خوب", ACCEPTABLE: "قابل قبول", NEEDS_IMPROVEMENT: "نیازمند بهبود" },
  evidence: {
    MEETING: "جلسه",
    RESOLUTION: "مصوبه",
    WORKING_GROUP: "کارگروه",
    PROPOSAL: "پیشنهاد",
    DEMAND: "مطالبه",
    NGO_ATTENDANCE: "حضور سمن",
    QUARTER: "فصل",
  },
};

/** The label of one code in one group. */
export function label(group: keyof typeof REPORT_LABELS, code: string | null | undefined): string {
  if (!code) return "—";
  return REPORT_LABELS[group]?.[code] ?? code;
}
