import { describe, expect, it } from "@jest/globals";
import {
  currentJalaliMonth,
  meetingsByDay,
  monthGrid,
  monthMeetingFilter,
  monthTitle,
  parseMonthParam,
  shiftMonth,
} from "../src/meetings/calendarMonth";

describe("Jalali month grid of the meeting calendar", () => {
  it("starts each month in its Saturday-first column", () => {
    // 1 Farvardin 1404 = Friday 21 March 2025 → last column.
    expect(monthGrid({ year: 1404, month: 1 }).offset).toBe(6);
    // 1 Aban 1404 = Thursday 23 October 2025.
    expect(monthGrid({ year: 1404, month: 8 }).offset).toBe(5);
    // 1 Farvardin 1403 = Wednesday 20 March 2024.
    expect(monthGrid({ year: 1403, month: 1 }).offset).toBe(4);
    // 1 Dey 1404 = Monday 22 December 2025.
    expect(monthGrid({ year: 1404, month: 10 }).offset).toBe(2);
  });

  it("gives 31, 30 and 29/30 days, with 30 Esfand in the leap year 1403", () => {
    expect(monthGrid({ year: 1404, month: 1 }).length).toBe(31);
    expect(monthGrid({ year: 1404, month: 6 }).length).toBe(31);
    expect(monthGrid({ year: 1404, month: 7 }).length).toBe(30);
    expect(monthGrid({ year: 1404, month: 12 }).length).toBe(29);
    const esfand1403 = monthGrid({ year: 1403, month: 12 });
    expect(esfand1403.length).toBe(30);
    const days = esfand1403.weeks.flat().filter((cell) => cell !== null);
    expect(days[days.length - 1]).toEqual({ day: 30, iso: "2025-03-20" });
  });

  it("lays the days out in full weeks of 7", () => {
    const grid = monthGrid({ year: 1404, month: 1 });
    for (const week of grid.weeks) expect(week).toHaveLength(7);
    expect(grid.weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(grid.weeks[0][6]).toEqual({ day: 1, iso: "2025-03-21" });
    expect(grid.weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(grid.weeks).toHaveLength(6); // 6 + 31 = 37 cells
  });

  it("moves between months and years", () => {
    expect(shiftMonth({ year: 1404, month: 12 }, 1)).toEqual({ year: 1405, month: 1 });
    expect(shiftMonth({ year: 1404, month: 1 }, -1)).toEqual({ year: 1403, month: 12 });
    expect(monthTitle({ year: 1404, month: 8 })).toBe("آبان ۱۴۰۴");
    expect(parseMonthParam("1404-08")).toEqual({ year: 1404, month: 8 });
    expect(parseMonthParam("1404-13")).toBeUndefined();
    // 2025-10-22 20:30Z is 23 October 00:00 in Tehran = 1 Aban 1404.
    expect(currentJalaliMonth(new Date("2025-10-22T20:30:00Z"))).toEqual({ year: 1404, month: 8 });
    expect(currentJalaliMonth(new Date("2025-10-22T20:29:00Z"))).toEqual({ year: 1404, month: 7 });
  });

  it("filters a month from Tehran midnight to the next month, and files meetings by Tehran day", () => {
    expect(monthMeetingFilter({ year: 1404, month: 8 })).toEqual({
      from: "2025-10-22T20:30:00.000Z",
      to: "2025-11-21T20:30:00.000Z",
    });
    const byDay = meetingsByDay([
      { id: 1, scheduledAt: "2025-10-22T21:00:00Z" },
      { id: 2, scheduledAt: "2025-10-01T08:00:00Z", heldAt: "2025-10-22T20:00:00Z" },
    ]);
    expect(byDay.get("2025-10-23")?.map((m) => m.id)).toEqual([1]);
    expect(byDay.get("2025-10-22")?.map((m) => m.id)).toEqual([2]);
    // The API's own Tehran day wins when given.
    expect(
      meetingsByDay([{ id: 3, scheduledAt: "2025-10-22T21:00:00Z", meetingDate: "2025-10-23" }]).get("2025-10-23"),
    ).toHaveLength(1);
  });
});
