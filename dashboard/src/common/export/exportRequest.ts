import { requestHeaders } from "../../dataProvider/graphqlClient";
import type { ExportField } from "../../dataProvider/exportFields";

export type ExportFormat = "csv" | "xlsx";

/** One column of POST /export: a field path, its Persian header and Persian labels for its codes. */
export interface ExportColumn {
  field: string;
  header?: string;
  labels?: Readonly<Record<string, string>>;
}

/** The body of POST /export (see README, «Exports»). */
export interface ExportBody {
  list: string;
  args: Record<string, unknown>;
  columns: ExportColumn[];
  format: ExportFormat;
  fileName?: string;
}

/** The gateway's export endpoint beside its GraphQL endpoint (`/graphql` → `/export`). */
export function exportUrlFor(graphqlUrl: string): string {
  return graphqlUrl.replace(/graphql\/?$/, "export");
}

/** Most columns one export takes (the gateway's limit). */
export const MAX_EXPORT_COLUMNS = 60;

/**
 * The columns of an export: the screen's own when it names them, else the list's defaults; each headed by its
 * translated label (`header(labelKey)`, undefined to keep the field path) and with the code labels given for it by
 * the screen (`labels`, by field) or for its enum (`enumLabels`, by GraphQL enum name).
 */
export function exportColumns(
  defaults: readonly ExportField[],
  header: (labelKey: string) => string | undefined,
  chosen?: readonly (string | ExportColumn)[],
  labels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
  enumLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): ExportColumn[] {
  const columns: ExportColumn[] = chosen
    ? chosen.map((column) => (typeof column === "string" ? { field: column } : column))
    : defaults.map(({ field }) => ({ field }));
  const defaultOf = (field: string) => defaults.find((d) => d.field === field);
  return columns.slice(0, MAX_EXPORT_COLUMNS).map((column) => {
    const known = defaultOf(column.field);
    const heading = column.header ?? header(known?.labelKey ?? column.field.split(".")[0]);
    const enumType = known?.enumType;
    const codes = column.labels ?? labels[column.field] ?? (enumType ? enumLabels[enumType] : undefined);
    return { field: column.field, ...(heading && { header: heading }), ...(codes && { labels: codes }) };
  });
}

/** The file name the gateway gave (`filename*=UTF-8''…` first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // a broken name: use the fallback
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/** Thrown when the gateway refuses an export; `message` is its Persian message. */
export class ExportRefused extends Error {}

/** Asks the gateway for the file; resolves to the file's bytes and name, or rejects with the gateway's message. */
export async function fetchExport(
  url: string,
  body: ExportBody,
  token: string | null | undefined,
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetchFn(url, { method: "POST", headers: requestHeaders(token), body: JSON.stringify(body) });
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as
      { errors?: { message?: string }[]; error?: { message?: string } } | undefined;
    const message = payload?.errors?.[0]?.message ?? payload?.error?.message ?? `HTTP ${response.status}`;
    throw new ExportRefused(message);
  }
  const fallback = `${body.fileName ?? body.list}.${body.format}`;
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get("content-disposition"), fallback) };
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
