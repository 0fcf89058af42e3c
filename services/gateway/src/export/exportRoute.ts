import {
  AppError,
  ErrorCode,
  invalidInput,
  logger,
  sendError,
  unsafeTextProblems,
  withoutBidiControls,
} from "@hamafza/common";
import express from "express";
import { FormattedExecutionResult, GraphQLSchema } from "graphql";
import { toCell } from "./exportCells";
import { ExportPlan, planExport, valueAt } from "./exportPlan";
import { describeRequestProblem, EXPORT_MAX_ROWS, EXPORT_PAGE_SIZE, exportRequestSchema } from "./exportRequest";
import { csvWriter, RowWriter, xlsxWriter } from "./exportWriters";
import { faNumber } from "../messages";
import { attachmentDisposition, forEachPage, ListPage } from "../listDownload";

/** Runs one GraphQL operation through the gateway as the signed-in caller (their token, their territory). */
export type RunOperation = (
  query: string,
  variables: Record<string, unknown>,
  res: express.Response,
) => Promise<FormattedExecutionResult>;

const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

type Page = ListPage<unknown>;

class PageFailed extends Error {
  constructor(readonly result: FormattedExecutionResult) {
    super("export page failed");
  }
}

/** One page of a paged list (the first with `totalCount`, the next without); a plain list is read whole. */
async function readPage(
  run: RunOperation,
  plan: ExportPlan,
  list: string,
  offset: number,
  res: express.Response,
): Promise<Page> {
  const variables = plan.paged ? { ...plan.variables, offset, limit: EXPORT_PAGE_SIZE } : plan.variables;
  const result = await run(offset === 0 ? plan.query : plan.nextQuery, variables, res);
  const answer = (result.data as Record<string, Page | unknown[] | null> | null | undefined)?.[list];
  if (result.errors?.length || !answer) throw new PageFailed(result);
  return Array.isArray(answer) ? { totalCount: answer.length, items: answer } : answer;
}

/**
 * POST /export: a paged list written as CSV or XLSX, page by page as the pages arrive (bounded memory for
 * 100,000 rows and more). Everything that can be refused is refused before the first byte with the same error
 * shape as /graphql; a failure after the file has begun aborts the download, so no truncated file looks whole.
 */
export function exportRoute(run: RunOperation, schema: () => GraphQLSchema | undefined): express.RequestHandler {
  return async (req, res) => {
    const parsed = exportRequestSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, ErrorCode.BAD_USER_INPUT, describeRequestProblem(parsed.error));
    const request = parsed.data;
    // The same text rules as /graphql: bidirectional controls dropped, control characters refused.
    request.args = withoutBidiControls(request.args ?? {});
    const textProblems = unsafeTextProblems({ args: request.args, columns: request.columns });
    if (textProblems.length) {
      const error = invalidInput(textProblems);
      return sendError(res, 400, ErrorCode.BAD_USER_INPUT, error.message, { fields: textProblems });
    }
    const api = schema();
    if (!api)
      return sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, "سامانه هنوز آماده نیست؛ چند لحظهٔ دیگر تلاش کنید.");
    let plan: ExportPlan;
    let first: Page;
    try {
      plan = planExport(api, request);
      first = await readPage(run, plan, request.list, 0, res);
    } catch (error) {
      if (error instanceof AppError) return sendError(res, 400, error.code, error.message);
      if (error instanceof PageFailed) {
        const refusal = error.result.errors?.[0];
        const code = String(refusal?.extensions?.code ?? ErrorCode.SERVICE_UNAVAILABLE);
        return res.status(STATUS_OF[code] ?? 500).json({ errors: error.result.errors ?? [] });
      }
      throw error;
    }
    // The first page asks for totalCount (the plan's first query).
    const total = first.totalCount ?? first.items.length;
    if (total > EXPORT_MAX_ROWS)
      return sendError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        `این فهرست ${faNumber(total)} ردیف دارد و هر خروجی حداکثر ${faNumber(EXPORT_MAX_ROWS)} ردیف می‌گیرد؛ با پالایه آن را کوچک‌تر کنید.`,
        { limit: EXPORT_MAX_ROWS, found: total },
      );

    const writer: RowWriter = request.format === "xlsx" ? xlsxWriter() : csvWriter();
    res.status(200);
    res.setHeader("content-type", writer.contentType);
    res.setHeader(
      "content-disposition",
      attachmentDisposition(`${request.fileName ?? request.list}.${writer.extension}`),
    );
    res.setHeader("cache-control", "no-store");
    res.setHeader("x-total-count", String(total));
    const rowOf = (item: unknown) =>
      plan.columns.map((column) => toCell(valueAt(item, column.path), column.kind, column.labels));
    try {
      await writer.start(
        res,
        plan.columns.map((column) => column.header),
      );
      await forEachPage(
        (offset) => readPage(run, plan, request.list, offset, res),
        plan.paged ? EXPORT_PAGE_SIZE : Number.POSITIVE_INFINITY,
        async (items) => {
          for (const item of items) await writer.row(rowOf(item));
        },
        { first },
      );
      await writer.end();
    } catch (error) {
      logger.error(
        { err: error instanceof PageFailed ? error.result.errors : error, list: request.list },
        "[gateway] export aborted after it began",
      );
      res.destroy();
    }
  };
}
