import type { DataProvider } from "ra-core";
import { withJalaliPeriod } from "./periods";

/**
 * Lists whose API filter takes Gregorian day ranges rather than `jalaliYear`/`jalaliQuarter`: the Jalali period the
 * user picks becomes that range (meetings filter on the Jalali period themselves).
 */
export const PERIOD_FILTER_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  resolutions: ["deadlineFrom", "deadlineTo"],
  overdueResolutions: ["deadlineFrom", "deadlineTo"],
  proposals: ["submittedFrom", "submittedTo"],
  demands: ["raisedFrom", "raisedTo"],
};

/** The list filter the API takes for a resource. */
export function apiFilter(
  resource: string,
  filter: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const keys = PERIOD_FILTER_KEYS[resource];
  if (!keys || !filter) return filter;
  return withJalaliPeriod(filter, keys[0], keys[1]);
}

interface ExportingProvider {
  exportSource?: (resource: string, query: { filter?: Record<string, unknown> }) => Promise<unknown>;
}

/** The data provider with Jalali period filters turned into day ranges for the resources above (exports too). */
export function withPeriodFilters<T extends DataProvider & ExportingProvider>(provider: T): T {
  const exportSource = provider.exportSource;
  return {
    ...provider,
    ...(exportSource && {
      exportSource: (resource: string, query: { filter?: Record<string, unknown> }) =>
        exportSource(resource, { ...query, filter: apiFilter(resource, query.filter) }),
    }),
    getList: (resource, params) =>
      provider.getList(resource, { ...params, filter: apiFilter(resource, params.filter) }),
    getManyReference: (resource, params) =>
      provider.getManyReference(resource, { ...params, filter: apiFilter(resource, params.filter) }),
  };
}
