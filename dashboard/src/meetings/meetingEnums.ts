import { enumComponents } from "../common/enumComponents";

export const MEETING_KIND_LABELS = {
  QUARTERLY_PROBLEM_CENTRED: "نشست فصلی مسئله‌محور",
  NGO_EXCHANGE: "نشست ماهانه تبادل تجربه سمن‌ها",
  WORKING_GROUP_SESSION: "جلسه کارگروه",
  COUNCIL: "شورا",
  OTHER: "سایر",
} as const;

export const MEETING_STATUS_LABELS = {
  PLANNED: "برنامه‌ریزی‌شده",
  HELD: "برگزارشده",
  CANCELLED: "لغوشده",
} as const;

export const { Field: MeetingKindField, Input: MeetingKindInput } = enumComponents(MEETING_KIND_LABELS);
export const { Field: MeetingStatusField, Input: MeetingStatusInput } = enumComponents(MEETING_STATUS_LABELS);
