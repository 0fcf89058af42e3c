import { describe, expect, it } from "@jest/globals";
import { auditChanges, formatSnapshotValue, prettyJson } from "../src/audit/auditChanges";

const before = {
  id: "u1",
  username: "demo.county",
  role: "COUNTY_OFFICER",
  provinceId: "19",
  countyId: "1901",
  disabled: false,
};

describe("audit entry snapshots", () => {
  it("lists only the fields an update changed", () => {
    const after = { ...before, role: "ADMIN", provinceId: null, countyId: null };
    expect(auditChanges(before, after)).toEqual([
      { field: "role", before: "COUNTY_OFFICER", after: "ADMIN" },
      { field: "provinceId", before: "19", after: null },
      { field: "countyId", before: "1901", after: null },
    ]);
  });

  it("lists every field of a creation or deletion, and nothing without snapshots", () => {
    expect(auditChanges(null, before).map((row) => row.field)).toEqual(Object.keys(before));
    expect(auditChanges(before, null).every((row) => row.after === undefined)).toBe(true);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(null, { reason: "locked" })).toEqual([{ field: "reason", before: undefined, after: "locked" }]);
  });

  it("accepts snapshots sent as JSON text and compares nested values by content", () => {
    const nested = { tags: ["a", "b"], contact: { phone: "021" } };
    expect(auditChanges(JSON.stringify(nested), { ...nested, contact: { phone: "024" } })).toEqual([
      { field: "contact", before: { phone: "021" }, after: { phone: "024" } },
    ]);
  });

  it("formats values readably", () => {
    expect(formatSnapshotValue(undefined)).toBe("—");
    expect(formatSnapshotValue("زنجان")).toBe("زنجان");
    expect(formatSnapshotValue(null)).toBe("null");
    expect(formatSnapshotValue({ a: 1 })).toBe('{"a":1}');
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBe("");
  });
});
