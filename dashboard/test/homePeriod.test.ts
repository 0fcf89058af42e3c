import { describe, expect, it } from "@jest/globals";
import { currentJalaliQuarter, daysLeftInQuarter } from "../src/home/period";
import { listLink } from "../src/home/listLinks";
import { agencyRows, responseRows } from "../src/home/homeRows";

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

describe("the province home's bars", () => {
  const filterOf = (link: string | undefined) =>
    link && JSON.parse(new URLSearchParams(link.split("?")[1]).get("filter")!);

  it("sums overdue resolutions per agency over its managers, most first; a manager-only owner is not a link", () => {
    const rows = agencyRows(
      [
        { ownerAgencyId: "a1", ownerAgency: { name: "فرمانداری" }, overdue: 2 },
        { ownerAgencyId: null, ownerAgency: null, overdue: 4 },
        { ownerAgencyId: "a1", ownerAgency: { name: "فرمانداری" }, overdue: 3 },
        { ownerAgencyId: "a2", ownerAgency: { name: "بهزیستی" }, overdue: 1 },
      ],
      "نامشخص",
    );
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ["فرمانداری", 5],
      ["نامشخص", 4],
      ["بهزیستی", 1],
    ]);
    expect(filterOf(rows[0].to)).toEqual({ overdue: true, ownerAgencyId: "a1" });
    expect(rows[1].to).toBeUndefined();
  });

  it("lists response times slowest first, only where something was answered, each opening its inbox", () => {
    const rows = responseRows(
      [
        { agencyId: "a1", agency: { name: "الف" }, kind: "PROPOSAL", averageDays: 4 },
        { agencyId: "a1", agency: { name: "الف" }, kind: "DEMAND", averageDays: null },
        { agencyId: null, agency: null, kind: "DEMAND", averageDays: 12.5 },
      ],
      "نامشخص",
      (key) => key.split(".").pop()!,
    );
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ["نامشخص — DEMAND", 12.5],
      ["الف — PROPOSAL", 4],
    ]);
    expect(rows[0].to?.startsWith("/demands?")).toBe(true);
    expect(filterOf(rows[0].to)).toEqual({ unrouted: true });
    expect(rows[1].to?.startsWith("/proposals?")).toBe(true);
    expect(filterOf(rows[1].to)).toEqual({ agencyId: "a1" });
  });
});
