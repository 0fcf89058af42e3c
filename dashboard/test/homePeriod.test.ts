import { describe, expect, it } from "@jest/globals";
import { currentJalaliQuarter, daysLeftInQuarter } from "../src/home/period";
import { listLink } from "../src/home/listLinks";

/** An instant on Tehran's clock (UTC+03:30). */
const tehran = (local: string) => new Date(`${local}+03:30`);

describe("the home's Jalali period", () => {
  it("knows today's quarter on Tehran's clock, at the edges too", () => {
    expect(currentJalaliQuarter(tehran("2025-06-21T23:59:00"))).toEqual({ year: 1404, quarter: 1 }); // 31 Khordad
    expect(currentJalaliQuarter(tehran("2025-06-22T00:01:00"))).toEqual({ year: 1404, quarter: 2 }); // 1 Tir
    expect(currentJalaliQuarter(tehran("2026-03-20T23:00:00"))).toEqual({ year: 1404, quarter: 4 }); // 29 Esfand
    expect(currentJalaliQuarter(tehran("2026-03-21T00:30:00"))).toEqual({ year: 1405, quarter: 1 });
    // 20:50 UTC on 21 June is already 1 Tir in Tehran.
    expect(currentJalaliQuarter(new Date("2025-06-21T20:50:00Z"))).toEqual({ year: 1404, quarter: 2 });
  });

  it("counts the days left in a quarter, today included", () => {
    const now = tehran("2025-06-20T10:00:00"); // 30 Khordad 1404: Khordad has 31 days
    expect(daysLeftInQuarter({ year: 1404, quarter: 1 }, now)).toBe(2);
    expect(daysLeftInQuarter({ year: 1404, quarter: 2 }, now)).toBe(93); // Tir–Shahrivar: 3 × 31
    expect(daysLeftInQuarter({ year: 1403, quarter: 4 }, now)).toBe(0);
    expect(daysLeftInQuarter({ year: 1404, quarter: 4 }, tehran("2026-03-20T10:00:00"))).toBe(1);
  });
});

describe("click-through links", () => {
  it("opens the list with the counted filter, empty values left out", () => {
    const link = listLink("resolutions", { overdue: true, countyId: "1901", ownerAgencyId: undefined, ids: [] });
    expect(link).toBe(`/resolutions?filter=${encodeURIComponent(JSON.stringify({ overdue: true, countyId: "1901" }))}`);
    expect(listLink("ngos")).toBe("/ngos");
    const sorted = new URLSearchParams(
      listLink("meetings", { kind: "NGO_EXCHANGE" }, "scheduledAt DESC").split("?")[1],
    );
    expect(JSON.parse(sorted.get("filter")!)).toEqual({ kind: "NGO_EXCHANGE" });
    expect([sorted.get("sort"), sorted.get("order")]).toEqual(["scheduledAt", "DESC"]);
  });
});
