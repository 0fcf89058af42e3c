/** The analytics screens: one per analysts' query, at `/analytics/<report>`, filters in the query string. */
export const ANALYTICS_PATH = "/analytics/:report";
export const ANALYTICS_HOME = "/analytics/meetingStatistics";

/** A report's screen with its filters set (empty values left out). */
export function analyticsPath(report: string, filters: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const query = params.toString();
  return query ? `/analytics/${report}?${query}` : `/analytics/${report}`;
}
