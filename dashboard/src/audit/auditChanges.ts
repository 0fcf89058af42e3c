export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields an audited change touched: for an update (both snapshots) those whose value differs; for a creation
 * or deletion (one snapshot) every field of it. Snapshots that are not JSON objects give no rows.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const previous = asObject(before);
  const next = asObject(after);
  if (!previous && !next) return [];
  const fields = [...new Set([...Object.keys(next ?? {}), ...Object.keys(previous ?? {})])];
  const rows = fields.map((field) => ({ field, before: previous?.[field], after: next?.[field] }));
  return previous && next ? rows.filter((row) => !sameJson(row.before, row.after)) : rows;
}

/** One snapshot value as text: strings as they are, missing as «—», anything else as compact JSON. */
export function formatSnapshotValue(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** A snapshot as indented JSON (a JSON string is parsed first), or '' when there is none. */
export function prettyJson(value: unknown): string {
  const parsed = typeof value === "string" ? parseOr(value) : value;
  return parsed == null ? "" : JSON.stringify(parsed, null, 2);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  const parsed = typeof value === "string" ? parseOr(value) : value;
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
