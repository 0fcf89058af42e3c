import { z } from "zod";

/** The formats an export can be written in. */
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most rows one export may write; a larger list must be narrowed with a filter. */
export const EXPORT_MAX_ROWS = 200_000;
/** Rows asked of the list per page (the list convention's largest page). */
export const EXPORT_PAGE_SIZE = 200;

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

/**
 * POST /export: one paged root list (e.g. `ngos`, `evaluationResults`, `auditEntries`) with the arguments the list
 * takes (`filter`, `sort`, `year` …; `offset` and `limit` are the export's), and the columns to write — each a field path of the list's items (`county.name`), an
 * optional header (the dashboard sends its Persian labels) and optional labels for codes (`ACTIVE` → «فعال»).
 */
export const exportRequestSchema = z
  .object({
    list: name,
    args: z.record(name, z.unknown()).optional(),
    columns: z
      .array(
        z
          .object({
            field: z
              .string()
              .max(200)
              .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,4}$/),
            header: z.string().trim().min(1).max(100).optional(),
            labels: z.record(z.string().max(200)).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(60),
    format: z.enum(EXPORT_FORMATS),
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
      .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/)
      .optional(),
  })
  .strict();

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportColumnRequest = ExportRequest["columns"][number];

/** Persian messages for a request that does not fit the shape above, naming the part at fault. */
export function describeRequestProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.join(".");
  if (issue.path[0] === "columns" && issue.code === "too_small") return "دست‌کم یک ستون برای خروجی بخواهید.";
  if (issue.path[0] === "columns" && issue.code === "too_big") return "حداکثر ۶۰ ستون در یک خروجی می‌گنجد.";
  if (issue.path[0] === "format") return "قالب خروجی باید csv یا xlsx باشد.";
  if (issue.code === "unrecognized_keys") return `کلید «${issue.keys.join("، ")}» در درخواست خروجی شناخته نیست.`;
  return `بخش «${where || "درخواست"}» از درخواست خروجی نادرست است.`;
}
