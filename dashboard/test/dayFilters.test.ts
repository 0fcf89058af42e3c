import { describe, expect, it } from "@jest/globals";
import { apiFilter, withTehranDays } from "../src/engagement/periodFilters";

describe("day filters of the audit log", () => {
  it("turn the Jalali days picked into Tehran-midnight instants, the last day included", () => {
    // 1404/07/01 = 2025-09-23; Tehran is UTC+03:30.
    expect(apiFilter("auditEntries", { fromDay: "2025-09-23", toDay: "2025-09-23", action: "createNgo" })).toEqual({
      action: "createNgo",
      from: "2025-09-22T20:30:00.000Z",
      to: "2025-09-23T20:30:00.000Z",
    });
    // across a month's and a year's end
    expect(withTehranDays({ toDay: "2025-12-31" }, "from", "to")).toEqual({ to: "2025-12-31T20:30:00.000Z" });
    expect(withTehranDays({ fromDay: "2026-03-01" }, "from", "to")).toEqual({ from: "2026-02-28T20:30:00.000Z" });
  });

  it("leave out what is not a day (an input still being typed) and leave other lists alone", () => {
    expect(apiFilter("auditEntries", { fromDay: { jalaliText: "1404/13" }, toDay: "" })).toEqual({});
    expect(apiFilter("ngos", { fromDay: "2025-09-23", q: "x" })).toEqual({ fromDay: "2025-09-23", q: "x" });
    expect(apiFilter("auditEntries", undefined)).toBeUndefined();
  });
});
