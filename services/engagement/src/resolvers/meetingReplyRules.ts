import { AppError, ErrorCode, tidyDisplayText, Validator } from "@hamafza/common";
import { MeetingStatus } from "../entities/Meeting";
import { MeetingReply } from "../entities/MeetingAttendance";

/** The rules of NGO representatives' replies to meeting invitations (docs/self-service.md). */

/** A reply is taken while the meeting is planned and has not started. */
export function assertCanReply(status: MeetingStatus, scheduledAt: Date, now = new Date()): void {
  if (status !== MeetingStatus.PLANNED)
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      status === MeetingStatus.CANCELLED
        ? "این نشست لغو شده است و پاسخ به دعوت آن لازم نیست."
        : "این نشست برگزار شده است و دیگر پاسخ به دعوت آن ثبت نمی‌شود.",
    );
  if (scheduledAt.getTime() <= now.getTime())
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      "زمان آغاز این نشست گذشته است؛ برای تغییر فهرست حاضران با کارشناس برگزارکننده تماس بگیرید.",
    );
}

/** The reply as stored: attending needs the attendee's name (2–100 characters); not attending keeps no name. */
export function checkedReply(
  attending: boolean,
  attendeeName: string | null | undefined,
): { reply: MeetingReply; replyName: string | null } {
  if (!attending) return { reply: MeetingReply.NOT_ATTENDING, replyName: null };
  new Validator().text(attendeeName, "attendeeName", "نام شرکت‌کننده", { min: 2, max: 100 }).done();
  return { reply: MeetingReply.ATTENDING, replyName: tidyDisplayText(attendeeName!) };
}

/**
 * What a representative sees of a meeting's record (minutes, agenda, resolutions): only once it is HELD — the NGO is
 * on the held meeting's list, so it attended. Staff see them always.
 */
export function representativeSeesRecord(status: MeetingStatus): boolean {
  return status === MeetingStatus.HELD;
}
