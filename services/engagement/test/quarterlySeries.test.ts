import { atTehranClock, jalaliMonthDays, jalaliToIsoDate, tehranClock, toJalali } from "@hamafza/common";
import fc from "fast-check";
import { quarterlyOccurrences } from "../src/rules/quarterlySeries";

const at = (year: number, month: number, day: number, hour: number, minute = 0) =>
  atTehranClock(year, month, day, [hour, minute, 0, 0]);
const jalali = (instant: Date) => {
  const { year, month, day } = toJalali(instant);
  return `${year}/${month}/${day}`;
};

describe("quarterly series", () => {
  it("plans the same Jalali day and Tehran time in each of the next quarters", () => {
    const dates = quarterlyOccurrences(at(1404, 1, 15, 9, 30));
    expect(dates.map(jalali)).toEqual(["1404/1/15", "1404/4/15", "1404/7/15", "1404/10/15"]);
    expect(dates.map((d) => d.toISOString().slice(11, 16))).toEqual(["06:00", "06:00", "06:00", "06:00"]);
  });

  it("moves to the month's last day where the month is shorter, and crosses into the next year", () => {
    expect(quarterlyOccurrences(at(1404, 6, 31, 10)).map(jalali)).toEqual([
      "1404/6/31",
      "1404/9/30",
      "1404/12/29", // 1404 is not a leap year
      "1405/3/31",
    ]);
    expect(quarterlyOccurrences(at(1403, 12, 30, 10)).map(jalali)).toEqual([
      "1403/12/30", // 1403 is a leap year
      "1404/3/30",
      "1404/6/30",
      "1404/9/30",
    ]);
  });

  it("keeps the Tehran wall-clock time across the daylight saving time Iran kept until 1401", () => {
    // 1395/01/02 23:00 (+04:30) → 1395/07/02 23:00 (+03:30): the same wall clock, an hour further in UTC terms.
    const dates = quarterlyOccurrences(at(1395, 1, 2, 23));
    expect(dates.map(jalali)).toEqual(["1395/1/2", "1395/4/2", "1395/7/2", "1395/10/2"]);
    expect(dates.map((d) => tehranClock(d).slice(0, 2))).toEqual([
      [23, 0],
      [23, 0],
      [23, 0],
      [23, 0],
    ]);
    expect(dates.map((d) => d.toISOString().slice(11, 16))).toEqual(["18:30", "18:30", "19:30", "19:30"]);
  });

  it("knows the length of every Jalali month, leap Esfand included", () => {
    expect(jalaliMonthDays(1403, 12)).toBe(30);
    expect(jalaliMonthDays(1404, 12)).toBe(29);
    expect(jalaliMonthDays(1404, 6)).toBe(31);
    expect(jalaliMonthDays(1404, 7)).toBe(30);
    for (const [year, month] of [
      [1403, 12],
      [1404, 12],
      [1399, 12],
      [1408, 12],
    ]) {
      const days = jalaliMonthDays(year, month);
      expect(() => jalaliToIsoDate(year, month, days)).not.toThrow();
      if (days < 31) expect(() => jalaliToIsoDate(year, month, days + 1)).toThrow(RangeError);
    }
  });

  it("always gives four instants, one per consecutive quarter, at the first one's time of day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1385, max: 1440 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (year, month, rawDay, minutes) => {
          const day = Math.min(rawDay, jalaliMonthDays(year, month));
          const dates = quarterlyOccurrences(at(year, month, day, 0, minutes));
          expect(dates).toHaveLength(4);
          dates.forEach((date, i) => {
            const { year: y, month: m, day: d } = toJalali(date);
            const quarterIndex = (y - year) * 4 + Math.ceil(m / 3) - Math.ceil(month / 3);
            expect(quarterIndex).toBe(i);
            expect(d).toBe(Math.min(day, jalaliMonthDays(y, m)));
            // Until 1401 the hour after midnight of the day daylight saving time began did not exist; such a time
            // moves to the first hour that does. Since then Tehran keeps one offset and the clock is always kept.
            if (y >= 1402) expect(tehranClock(date).slice(0, 2)).toEqual([Math.floor(minutes / 60), minutes % 60]);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
