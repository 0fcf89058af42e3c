import { describe, expect, it } from "@jest/globals";
import { parse, validate } from "graphql";
import { exportColumns, exportUrlFor, fetchExport, fileNameOf } from "../src/common/export/exportRequest";
import { defaultExportFields } from "../src/dataProvider/exportFields";
import { buildSchemaModel } from "../src/dataProvider/schemaModel";
import { listVariables, buildFilter } from "../src/dataProvider/variables";
import { apiSchema, introspection } from "./supergraph";

const model = buildSchemaModel(introspection);

/** The selection the gateway builds from column paths (`county.name` → `county { name }`). */
function selectionOf(paths: string[]): string {
  const tree: Record<string, unknown> = {};
  for (const path of paths) {
    let node = tree;
    const parts = path.split(".");
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = true;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const text = (node: Record<string, unknown>): string =>
    Object.entries(node)
      .map(([name, sub]) => (sub === true ? name : `${name} { ${text(sub as Record<string, unknown>)} }`))
      .join(" ");
  return text(tree);
}

describe("default export columns of every list", () => {
  const resources = [...model.resources.values()];

  it.each(resources.map((resource) => [resource.name, resource] as const))(
    "%s: every default column is a path the API answers, through single objects only",
    (_name, resource) => {
      const fields = defaultExportFields(model.types, resource.typeName);
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.length).toBeLessThanOrEqual(60);
      const required = [...resource.list.args.values()].filter(
        (arg) => arg.type.kind === "NON_NULL" && arg.defaultValue == null && !["offset", "limit"].includes(arg.name),
      );
      const declared = required.map((arg) => `$${arg.name}: ${printType(arg.type)}`).join(" ");
      const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(" ");
      const document = parse(
        `query Export${declared ? `(${declared})` : ""} { ${resource.list.field}${passed ? `(${passed})` : ""} { totalCount items { ${selectionOf(fields.map((f) => f.field))} } } }`,
      );
      expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
    },
  );

  it("writes the name of a linked object instead of its id, and leaves out ids and versions", () => {
    const ngos = defaultExportFields(model.types, model.resources.get("ngos")!.typeName);
    const names = ngos.map((f) => f.field);
    expect(names).toContain("name");
    expect(names).toContain("nationalId");
    expect(names).not.toContain("id");
    expect(names).not.toContain("version");
    expect(names.some((name) => name.endsWith("Ids"))).toBe(false);
    const county = ngos.find((f) => f.field.startsWith("county."));
    if (county) {
      expect(county).toEqual({ field: "county.name", labelKey: "county" });
      expect(names).not.toContain("countyId");
    } else {
      expect(names).toContain("countyId");
    }
    expect(ngos.find((f) => f.field === "status")).toEqual({
      field: "status",
      labelKey: "status",
      enumType: "NgoStatus",
    });
  });
});

function printType(ref: Parameters<typeof import("../src/dataProvider/typeIndex").typeToString>[0]): string {
  return ref.kind === "NON_NULL"
    ? `${printType(ref.ofType)}!`
    : ref.kind === "LIST"
      ? `[${printType(ref.ofType)}]`
      : ref.name;
}

describe("export request of a list", () => {
  it("carries the screen's filter and sort as the list's arguments, without offset and limit", () => {
    const ngos = model.resources.get("ngos")!;
    const args = listVariables(ngos, buildFilter(ngos, { q: "کودکان", status: "ACTIVE", unknown: 1 }), {
      field: "name",
      order: "DESC",
    });
    expect(args).toEqual({ filter: { q: "کودکان", status: "ACTIVE" }, sort: { field: "name", order: "DESC" } });
  });

  it("heads columns with their translated labels, keeps chosen columns in order and adds code labels", () => {
    const defaults = [
      { field: "name", labelKey: "name" },
      { field: "county.name", labelKey: "county" },
      { field: "status", labelKey: "status", enumType: "NgoStatus" },
    ];
    const headers: Record<string, string> = { name: "نام", county: "شهرستان", status: "وضعیت" };
    const labels = { status: { ACTIVE: "فعال" } };
    expect(exportColumns(defaults, (key) => headers[key], undefined, labels)).toEqual([
      { field: "name", header: "نام" },
      { field: "county.name", header: "شهرستان" },
      { field: "status", header: "وضعیت", labels: { ACTIVE: "فعال" } },
    ]);
    expect(
      exportColumns(defaults, (key) => headers[key], undefined, {}, { NgoStatus: { INACTIVE: "غیرفعال" } })[2],
    ).toEqual({
      field: "status",
      header: "وضعیت",
      labels: { INACTIVE: "غیرفعال" },
    });
    expect(
      exportColumns(defaults, (key) => headers[key], ["status", { field: "name", header: "عنوان" }, "other"]),
    ).toEqual([{ field: "status", header: "وضعیت" }, { field: "name", header: "عنوان" }, { field: "other" }]);
  });

  it("finds the export endpoint beside the GraphQL endpoint and reads Persian file names", () => {
    expect(exportUrlFor("/graphql")).toBe("/export");
    expect(exportUrlFor("http://localhost:4000/graphql")).toBe("http://localhost:4000/export");
    const name = "سمن‌ها.csv";
    expect(fileNameOf(`attachment; filename="____.csv"; filename*=UTF-8''${encodeURIComponent(name)}`, "x")).toBe(name);
    expect(fileNameOf('attachment; filename="ngos.xlsx"', "x")).toBe("ngos.xlsx");
    expect(fileNameOf(null, "x.csv")).toBe("x.csv");
  });

  it("rejects with the gateway's Persian message when the export is refused", async () => {
    const message = "این فهرست ۳۰۰٬۰۰۰ ردیف دارد";
    const refused = async () =>
      new Response(JSON.stringify({ errors: [{ message, extensions: { code: "BAD_USER_INPUT" } }] }), { status: 400 });
    const body = { list: "ngos", args: {}, columns: [{ field: "name" }], format: "csv" as const };
    await expect(fetchExport("/export", body, "t", refused)).rejects.toThrow(message);
    let sent: RequestInit | undefined;
    const ok = async (_url: string | URL | Request, init?: RequestInit) => {
      sent = init;
      return new Response("\ufeffنام\r\n", {
        headers: { "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent("سمن‌ها.csv")}` },
      });
    };
    const file = await fetchExport("/export", body, "token-1", ok as typeof fetch);
    expect(file.fileName).toBe("سمن‌ها.csv");
    expect(JSON.parse(String(sent?.body))).toEqual(body);
    expect((sent?.headers as Record<string, string>).Authorization).toBe("Bearer token-1");
  });
});
