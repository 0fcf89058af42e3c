import { createHash } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/** Ids for `IN (…)`: the well-formed UUIDs of a filter, or a never-matching value so SQL stays valid. */
export function uuidsForFilter(ids: string[]): string[] {
  const valid = ids.filter(isUuid);
  return valid.length > 0 ? valid : ["00000000-0000-0000-0000-000000000000"];
}

/**
 * A deterministic UUID (name-based, version 5 layout) for demo and reference records, so that every service
 * can refer to the same demo NGO or manager without reading another service's tables.
 */
export function stableId(namespace: string, key: string): string {
  const hex = createHash("sha1").update(`hamafza:${namespace}:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Official territory codes: two-digit provinces (`19`), four-digit counties starting with the province's (`1901`). */
export const isProvinceCode = (value: string): boolean => /^\d{2}$/.test(value);
export const isCountyCode = (value: string): boolean => /^\d{4}$/.test(value);
