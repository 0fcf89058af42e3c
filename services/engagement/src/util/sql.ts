import { AuthUser, territoryCondition, TerritoryColumns } from "@hamafza/common";

/** `AND <territory condition>` for raw SQL on `columns`, or nothing for national scopes. */
export function territorySql(
  user: AuthUser,
  columns: TerritoryColumns,
  prefix = "scope",
): { sql: string; params: Record<string, string> } {
  const scope = territoryCondition(user, columns, prefix);
  return scope ? { sql: ` AND ${scope.sql}`, params: scope.params } : { sql: "", params: {} };
}
