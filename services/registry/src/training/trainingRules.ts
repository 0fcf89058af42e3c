import {
  AppError,
  ErrorCode,
  isSupportedJalaliYear,
  normalizePersian,
  tidyDisplayText,
  toJalali,
  toPersianDigits,
  Validator,
} from "@hamafza/common";
import { TrainingNeedStatus, Urgency } from "../entities/TrainingNeed";
import { TrainingSessionStatus } from "./TrainingSession";

/** The pure rules of the training loop (docs/training.md): what may be declared, planned, attended and met. */

const fa = (n: number) => toPersianDigits(String(n));

/** What a representative (or an official) types for one need. */
export interface NeedContent {
  topic: string;
  audience?: string | null;
  urgency?: Urgency | null;
  year: number;
}

/** The years an NGO representative may declare needs for: the current Jalali year and the next. */
export function declarableYears(now = new Date()): [number, number] {
  const year = toJalali(now).year;
  return [year, year + 1];
}

/** A need's content checked (every problem at once) and tidied; `years` limits the year (representatives). */
export function checkedNeed(
  input: NeedContent,
  years: [number, number] | null,
): { topic: string; topicNormalized: string; audience: string | null; urgency: Urgency; year: number } {
  const v = new Validator();
  v.text(input.topic, "topic", "موضوع آموزشی", { min: 2, max: 200 });
  v.text(input.audience, "audience", "مخاطب", { max: 200, required: false });
  const yearOk = Number.isInteger(input.year) && isSupportedJalaliYear(input.year);
  v.check(yearOk, "year", "سال شمسی نیاز را درست وارد کنید.");
  if (yearOk && years)
    v.check(
      input.year >= years[0] && input.year <= years[1],
      "year",
      `نیاز آموزشی را برای سال ${fa(years[0])} یا ${fa(years[1])} اعلام کنید.`,
    );
  v.done();
  return {
    topic: tidyDisplayText(input.topic),
    topicNormalized: normalizePersian(input.topic),
    audience: input.audience?.trim() ? tidyDisplayText(input.audience) : null,
    urgency: input.urgency ?? Urgency.MEDIUM,
    year: input.year,
  };
}

/** Only a DECLARED need may be changed or withdrawn by its NGO: a planned or met one is part of a session's record. */
export function assertNeedEditable(status: TrainingNeedStatus): void {
  if (status !== TrainingNeedStatus.DECLARED)
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      status === TrainingNeedStatus.PLANNED
        ? "برای این نیاز دوره آموزشی برنامه‌ریزی شده است و دیگر تغییر نمی‌کند؛ با کارشناس استانداری یا فرمانداری هماهنگ کنید."
        : "این نیاز برآورده شده است و دیگر تغییر نمی‌کند.",
    );
}

/** What an official types for a session. */
export interface SessionContent {
  topic: string;
  startsAt: Date;
  venue?: string | null;
  ngoHouseId?: string | null;
  capacity: number;
  provider: string;
}

/** A session's content checked (every problem at once) and tidied. */
export function checkedSession(input: SessionContent): Omit<SessionContent, "startsAt"> & {
  startsAt: Date;
  topicNormalized: string;
  venue: string | null;
  ngoHouseId: string | null;
} {
  const v = new Validator();
  v.text(input.topic, "topic", "موضوع دوره", { min: 2, max: 200 });
  v.text(input.provider, "provider", "برگزارکننده (مدرس)", { min: 2, max: 200 });
  v.text(input.venue, "venue", "محل برگزاری", { max: 300, required: false });
  v.check(!!input.ngoHouseId || !!input.venue?.trim(), "venue", "محل برگزاری را بنویسید یا خانه سمن‌ها را برگزینید.");
  v.check(
    Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= 500,
    "capacity",
    "ظرفیت باید عددی صحیح بین ۱ و ۵۰۰ باشد.",
  );
  const year = input.startsAt instanceof Date && !isNaN(input.startsAt.getTime()) ? toJalali(input.startsAt).year : 0;
  v.check(isSupportedJalaliYear(year), "startsAt", "زمان برگزاری دوره را درست وارد کنید.");
  v.done();
  return {
    topic: tidyDisplayText(input.topic),
    topicNormalized: normalizePersian(input.topic),
    provider: tidyDisplayText(input.provider),
    venue: input.venue?.trim() ? tidyDisplayText(input.venue) : null,
    ngoHouseId: input.ngoHouseId ?? null,
    capacity: input.capacity,
    startsAt: input.startsAt,
  };
}

/** NGOs are invited only to a PLANNED session, within its seats. */
export function assertCanInvite(
  status: TrainingSessionStatus,
  invited: number,
  adding: number,
  capacity: number,
): void {
  if (status !== TrainingSessionStatus.PLANNED)
    throw new AppError(ErrorCode.INVALID_TRANSITION, "به دوره‌ای که برگزار یا لغو شده است نمی‌توان سمن دعوت کرد.");
  if (invited + adding > capacity)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `ظرفیت دوره ${fa(capacity)} است و ${fa(invited)} سمن پیش‌تر دعوت شده‌اند؛ ظرفیت را بیشتر کنید یا سمن‌های کمتری دعوت کنید.`,
      { fields: [{ field: "needIds", message: "دعوت‌شدگان بیش از ظرفیت دوره‌اند." }] },
    );
}

/** A need may be planned in a session only while DECLARED (a planned need is in another session already). */
export function assertNeedPlannable(status: TrainingNeedStatus): void {
  if (status !== TrainingNeedStatus.DECLARED)
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      "این نیاز آموزشی پیش‌تر در دوره دیگری برنامه‌ریزی یا برآورده شده است.",
    );
}

/** Attendance is recorded for a session that is not cancelled and has started. */
export function assertCanRecordAttendance(status: TrainingSessionStatus, startsAt: Date, now = new Date()): void {
  if (status === TrainingSessionStatus.CANCELLED)
    throw new AppError(ErrorCode.INVALID_TRANSITION, "این دوره لغو شده است و حضور در آن ثبت نمی‌شود.");
  if (startsAt.getTime() > now.getTime())
    throw new AppError(ErrorCode.INVALID_TRANSITION, "دوره هنوز برگزار نشده است؛ حضور را پس از برگزاری ثبت کنید.");
}

/** Needs are marked met only after attendance is recorded (the session HELD). */
export function assertCanMarkMet(status: TrainingSessionStatus): void {
  if (status !== TrainingSessionStatus.HELD)
    throw new AppError(ErrorCode.INVALID_TRANSITION, "پیش از برآورده‌شدن نیازها، حضور سمن‌ها در دوره را ثبت کنید.");
}

/** A cancelled or held session cannot be cancelled again. */
export function assertCanCancel(status: TrainingSessionStatus): void {
  if (status !== TrainingSessionStatus.PLANNED)
    throw new AppError(ErrorCode.INVALID_TRANSITION, "فقط دوره‌ای که هنوز برگزار نشده است لغو می‌شود.");
}

/**
 * What marking a held session's needs met does to one invitation's need: the NGO attended → MET; it did not →
 * back to DECLARED (the need is still open, for another session); no need linked → nothing.
 */
export function needAfterSession(attended: boolean | null): TrainingNeedStatus {
  return attended ? TrainingNeedStatus.MET : TrainingNeedStatus.DECLARED;
}

/** One group of the needs count, before its label is added. */
export interface NeedCountRow {
  key: string | null;
  declared: number;
  planned: number;
  met: number;
  previousYearDeclared: number;
}

/**
 * Joins this year's counts (declared, planned, met) with last year's declared count by group key; groups present in
 * either year are listed, most declared this year first, then by last year, then by key.
 */
export function mergeNeedCounts(
  current: { key: string | null; declared: number; planned: number; met: number }[],
  previous: { key: string | null; declared: number }[],
): NeedCountRow[] {
  const rows = new Map<string, NeedCountRow>();
  const id = (key: string | null) => key ?? "";
  for (const row of current) rows.set(id(row.key), { ...row, previousYearDeclared: 0 });
  for (const row of previous) {
    const existing = rows.get(id(row.key));
    if (existing) existing.previousYearDeclared = row.declared;
    else rows.set(id(row.key), { key: row.key, declared: 0, planned: 0, met: 0, previousYearDeclared: row.declared });
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.declared - a.declared || b.previousYearDeclared - a.previousYearDeclared || id(a.key).localeCompare(id(b.key)),
  );
}
