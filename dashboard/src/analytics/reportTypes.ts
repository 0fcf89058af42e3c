/** What an analytics screen is made of: its filters, query, table columns, chart and export. */

export type FilterName =
  "territory" | "year" | "optionalYear" | "quarter" | "requiredQuarter" | "kind" | "q" | "groupBy";

export interface ReportFilters {
  provinceId?: string;
  countyId?: string;
  year: number;
  quarter?: number;
  kind?: string;
  q?: string;
  groupBy?: string;
}

/** react-admin's translate, for labels of codes (months, kinds). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How a cell is shown; `meetingKind` holds a MeetingKind code shown (and exported) with its Persian label. */
export type CellKind = "text" | "number" | "percent" | "date" | "days" | "meetingKind";

export interface ReportColumn<R> {
  /** The column header (a message key). */
  header: string;
  /** The value shown (formatted by `kind`). */
  value: (row: R, translate: Translate) => string | number | null | undefined;
  kind?: CellKind;
  /** The field path the export writes (POST /export), e.g. `county.name`. */
  field: string;
  /** Persian labels of the codes this column holds, for the export. */
  labels?: (translate: Translate) => Readonly<Record<string, string>>;
}

export interface Report<R = Record<string, unknown>> {
  key: string;
  /** Message keys. */
  title: string;
  description: string;
  filters: readonly FilterName[];
  /** The GraphQL operation and its root field (also the export's list). */
  query: string;
  list: string;
  /** Whether the root field is a page (`{ items, totalCount }`). */
  paged?: boolean;
  /** The operation's arguments for the filters (the export passes the same). */
  args: (filters: ReportFilters) => Record<string, unknown>;
  columns: readonly ReportColumn<R>[];
  chart: {
    label: (row: R, translate: Translate) => string;
    value: (row: R) => number;
    /** Message key of the bars' value. */
    valueLabel: string;
    /** The list behind a bar (none: the bar is not a link). */
    to?: (row: R, filters: ReportFilters) => string | undefined;
    /** Bars summed per label (e.g. per county over quarters). */
    sum?: boolean;
  };
  rowKey: (row: R, index: number) => string;
}

/** Removes undefined and empty values from arguments (GraphQL nullable arguments simply omitted). */
export function definedArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).filter(([, value]) => value !== undefined && value !== null && value !== ""),
  );
}
