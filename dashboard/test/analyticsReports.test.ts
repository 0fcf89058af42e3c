import { describe, expect, it } from "@jest/globals";
import { getNamedType, isListType, isNonNullType, isObjectType, parse, type OperationDefinitionNode } from "graphql";
import { exportBody } from "../src/analytics/exportBody";
import { chartRows, formatCell, reportRows } from "../src/analytics/reportRows";
import { REPORTS } from "../src/analytics/reports";
import { apiSchema } from "./supergraph";

const translate = (key: string) => `«${key}»`;
const operation = (document: string) => parse(document).definitions[0] as OperationDefinitionNode;

// The operations themselves are validated against the supergraph by schema/test/operations.test.ts.
describe("the analytics reports", () => {
  it.each(REPORTS.map((report) => [report.key, report] as const))(
    "%s: the screen's arguments are the root field's (so the export passes the same ones), every column a field",
    (_key, report) => {
      const field = apiSchema.getQueryType()!.getFields()[report.list];
      expect(field).toBeDefined();
      const root = operation(report.query).selectionSet.selections[0] as { name: { value: string } };
      expect(root.name.value).toBe(report.list);
      const variables = new Set(operation(report.query).variableDefinitions!.map((v) => v.variable.name.value));
      const argNames = new Set(field.args.map((arg) => arg.name));
      const args = report.args({ year: 1404, quarter: 2, provinceId: "19", countyId: "1901", q: "طرح" });
      for (const name of Object.keys(args)) {
        expect(argNames.has(name)).toBe(true);
        expect(variables.has(name)).toBe(true);
      }
      // The export's list must be a page or a plain list of objects (POST /export writes both).
      const type = isNonNullType(field.type) ? field.type.ofType : field.type;
      const named = getNamedType(type);
      expect(isObjectType(named)).toBe(true);
      if (!isObjectType(named)) return;
      if (!report.paged) expect(isListType(type)).toBe(true);
      const item = report.paged ? getNamedType(named.getFields().items.type) : named;
      for (const column of report.columns) {
        let current = item;
        for (const part of column.field.split(".")) {
          if (!isObjectType(current)) throw new Error(`${column.field}: ${part} is not inside an object`);
          expect(Object.keys(current.getFields())).toContain(part);
          current = getNamedType(current.getFields()[part].type);
        }
      }
    },
  );
});

describe("report rows and chart bars", () => {
  const report = REPORTS.find((candidate) => candidate.key === "meetingStatistics")!;
  const data = {
    meetingStatistics: [
      { provinceId: "19", countyId: "1901", county: { name: "زنجان" }, quarter: 1, kind: "NGO_EXCHANGE", held: 2 },
      { provinceId: "19", countyId: "1901", county: { name: "زنجان" }, quarter: 2, kind: "NGO_EXCHANGE", held: 3 },
      { provinceId: "19", countyId: "1902", county: { name: "ابهر" }, quarter: 1, kind: "NGO_EXCHANGE", held: 1 },
    ],
  };

  it("sums the bars per label, largest first, each opening the list of what it counts", () => {
    const bars = chartRows(report, reportRows(report, data), { year: 1404, kind: "NGO_EXCHANGE" }, translate);
    expect(bars.map((bar) => [bar.label, bar.value])).toEqual([
      ["زنجان", 5],
      ["ابهر", 1],
    ]);
    const filter = JSON.parse(new URLSearchParams(bars[1].to!.split("?")[1]).get("filter")!);
    expect(filter).toEqual({
      provinceId: "19",
      countyId: "1902",
      kind: "NGO_EXCHANGE",
      status: "HELD",
      jalaliYear: 1404,
    });
  });

  it("reads a page's items for paged reports", () => {
    const licences = REPORTS.find((candidate) => candidate.key === "expiringLicences")!;
    expect(reportRows(licences, { expiringLicences: { totalCount: 1, items: [{ id: "a" }] } })).toEqual([{ id: "a" }]);
    expect(reportRows(licences, undefined)).toEqual([]);
  });

  it("formats cells with Persian digits, percentages and Jalali dates", () => {
    expect(formatCell(1234, "number")).toBe("۱٬۲۳۴");
    expect(formatCell(0.6667, "percent")).toBe("۶۶٫۷٪");
    expect(formatCell(12.345, "days")).toBe("۱۲٫۳");
    expect(formatCell("2025-03-21", "date")).toBe("۱۴۰۴/۰۱/۰۱");
    expect(formatCell(null, "number")).toBe("—");
  });
});

describe("the export of a report", () => {
  it("asks POST /export for the report's list with the screen's arguments, Persian headers and code labels", () => {
    const report = REPORTS.find((candidate) => candidate.key === "meetingStatistics")!;
    const filters = { year: 1404, quarter: 3, provinceId: "19" };
    const body = exportBody(report, filters, "xlsx", translate, { NGO_EXCHANGE: "تبادل تجربه" });
    expect(body).toMatchObject({
      list: "meetingStatistics",
      args: { fromYear: 1404, quarter: 3, provinceId: "19" },
      format: "xlsx",
      fileName: "«hamafza.analytics.reports.meetingStatistics.title»",
    });
    const columns = body.columns as { field: string; header: string; labels?: object }[];
    expect(columns.map((column) => column.field)).toEqual(report.columns.map((column) => column.field));
    expect(columns.find((column) => column.field === "kind")).toEqual({
      field: "kind",
      header: "«hamafza.analytics.columns.kind»",
      labels: { NGO_EXCHANGE: "تبادل تجربه" },
    });
  });
});
