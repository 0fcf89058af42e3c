import { AuthUser, territoryCondition, TerritoryColumns } from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";

/** Runs raw SQL with TypeORM-style named parameters (`:name`, `:...list`); arrays passed as `:name` stay one parameter. */
export function namedQuery<T = Record<string, any>>(db: DataSource | EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const source = db instanceof DataSource ? db : db.connection;
  const [query, parameters] = source.driver.escapeQueryWithParameters(sql, params);
  return db.query(query, parameters);
}

/** `AND <territory condition>` for raw SQL on `columns`, or nothing for national scopes. */
export function territorySql(user: AuthUser, columns: TerritoryColumns, prefix = "scope"): { sql: string; params: Record<string, string> } {
  const scope = territoryCondition(user, columns, prefix);
  return scope ? { sql: ` AND ${scope.sql}`, params: scope.params } : { sql: "", params: {} };
}
