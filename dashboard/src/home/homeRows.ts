import { listLink } from "./listLinks";
import type { ChartRow } from "./HomeParts";

interface OverdueCount {
  ownerAgencyId: string | null;
  ownerAgency: { name: string } | null;
  overdue: number;
}

/**
 * Overdue resolutions per owner agency (the API counts per agency and manager pair; summed here per agency), most
 * first; each bar opens the overdue resolutions of that agency. Resolutions owned by a manager alone are one row,
 * without a link (no list filter selects «no owner agency»).
 */
export function agencyRows(counts: readonly OverdueCount[], unknownLabel: string): ChartRow[] {
  const byAgency = new Map<string, ChartRow>();
  for (const count of counts) {
    const key = count.ownerAgencyId ?? "none";
    const row = byAgency.get(key) ?? {
      key,
      label: count.ownerAgency?.name ?? unknownLabel,
      value: 0,
      to: count.ownerAgencyId
        ? listLink("resolutions", { overdue: true, ownerAgencyId: count.ownerAgencyId })
        : undefined,
    };
    row.value += count.overdue;
    byAgency.set(key, row);
  }
  return [...byAgency.values()].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "fa"));
}

interface ResponseTime {
  agencyId: string | null;
  agency: { name: string } | null;
  kind: "PROPOSAL" | "DEMAND";
  averageDays: number | null;
}

/**
 * Average days to answer per agency and kind (only where something was answered), slowest first; each bar opens the
 * agency's proposals or demands (demands not routed to an agency: the unrouted ones; proposals always have one).
 */
export function responseRows(
  rows: readonly ResponseTime[],
  unknownLabel: string,
  translate: (key: string) => string,
): ChartRow[] {
  return rows
    .filter((row) => row.averageDays !== null)
    .map((row) => ({
      key: `${row.agencyId ?? "none"}-${row.kind}`,
      label: `${row.agency?.name ?? unknownLabel} — ${translate(`hamafza.home.kinds.${row.kind}`)}`,
      value: row.averageDays ?? 0,
      to: row.agencyId
        ? listLink(row.kind === "PROPOSAL" ? "proposals" : "demands", { agencyId: row.agencyId })
        : row.kind === "DEMAND"
          ? listLink("demands", { unrouted: true })
          : undefined,
    }))
    .sort((a, b) => b.value - a.value);
}
