import {
  invalidTransition,
  isSupportedJalaliYear,
  jalaliToIsoDate,
  tidyDisplayText,
  toJalali,
  toPersianDigits,
  UNSUPPORTED_JALALI_YEAR_MESSAGE,
  Validator,
} from "@hamafza/common";
import { ActivityReportStatus } from "../entities/NgoActivityReport";
import { NgoActivityReportContent } from "./activityReportInputs";

/** Most counties one report may name, and the largest head count it may give. */
export const MAX_COUNTIES_COVERED = 60;
export const MAX_PEOPLE = 50_000_000;

/** The day a year's report is due: the last day of the next year's first quarter (31 Khordad), Tehran. */
export function activityReportDueOn(year: number): string {
  return jalaliToIsoDate(year + 1, 3, 31);
}

/** Days from `today` (an ISO day, Tehran) to the report's due day; negative once it has passed. */
export function daysUntilDue(year: number, today: string): number {
  return Math.round((Date.parse(activityReportDueOn(year)) - Date.parse(today)) / 86_400_000);
}

/** Whether the report of `year` is overdue on `today` (an ISO day, Tehran). */
export function isActivityReportOverdue(year: number, today: string): boolean {
  return today > activityReportDueOn(year);
}

/** The year whose report is being collected on `now`: last year (its report is due in this year's first quarter). */
export function reportingYear(now = new Date()): number {
  return toJalali(now).year - 1;
}

/** The report's content checked (every problem at once) and tidied; `year` too when given (a new report). */
export function checkedContent<T extends NgoActivityReportContent & { year?: number }>(input: T, now = new Date()): T {
  const v = new Validator()
    .text(input.activities, "activities", "شرح فعالیت‌های سال", { min: 10, max: 4000 })
    .check(
      Number.isInteger(input.beneficiaries) && input.beneficiaries >= 0 && input.beneficiaries <= MAX_PEOPLE,
      "beneficiaries",
      "شمار بهره‌مندان باید عددی صحیح و نامنفی باشد.",
    )
    .check(
      Number.isInteger(input.volunteers) && input.volunteers >= 0 && input.volunteers <= MAX_PEOPLE,
      "volunteers",
      "شمار داوطلبان باید عددی صحیح و نامنفی باشد.",
    )
    .check(
      input.countiesCovered.length <= MAX_COUNTIES_COVERED &&
        input.countiesCovered.every((code) => /^\d{4}$/.test(code)) &&
        new Set(input.countiesCovered).size === input.countiesCovered.length,
      "countiesCovered",
      `شهرستان‌های محل فعالیت را بدون تکرار و حداکثر ${toPersianDigits(MAX_COUNTIES_COVERED)} شهرستان برگزینید.`,
    );
  if (input.year !== undefined) {
    const current = toJalali(now).year;
    v.check(isSupportedJalaliYear(input.year), "year", UNSUPPORTED_JALALI_YEAR_MESSAGE).check(
      !isSupportedJalaliYear(input.year) || input.year <= current,
      "year",
      `گزارش سالانه فقط برای سال جاری یا سال‌های گذشته (تا ${toPersianDigits(current)}) ثبت می‌شود.`,
    );
  }
  v.done();
  return {
    ...input,
    activities: tidyDisplayText(input.activities),
    countiesCovered: [...input.countiesCovered].sort(),
  };
}

const STATUS_LABELS: Record<ActivityReportStatus, string> = {
  SUBMITTED: "ارسال‌شده",
  ACCEPTED: "پذیرفته",
  NEEDS_CORRECTION: "نیازمند اصلاح",
};

/** A review's decision on a report in `from`: only a SUBMITTED report is reviewed. */
export function assertReviewable(from: ActivityReportStatus, to: ActivityReportStatus): void {
  if (from !== ActivityReportStatus.SUBMITTED || to === ActivityReportStatus.SUBMITTED)
    throw invalidTransition(
      `بررسی گزارش در وضعیت «${STATUS_LABELS[from]}» به «${STATUS_LABELS[to]}» ممکن نیست؛ فقط گزارش ارسال‌شده بررسی می‌شود.`,
      { from, to },
    );
}

/** A correction is possible until the report is accepted; a returned report goes back to SUBMITTED. */
export function assertCorrectable(status: ActivityReportStatus): void {
  if (status === ActivityReportStatus.ACCEPTED)
    throw invalidTransition("گزارش پذیرفته‌شده دیگر تغییر نمی‌کند.", { state: status });
}
