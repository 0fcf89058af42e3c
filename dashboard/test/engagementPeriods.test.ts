import { describe, expect, it } from "@jest/globals";
import {
  currentJalaliYear,
  jalaliPeriodRange,
  splitTehranInstant,
  tehranInstant,
  withJalaliPeriod,
} from "../src/engagement/periods";

describe("Jalali quarter filters → Gregorian day ranges", () => {
  it("gives each quarter of 1404 its first and last day", () => {
    expect(jalaliPeriodRange(1404, 1)).toEqual({ from: "2025-03-21", to: "2025-06-21" });
    expect(jalaliPeriodRange(1404, 2)).toEqual({ from: "2025-06-22", to: "2025-09-22" });
    expect(jalaliPeriodRange(1404, 3)).toEqual({ from: "2025-09-23", to: "2025-12-21" });
    expect(jalaliPeriodRange(1404, 4)).toEqual({ from: "2025-12-22", to: "2026-03-20" });
  });

  it("gives a whole year, with 30 Esfand in a leap year", () => {
    expect(jalaliPeriodRange(1404)).toEqual({ from: "2025-03-21", to: "2026-03-20" });
    // 1403 is a leap year: Esfand has 30 days.
    expect(jalaliPeriodRange(1403, 4)).toEqual({ from: "2024-12-21", to: "2025-03-20" });
  });

  it("refuses impossible years and quarters", () => {
    expect(() => jalaliPeriodRange(1404, 5)).toThrow(RangeError);
    expect(() => jalaliPeriodRange(99)).toThrow(RangeError);
  });

  it("replaces jalaliYear/jalaliQuarter in a filter by the API day range", () => {
    expect(
      withJalaliPeriod({ jalaliYear: 1404, jalaliQuarter: "2", status: "OPEN" }, "deadlineFrom", "deadlineTo"),
    ).toEqual({
      status: "OPEN",
      deadlineFrom: "2025-06-22",
      deadlineTo: "2025-09-22",
    });
    expect(withJalaliPeriod({ jalaliYear: "1404" }, "raisedFrom", "raisedTo")).toEqual({
      raisedFrom: "2025-03-21",
      raisedTo: "2026-03-20",
    });
    // A quarter without a year means nothing.
    expect(withJalaliPeriod({ jalaliQuarter: 3, q: "x" }, "a", "b")).toEqual({ q: "x" });
  });

  it("knows the current Jalali year on Tehran clock around Nowruz", () => {
    expect(currentJalaliYear(new Date("2025-03-20T20:00:00Z"))).toBe(1403); // 23:30 Tehran on 30 Esfand 1403
    expect(currentJalaliYear(new Date("2025-03-20T21:00:00Z"))).toBe(1404); // 00:30 Tehran on 1 Farvardin 1404
    expect(currentJalaliYear(new Date("2026-11-22T12:00:00Z"))).toBe(1405);
  });
});

describe("Tehran wall-clock times", () => {
  it("turns a Tehran day and time into the UTC instant and back", () => {
    expect(tehranInstant("2025-06-21", "23:30")).toBe("2025-06-21T20:00:00.000Z");
    expect(tehranInstant("2025-06-21", "۰۹:۱۵")).toBe("2025-06-21T05:45:00.000Z");
    expect(splitTehranInstant("2025-06-21T20:00:00.000Z")).toEqual({ day: "2025-06-21", time: "23:30" });
    expect(splitTehranInstant("2025-06-21T21:00:00.000Z")).toEqual({ day: "2025-06-22", time: "00:30" });
  });

  it("refuses bad times", () => {
    expect(tehranInstant("2025-06-21", "24:00")).toBeUndefined();
    expect(tehranInstant("1404/03/31", "10:00")).toBeUndefined();
    expect(splitTehranInstant(undefined)).toEqual({});
  });
});

describe("period filters in the data provider", () => {
  it("turns the Jalali period into the API day range for resolutions, proposals and demands only", async () => {
    const { apiFilter } = await import("../src/engagement/periodFilters");
    const { withPeriodFilters } = await import("../src/dataProvider/withPeriodFilters");
    expect(apiFilter("proposals", { jalaliYear: 1404, jalaliQuarter: 1 })).toEqual({
      submittedFrom: "2025-03-21",
      submittedTo: "2025-06-21",
    });
    expect(apiFilter("meetings", { jalaliYear: 1404, jalaliQuarter: 1 })).toEqual({
      jalaliYear: 1404,
      jalaliQuarter: 1,
    });
    const seen: unknown[] = [];
    const base = {
      getList: async (_resource: string, params: { filter: unknown }) => {
        seen.push(params.filter);
        return { data: [], total: 0 };
      },
    } as never;
    const provider = withPeriodFilters(base) as unknown as { getList: (r: string, p: object) => Promise<unknown> };
    await provider.getList("demands", { filter: { jalaliYear: 1404, status: "RAISED" } });
    expect(seen).toEqual([{ status: "RAISED", raisedFrom: "2025-03-21", raisedTo: "2026-03-20" }]);
  });
});

describe("meeting form → API input", () => {
  it("sends the attendance rows as attendees, dropping empty rows and the licence flags", async () => {
    const { meetingInput } = await import("../src/meetings/meetingInput");
    expect(
      meetingInput({
        title: "نشست",
        attendance: [
          {
            id: "a1",
            ngoId: "n1",
            representativeName: " مریم احمدی ",
            licenceFlagged: true,
            licenceStateOnMeetingDate: "EXPIRED",
          },
          { ngoId: "n2", representativeName: "" },
          { representativeName: "بی‌سمن" },
          null,
        ],
        officials: [{ managerId: "m1", role: "رئیس جلسه" }],
      }),
    ).toEqual({
      title: "نشست",
      attendees: [
        { ngoId: "n1", representativeName: "مریم احمدی" },
        { ngoId: "n2", representativeName: null },
      ],
      officials: [{ managerId: "m1", role: "رئیس جلسه" }],
    });
    expect(meetingInput({ title: "x" })).toEqual({ title: "x" });
  });
});
