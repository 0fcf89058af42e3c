import { AppError, ErrorCode, jalaliQuarterOf, RequestContext, toPersianDigits } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { EngagementPeriodLock } from "./entities/PeriodLock";
import { jalaliPeriodOfDay } from "./util/time";

const fa = (n: number) => toPersianDigits(n);

/** The Jalali year of an instant (Tehran) or of a calendar day. */
export function jalaliYearOf(value: Date | string): number {
  return value instanceof Date ? jalaliQuarterOf(value).year : jalaliPeriodOfDay(value).year;
}

/**
 * The locked evaluation periods (once a cycle is FINAL, engagement records of that year in scope can no
 * longer change). Rule: nothing dated inside a locked (year, province) may be created, changed or deleted — a held
 * meeting of that year with its attendance, officials, agenda and resolutions; resolution deadlines, completion
 * days and progress reports; proposal and demand submission and response days; working-group membership days.
 * Follow-up dated after the year stays possible (a 1404 resolution can still be reported done in 1405, late).
 */
export class PeriodLocks {
  constructor(private readonly locks: Pick<EngagementPeriodLock, "year" | "provinceId">[]) {}

  /**
   * The locks, read inside a write transaction. `SHARE` mode waits for a lock being added concurrently and keeps
   * new locks out until this transaction ends, so a change can never slip past a lock committed meanwhile.
   */
  static async forWrite(em: EntityManager): Promise<PeriodLocks> {
    await em.query(`LOCK TABLE engagement_period_lock IN SHARE MODE`);
    return new PeriodLocks(await em.find(EngagementPeriodLock));
  }

  isLocked(year: number, provinceId: string | null): boolean {
    return this.locks.some(
      (lock) => lock.year === year && (lock.provinceId === null || lock.provinceId === provinceId),
    );
  }

  /** Whether a meeting is frozen: held, in a locked year of its province. */
  meetingLocked(meeting: { status: string; heldAt: Date | null; provinceId: string }): boolean {
    return (
      meeting.status === "HELD" &&
      meeting.heldAt !== null &&
      this.isLocked(jalaliYearOf(meeting.heldAt), meeting.provinceId)
    );
  }

  /** Throws LOCKED when the meeting is frozen. */
  assertMeetingOpen(meeting: { status: string; heldAt: Date | null; provinceId: string }, what = "این نشست"): void {
    if (this.meetingLocked(meeting)) throw lockedError(jalaliYearOf(meeting.heldAt!), what);
  }

  /** Throws LOCKED when any of the given instants or days falls in a locked year of the province. */
  assertDatesOpen(provinceId: string, what: string, ...dates: (Date | string | null | undefined)[]): void {
    for (const date of dates) {
      if (date === null || date === undefined) continue;
      const year = jalaliYearOf(date);
      if (this.isLocked(year, provinceId)) throw lockedError(year, what);
    }
  }
}

export function lockedError(year: number, what: string): AppError {
  return new AppError(
    ErrorCode.LOCKED,
    `ارزیابی سال ${fa(year)} نهایی و دوره آن قفل شده است؛ ${what} که به این دوره مربوط است قابل ثبت، تغییر یا حذف نیست.`,
    { year },
  );
}

/** All locks, once per request (a small table), for the `locked` fields. */
export function periodLocksForRead(ctx: RequestContext): Promise<PeriodLocks> {
  return ctx.loaders
    .get<string, PeriodLocks>("periodLocks", async (keys) => {
      const locks = new PeriodLocks(await ctx.db.getRepository(EngagementPeriodLock).find());
      return keys.map(() => locks);
    })
    .load("all");
}
