import { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * Selects every column the query's entity reads by default except those of `properties` — large values (JSON of
 * indicators and evidence …) that one field of the answer alone reads — for a resolver whose request does not ask
 * for that field (`selectsPath`). The left-out properties are then undefined on the loaded entities.
 */
export function selectAllBut<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  properties: readonly string[],
): SelectQueryBuilder<T> {
  const main = query.expressionMap.mainAlias!;
  const left = new Set(properties);
  const unknown = properties.filter((name) => !main.metadata.findColumnWithPropertyName(name));
  if (unknown.length) throw new Error(`selectAllBut: ${main.metadata.name} has no column ${unknown.join(", ")}`);
  return query.select(
    main.metadata.columns
      .filter((column) => column.isSelect && !left.has(column.propertyName))
      .map((column) => `${main.name}.${column.propertyName}`),
  );
}
