import type { DataProvider } from "ra-core";

interface ExportingProvider {
  exportSource?: (resource: string, query: { filter?: Record<string, unknown> }) => Promise<unknown>;
}

/**
 * The API filter of a list (engagement/periodFilters.ts `apiFilter`), loaded with the first list rather than at the
 * first load: the Jalali calendar code it needs is not wanted by the sign-in page.
 */
async function apiFilter(resource: string, filter: Record<string, unknown> | undefined) {
  return (await import("../engagement/periodFilters")).apiFilter(resource, filter);
}

/** The data provider with Jalali period filters turned into day ranges for the resources above (exports too). */
export function withPeriodFilters<T extends DataProvider & ExportingProvider>(provider: T): T {
  const exportSource = provider.exportSource;
  return {
    ...provider,
    ...(exportSource && {
      exportSource: async (resource: string, query: { filter?: Record<string, unknown> }) =>
        exportSource(resource, { ...query, filter: await apiFilter(resource, query.filter) }),
    }),
    getList: async (resource, params) =>
      provider.getList(resource, { ...params, filter: await apiFilter(resource, params.filter) }),
    getManyReference: async (resource, params) =>
      provider.getManyReference(resource, { ...params, filter: await apiFilter(resource, params.filter) }),
  };
}
