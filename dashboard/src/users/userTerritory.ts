import type { Role } from "../auth/roles";

export type Need = "required" | "optional" | "none";

export interface TerritoryNeeds {
  province: Need;
  county: Need;
}

/**
 * The territory each role has (the server's rules): officers their province or county, evaluators optionally a
 * province, analysts optionally a province or county, administrators none. For a county officer the province is
 * asked only to narrow the county choice; the server checks that the county lies in it.
 */
export function territoryNeeds(role: unknown): TerritoryNeeds {
  switch (role as Role) {
    case "PROVINCE_OFFICER":
      return { province: "required", county: "none" };
    case "COUNTY_OFFICER":
      return { province: "required", county: "required" };
    case "EVALUATOR":
      return { province: "optional", county: "none" };
    case "ANALYST":
      return { province: "optional", county: "optional" };
    default:
      return { province: "none", county: "none" };
  }
}

export interface TerritoryValues {
  role?: unknown;
  provinceId?: unknown;
  countyId?: unknown;
}

/**
 * The form's values as sent: a territory the role does not have is cleared (`null`), so changing a county officer
 * into an administrator also removes the county, and an empty choice becomes `null` ("the whole country").
 */
export function withRoleTerritory<T extends TerritoryValues>(values: T): T {
  const needs = territoryNeeds(values.role);
  const keep = (need: Need, value: unknown) => (need === "none" || value === "" || value == null ? null : value);
  const provinceId = keep(needs.province, values.provinceId);
  return { ...values, provinceId, countyId: provinceId === null ? null : keep(needs.county, values.countyId) };
}
