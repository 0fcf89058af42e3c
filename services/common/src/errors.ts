import { logger } from "./logger";
import { GraphQLError, GraphQLFormattedError } from "graphql";

/**
 * Stable error codes returned in `extensions.code`. Clients (the dashboard, analysts' scripts) branch on these,
 * so they never change meaning once published.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  LOCKED: "LOCKED",
  /** Another Hamafza service needed for the answer could not be reached or failed; trying later may help. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One invalid input field, with a Persian message the user can act on. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error meant for the user: a stable code and a Persian message. Everything else is masked. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = "AppError";
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const notFound = (entityLabel: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${entityLabel} با شناسه «${id}» پیدا نشد.`, { id });

export const invalidInput = (problems: FieldProblem[]) =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    problems.length === 1 ? problems[0].message : `${problems.length} مورد از اطلاعات واردشده نادرست است.`,
    { fields: problems },
  );

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, details);

export const TOO_SLOW_MESSAGE =
  "پاسخ این درخواست بیش از حد طول کشید و متوقف شد؛ بازهٔ کوچک‌تری بخواهید یا کمی بعد دوباره تلاش کنید.";

export const CONCURRENT_CHANGE_MESSAGE =
  "این تغییر هم‌زمان با تغییر دیگری روی همین داده‌ها انجام شد و ثبت نشد؛ چند لحظهٔ دیگر دوباره تلاش کنید.";

/** PostgreSQL cancelled the statement (statement_timeout, lock_timeout) or the server is shutting down. */
const DATABASE_UNAVAILABLE_CODES = new Set(["57014", "55P03", "57P01", "57P03"]);
/**
 * PostgreSQL rolled the transaction back because of another one (deadlock_detected, serialization_failure): nothing
 * was written, and the same request sent again normally succeeds.
 */
const CONCURRENT_CHANGE_CODES = new Set(["40P01", "40001"]);

/** The SQLSTATE of a database error behind a resolver's failure, if it is one. */
function databaseErrorCode(original: unknown): string | undefined {
  const error = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export const INTERNAL_MESSAGE = "خطای داخلی سامانه رخ داد. لطفاً دوباره تلاش کنید و اگر تکرار شد به پشتیبانی خبر دهید.";

/** Codes produced by GraphQL itself (parse/validation) that are safe to show with their original message. */
const GRAPHQL_OWN_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...GRAPHQL_OWN_CODES]);

/**
 * Apollo `formatError` shared by every server: known codes pass with their message, anything else (a bug, a
 * database error) becomes INTERNAL_SERVER_ERROR with a Persian message. Stack traces and internals never leave.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // serviceName: which subgraph answered is an internal detail the gateway adds.
    const {
      stacktrace: _stack,
      exception: _exception,
      serviceName: _service,
      ...extensions
    } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const databaseCode = databaseErrorCode(original);
  if (databaseCode && DATABASE_UNAVAILABLE_CODES.has(databaseCode)) {
    return { message: TOO_SLOW_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (databaseCode && CONCURRENT_CHANGE_CODES.has(databaseCode)) {
    return {
      message: CONCURRENT_CHANGE_MESSAGE,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  logUnexpected(original);
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function logUnexpected(original: unknown) {
  if (process.env.NODE_ENV === "test" && !process.env.HAMAFZA_LOG_ERRORS) return;
  const error = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  logger.error({ err: error }, "[unexpected error]");
}
