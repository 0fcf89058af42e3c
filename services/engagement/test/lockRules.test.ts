import { AppError, ErrorCode, jalaliToIsoDate } from "@hamafza/common";
import fc from "fast-check";
import { Meeting } from "../src/entities/Meeting";
import { Resolution } from "../src/entities/Resolution";
import { jalaliYearOf, lockedError, PeriodLocks } from "../src/locks";
import { lockedYearOf } from "../src/resolvers/resolutionRules";

/** Locked evaluation periods as pure rules (the SQL-backed behaviour is in locking.test.ts). */

const QAZVIN = "28";
const ZANJAN = "19";
// 1 Farvardin 1404 is 2025-03-21; the year turns at Tehran midnight (UTC+03:30).
const LAST_1403_INSTANT = new Date("2025-03-20T20:29:59Z");
const FIRST_1404_INSTANT = new Date("2025-03-20T20:30:00Z");

const thrown = (work: () => void): AppError => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
};

describe("jalaliYearOf", () => {
  it("turns at Nowruz, for days and for Tehran instants", () => {
    expect(jalaliYearOf("2025-03-20")).toBe(1403);
    expect(jalaliYearOf("2025-03-21")).toBe(1404);
    expect(jalaliYearOf("2026-03-20")).toBe(1404);
    expect(jalaliYearOf("2026-03-21")).toBe(1405);
    expect(jalaliYearOf(LAST_1403_INSTANT)).toBe(1403);
    expect(jalaliYearOf(FIRST_1404_INSTANT)).toBe(1404);
  });

  it("agrees with the Jalali calendar for every day of 1395–1420", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1395, max: 1420 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 29 }),
        (year, month, day) => {
          expect(jalaliYearOf(jalaliToIsoDate(year, month, day))).toBe(year);
        },
      ),
    );
  });
});

describe("PeriodLocks", () => {
  const locks = new PeriodLocks([
    { year: 1403, provinceId: null },
    { year: 1404, provinceId: QAZVIN },
  ]);

  it("a national lock covers every province; a provincial lock only its own", () => {
    expect(locks.isLocked(1403, QAZVIN)).toBe(true);
    expect(locks.isLocked(1403, ZANJAN)).toBe(true);
    expect(locks.isLocked(1404, QAZVIN)).toBe(true);
    expect(locks.isLocked(1404, ZANJAN)).toBe(false);
    expect(locks.isLocked(1405, QAZVIN)).toBe(false);
    expect(new PeriodLocks([]).isLocked(1404, QAZVIN)).toBe(false);
  });

  it("freezes only held meetings in a locked year of their province", () => {
    const meeting = (status: string, heldAt: Date | null, provinceId = QAZVIN) => ({ status, heldAt, provinceId });
    expect(locks.meetingLocked(meeting("HELD", FIRST_1404_INSTANT))).toBe(true);
    expect(locks.meetingLocked(meeting("HELD", FIRST_1404_INSTANT, ZANJAN))).toBe(false);
    expect(locks.meetingLocked(meeting("HELD", LAST_1403_INSTANT, ZANJAN))).toBe(true);
    expect(locks.meetingLocked(meeting("PLANNED", FIRST_1404_INSTANT))).toBe(false);
    expect(locks.meetingLocked(meeting("CANCELLED", FIRST_1404_INSTANT))).toBe(false);
    expect(locks.meetingLocked(meeting("HELD", null))).toBe(false);
    expect(locks.meetingLocked(meeting("HELD", new Date("2026-03-21T06:00:00Z")))).toBe(false);
    const error = thrown(() => locks.assertMeetingOpen(meeting("HELD", FIRST_1404_INSTANT)));
    expect(error.code).toBe(ErrorCode.LOCKED);
    expect(error.extensions).toMatchObject({ year: 1404 });
  });

  it("assertDatesOpen refuses a day in a locked year and ignores missing dates", () => {
    expect(() => locks.assertDatesOpen(ZANJAN, "این مورد", null, undefined, "2025-03-21", "2026-03-21")).not.toThrow();
    const error = thrown(() => locks.assertDatesOpen(ZANJAN, "پاسخ به مطالبه", "2025-06-01", "2025-03-20"));
    expect(error.code).toBe(ErrorCode.LOCKED);
    expect(error.extensions).toMatchObject({ year: 1403 });
    expect(error.message).toBe(lockedError(1403, "پاسخ به مطالبه").message);
    expect(error.message).toContain("۱۴۰۳");
  });

  it("property: assertDatesOpen throws exactly when some date's year is locked for the province", () => {
    const lockArb = fc.record({
      year: fc.integer({ min: 1402, max: 1406 }),
      provinceId: fc.constantFrom<string | null>(null, QAZVIN, ZANJAN),
    });
    const dayArb = fc
      .record({
        y: fc.integer({ min: 1401, max: 1407 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 29 }),
      })
      .map(({ y, m, d }) => jalaliToIsoDate(y, m, d));
    fc.assert(
      fc.property(
        fc.array(lockArb, { maxLength: 4 }),
        fc.constantFrom(QAZVIN, ZANJAN),
        fc.array(dayArb, { maxLength: 4 }),
        (rows, province, days) => {
          const set = new PeriodLocks(rows);
          const expected = days.some((day) =>
            rows.some((r) => r.year === jalaliYearOf(day) && (r.provinceId === null || r.provinceId === province)),
          );
          if (expected) expect(thrown(() => set.assertDatesOpen(province, "x", ...days)).code).toBe(ErrorCode.LOCKED);
          else expect(() => set.assertDatesOpen(province, "x", ...days)).not.toThrow();
        },
      ),
    );
  });
});

describe("lockedYearOf (a resolution's freezing year)", () => {
  const locks = new PeriodLocks([{ year: 1404, provinceId: QAZVIN }]);
  const resolution = (deadline: string | null) => Object.assign(new Resolution(), { deadline, provinceId: QAZVIN });
  const meeting = (heldAt: Date | null, status = "HELD") =>
    Object.assign(new Meeting(), { status, heldAt, provinceId: QAZVIN });

  it("is the held meeting's locked year first, else the deadline's, else none", () => {
    expect(lockedYearOf(locks, resolution("2026-05-01"), meeting(FIRST_1404_INSTANT))).toBe(1404);
    expect(lockedYearOf(locks, resolution("2025-05-01"), meeting(LAST_1403_INSTANT))).toBe(1404);
    expect(lockedYearOf(locks, resolution("2026-05-01"), meeting(LAST_1403_INSTANT))).toBeNull();
    expect(lockedYearOf(locks, resolution(null), meeting(FIRST_1404_INSTANT, "PLANNED"))).toBeNull();
    expect(lockedYearOf(locks, resolution("2025-05-01"), null)).toBe(1404);
  });
});
