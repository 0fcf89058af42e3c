import type { RaRecord } from "react-admin";

/**
 * For edit forms of records whose API reads a list of other records (`members { id name }`, asked for with
 * `meta: { include: [...] }`) but writes their ids (`memberNgoIds`): adds the ids the form's input edits.
 */
export function withIncludedIds(listField: string, idsField: string) {
  return <T extends RaRecord>(record: T): T => {
    const items = (record as Record<string, unknown>)[listField];
    if (!Array.isArray(items)) return record;
    return { ...record, [idsField]: items.filter((item) => item && item.id != null).map((item) => item.id) };
  };
}
