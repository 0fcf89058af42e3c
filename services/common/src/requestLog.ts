import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { trace } from "@opentelemetry/api";
import type express from "express";
import { REQUEST_ID_HEADER } from "./auth";
import { logger } from "./logger";

/**
 * One structured log line per request, in the gateway and in every subgraph, carrying the same request id:
 * `{ service, requestId, userId, operation, durationMs, status, outcome, errorCodes }` with the message `request`,
 * and `traceId` when tracing is on (tracing.ts), so a log line leads to its trace.
 * Never variables, tokens, names or addresses — nothing that identifies a person but the user's id.
 */

/** What is known about one request by the time its answer is sent. */
export interface RequestRecord {
  requestId: string;
  userId?: string;
  /** The GraphQL operation's name once resolved (or the client's operationName when it is a valid name). */
  operationName?: string;
  /** The `extensions.code` of every error in the answer, without repeats. */
  errorCodes: string[];
  /** Called once the answer is sent: metrics hook in here (metrics.ts). */
  onFinish?: (record: RequestRecord, outcome: RequestOutcome) => void;
}

export interface RequestOutcome {
  service: string;
  durationMs: number;
  status: number;
  outcome: "ok" | "error";
}

/** A request id from outside is accepted only in this form (a UUID, a proxy's hex/base64 id): no log injection. */
const REQUEST_ID_FORM = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** The given `x-request-id` when well-formed, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID_FORM.test(value) ? value : randomUUID();
}

/** The record of this request (set by `requestLogging`). */
export const requestRecordOf = (res: express.Response): RequestRecord => res.locals.requestRecord as RequestRecord;

/**
 * Express middleware: takes the request id from `x-request-id` (validated) or makes one, returns it in the response
 * header, and logs one line when the answer has been sent.
 */
export function requestLogging(service: string, onFinish?: RequestRecord["onFinish"]): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // The HTTP server span of this request is the active one here when tracing is on.
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    const record: RequestRecord = {
      requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]),
      errorCodes: [],
      onFinish,
    };
    res.locals.requestRecord = record;
    res.setHeader(REQUEST_ID_HEADER, record.requestId);
    res.once("finish", () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const outcome: RequestOutcome = {
        service,
        durationMs,
        status: res.statusCode,
        outcome: res.statusCode < 400 && record.errorCodes.length === 0 ? "ok" : "error",
      };
      logger.info(
        {
          service,
          requestId: record.requestId,
          userId: record.userId ?? null,
          operation: record.operationName ?? null,
          durationMs,
          status: outcome.status,
          outcome: outcome.outcome,
          ...(record.errorCodes.length > 0 ? { errorCodes: record.errorCodes } : {}),
          ...(traceId ? { traceId } : {}),
        },
        "request",
      );
      record.onFinish?.(record, outcome);
    });
    next();
  };
}

/** Notes a refusal made before GraphQL runs (401, 403, 503) in the request's record. */
export function recordRefusal(res: express.Response, code: string): void {
  const record = res.locals.requestRecord as RequestRecord | undefined;
  if (record && !record.errorCodes.includes(code)) record.errorCodes.push(code);
}

/**
 * Apollo plugin: fills the operation name and the answer's error codes into the record found in the context
 * (`requestRecord` of a subgraph's RequestContext or the gateway's context).
 */
export function requestRecordPlugin<T extends { requestRecord?: RequestRecord }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue, request }) {
      const record = contextValue.requestRecord;
      if (!record) return;
      if (request.operationName && GRAPHQL_NAME.test(request.operationName))
        record.operationName = request.operationName;
      return {
        async didResolveOperation({ operationName }) {
          if (operationName) record.operationName = operationName;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            if (typeof code === "string" && !record.errorCodes.includes(code)) record.errorCodes.push(code);
          }
        },
      };
    },
  };
}
