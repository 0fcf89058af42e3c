import { AuthUser, Validator } from "@hamafza/common";
import { Kind, parse } from "graphql";

/**
 * Rules of saved queries. Visibility: the owner always sees theirs; a shared query is seen by every user whose
 * territory is the query's territory (the owner's province and county when it was saved) — a county officer's
 * shared query by the officers and analysts of that county, a national analyst's by national users. Only the
 * owner changes or deletes it.
 */

export const SAVED_QUERY_LABEL = "پرسش ذخیره‌شده";
export const MAX_QUERY_LENGTH = 20_000;
export const MAX_VARIABLES_LENGTH = 10_000;

interface SavedQueryScope {
  ownerId: string;
  shared: boolean;
  provinceId: string | null;
  countyId: string | null;
}

/** The territory a user's shared queries belong to (and whose shared queries the user sees). */
export function territoryOf(user: Pick<AuthUser, "provinceId" | "countyId">): {
  provinceId: string | null;
  countyId: string | null;
} {
  return { provinceId: user.countyId ? user.countyId.slice(0, 2) : user.provinceId, countyId: user.countyId };
}

export function canSeeSavedQuery(user: AuthUser, row: SavedQueryScope): boolean {
  if (row.ownerId === user.id) return true;
  const own = territoryOf(user);
  return row.shared && row.provinceId === own.provinceId && row.countyId === own.countyId;
}

/** The SQL twin of `canSeeSavedQuery` for an alias of `saved_query`. */
export function visibleSql(user: AuthUser, alias: string): { sql: string; params: Record<string, unknown> } {
  const own = territoryOf(user);
  return {
    sql: `(${alias}.ownerId = :viewerId OR (${alias}.shared AND ${alias}.provinceId IS NOT DISTINCT FROM CAST(:viewerProvince AS varchar) AND ${alias}.countyId IS NOT DISTINCT FROM CAST(:viewerCounty AS varchar)))`,
    params: { viewerId: user.id, viewerProvince: own.provinceId, viewerCounty: own.countyId },
  };
}

/** Checks the GraphQL document: readable, at least one operation, queries only (nothing saved can change data). */
export function checkQueryDocument(v: Validator, query: string | undefined, field = "query"): void {
  if (query === undefined) return;
  if (!query.trim()) {
    v.check(false, field, "متن پرسش را وارد کنید.");
    return;
  }
  if (query.length > MAX_QUERY_LENGTH) {
    v.check(false, field, "متن پرسش بیش از حد بلند است (حداکثر ۲۰٬۰۰۰ نویسه).");
    return;
  }
  let document;
  try {
    document = parse(query);
  } catch (error) {
    v.check(false, field, `متن پرسش خوانا نیست (خطای نگارشی GraphQL): ${(error as Error).message}`);
    return;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  v.check(operations.length > 0, field, "متن باید دست‌کم یک پرسش (query) داشته باشد.");
  v.check(
    operations.every((op) => op.kind === Kind.OPERATION_DEFINITION && op.operation === "query"),
    field,
    "فقط پرسش (query) ذخیره می‌شود؛ تغییر (mutation) و اشتراک (subscription) ذخیره نمی‌شوند.",
  );
}

/** Checks the variables text: empty, or a JSON object of bounded size. */
export function checkVariables(v: Validator, variables: string | null | undefined, field = "variables"): void {
  if (variables === undefined || variables === null || variables.trim() === "") return;
  if (variables.length > MAX_VARIABLES_LENGTH) {
    v.check(false, field, "متغیرها بیش از حد بلندند (حداکثر ۱۰٬۰۰۰ نویسه).");
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(variables);
  } catch {
    v.check(false, field, 'متغیرها باید JSON خوانا باشند، مثلاً {"year": 1404}.');
    return;
  }
  v.check(
    typeof value === "object" && value !== null && !Array.isArray(value),
    field,
    'متغیرها باید یک شیء JSON باشند، مثلاً {"year": 1404}.',
  );
}
