/**
 * The react-admin list URL behind a number or a bar: the list of `resource` with the same filter, so a click shows
 * exactly the records that were counted. Empty values are left out (react-admin would show them as set filters).
 */
export function listLink(resource: string, filter: Record<string, unknown> = {}, sort?: string): string {
  const kept = Object.fromEntries(
    Object.entries(filter).filter(
      ([, value]) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && !value.length),
    ),
  );
  const params = new URLSearchParams();
  if (Object.keys(kept).length) params.set("filter", JSON.stringify(kept));
  if (sort) {
    const [field, order = "ASC"] = sort.split(" ");
    params.set("sort", field);
    params.set("order", order);
  }
  const query = params.toString();
  return query ? `/${resource}?${query}` : `/${resource}`;
}

/** A record's page. */
export const showLink = (resource: string, id: string) => `/${resource}/${encodeURIComponent(id)}/show`;
