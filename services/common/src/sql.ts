import { DataSource, EntityManager } from "typeorm";

/** Runs raw SQL with TypeORM-style named parameters (`:name`, `:...list`); arrays passed as `:name` stay one parameter. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function namedQuery<T = Record<string, any>>(
  db: DataSource | EntityManager,
  sql: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const source = db instanceof DataSource ? db : db.connection;
  const [query, parameters] = source.driver.escapeQueryWithParameters(sql, params);
  return db.query(query, parameters);
}
