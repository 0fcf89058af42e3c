import express from "express";
import { ErrorCode, INTERNAL_MESSAGE } from "./errors";
import { logger } from "./logger";
import { recordRefusal } from "./requestLog";

/**
 * The largest JSON body `/graphql` takes, at the gateway and at every subgraph (express.json's limit): larger bodies
 * are refused with 413 and a Persian message (`bodyErrorAnswer`). It bounds what one request can make a server
 * parse; bulk inputs (the NGO CSV import, `MAX_IMPORT_ROWS`) are sized to fit inside it.
 */
export const MAX_GRAPHQL_BODY_BYTES = 2 * 1024 * 1024;

/** A GraphQL-shaped error body for refusals that happen before GraphQL runs. */
export function sendError(
  res: express.Response,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) {
  recordRefusal(res, code);
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}

/** The code of a request whose body could not be read (GraphQL's own code, docs/security.md "Error codes"). */
const BAD_REQUEST = "BAD_REQUEST" as ErrorCode;

/**
 * Why a request's body could not be read (body-parser's error types), as the HTTP status and a Persian message the
 * user can act on; null when the error is not about the body.
 */
export function bodyErrorAnswer(error: unknown): { status: number; message: string } | null {
  const type = (error as { type?: string } | null)?.type;
  const status = (error as { status?: number } | null)?.status;
  if (type === "entity.too.large")
    return { status: 413, message: "درخواست بیش از حد بزرگ است؛ آن را به چند درخواست کوچک‌تر بشکنید." };
  if (type === "entity.parse.failed") return { status: 400, message: "بدنهٔ درخواست JSON معتبر نیست." };
  if (type === "encoding.unsupported" || type === "charset.unsupported")
    return { status: 415, message: "کدگذاری درخواست پشتیبانی نمی‌شود؛ UTF-8 بفرستید." };
  if (typeof status === "number" && status >= 400 && status < 500) return { status, message: "درخواست نادرست است." };
  return null;
}

/**
 * The last error handler of every Hamafza server (gateway and subgraphs): a malformed or oversized body answers
 * `{ errors }` with BAD_REQUEST and a Persian message; anything else is a bug, logged here and answered 500
 * INTERNAL_SERVER_ERROR — never Express's HTML page, which carries the stack trace outside production.
 * `answer` lets a route family reply in its own shape (the gateway's `/auth/*`).
 */
export function errorHandler(
  answer: (
    req: express.Request,
    res: express.Response,
    status: number,
    code: ErrorCode,
    message: string,
  ) => boolean = () => false,
): express.ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const body = bodyErrorAnswer(error);
    const [status, code, message] = body
      ? [body.status, BAD_REQUEST, body.message]
      : [500, ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE];
    if (!body) logger.error({ err: error, path: req.path }, "unhandled error in a route");
    if (!answer(req, res, status, code, message)) sendError(res, status, code, message);
  };
}
