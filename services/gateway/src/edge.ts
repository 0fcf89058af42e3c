import {
  errorHandler,
  sendError,
  ErrorCode,
  invalidInput,
  unsafeTextMessage,
  unsafeTextProblems,
  withoutBidiControls,
} from "@hamafza/common";
import express from "express";
import {
  DocumentNode,
  GraphQLError,
  Kind,
  Lexer,
  OperationDefinitionNode,
  parse,
  Source,
  TokenKind,
  visit,
} from "graphql";
import { faNumber } from "./messages";

/** Codes of the refusals that happen before an operation runs (documented in the README, "Errors"). */
export const EDGE_CODES = {
  PARSE: "GRAPHQL_PARSE_FAILED",
  VALIDATION: "GRAPHQL_VALIDATION_FAILED",
  OPERATION: "OPERATION_RESOLUTION_FAILURE",
  BAD_REQUEST: "BAD_REQUEST",
} as const;

interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Everything about a GraphQL request that can be refused before it runs, answered with HTTP 400, a stable code
 * and a Persian message: unsafe text in the query or the variables (refused for every caller), too many tokens
 * (counted in full, so the message says by how much), syntax errors, an operation that cannot be chosen, and
 * subscriptions (not offered). Bidirectional controls are removed from the query and the variables first.
 */
export function requestEdge(maxTokens: number): express.RequestHandler {
  return (req, res, next) => {
    const body = (req.method === "GET" ? readGetBody(req.query) : req.body) as GraphQLBody | undefined;
    if (!body || typeof body !== "object" || typeof body.query !== "string") return next();
    if (req.method !== "GET") {
      body.query = withoutBidiControls(body.query);
      if (body.variables !== undefined) body.variables = withoutBidiControls(body.variables);
    }
    const query = body.query as string;
    const queryProblem = unsafeTextMessage(query);
    const textProblems = [
      ...(queryProblem ? [{ field: "query", message: queryProblem }] : []),
      ...unsafeTextProblems(body.variables ?? {}),
      ...(typeof body.operationName === "string" ? unsafeTextProblems(body.operationName, "operationName") : []),
    ];
    if (textProblems.length) {
      const error = invalidInput(textProblems);
      return sendError(res, 400, ErrorCode.BAD_USER_INPUT, error.message, { fields: textProblems });
    }
    const tokens = countTokens(query);
    if (typeof tokens === "number" && tokens > maxTokens) {
      return sendError(
        res,
        400,
        EDGE_CODES.VALIDATION as ErrorCode,
        `پرسش بیش از حد بلند است: ${faNumber(tokens)} نشانه دارد و حداکثر ${faNumber(maxTokens)} نشانه مجاز است؛ آن را به چند پرسش کوچک‌تر بشکنید.`,
        { limit: "maxTokens", max: maxTokens, found: tokens },
      );
    }
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: false });
    } catch (error) {
      return sendError(res, 400, EDGE_CODES.PARSE as ErrorCode, syntaxMessage(error), {
        originalMessage: (error as Error).message,
      });
    }
    const literalProblem = unsafeLiteral(document);
    if (literalProblem)
      return sendError(res, 400, ErrorCode.BAD_USER_INPUT, literalProblem, {
        fields: [{ field: "query", message: literalProblem }],
      });
    const problem = operationProblem(document, body.operationName);
    if (problem) return sendError(res, 400, problem.code as ErrorCode, problem.message);
    next();
  };
}

/** Escapes in string literals (`"\u0000"`) reach the value only after parsing, so literals are checked again. */
function unsafeLiteral(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    StringValue(node) {
      found ??= unsafeTextMessage(node.value);
    },
  });
  return found;
}

function readGetBody(query: express.Request["query"]): GraphQLBody {
  return { query: query.query, operationName: query.operationName };
}

/** Every token of the query (comments excluded), or the syntax error the lexer found. */
function countTokens(query: string): number | Error {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) count += 1;
  } catch (error) {
    return error as Error;
  }
  return count;
}

function syntaxMessage(error: unknown): string {
  const where =
    error instanceof GraphQLError && error.locations?.[0]
      ? ` (سطر ${faNumber(error.locations[0].line)}، ستون ${faNumber(error.locations[0].column)})`
      : "";
  return `پرسش GraphQL از نظر نحوی نادرست است${where}؛ پرانتزها، آکولادها و رشته‌ها را بررسی کنید.`;
}

function operationProblem(document: DocumentNode, operationName: unknown): { code: string; message: string } | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") {
    return { code: EDGE_CODES.BAD_REQUEST, message: "operationName باید متن باشد." };
  }
  let chosen: OperationDefinitionNode | undefined;
  if (typeof operationName === "string" && operationName !== "") {
    chosen = operations.find((op) => op.name?.value === operationName);
    if (!chosen) return { code: EDGE_CODES.OPERATION, message: `عملیاتی به نام «${operationName}» در پرسش نیست.` };
  } else if (operations.length === 0) {
    return { code: EDGE_CODES.OPERATION, message: "پرسش هیچ عملیاتی (query یا mutation) ندارد." };
  } else if (operations.length > 1) {
    return {
      code: EDGE_CODES.OPERATION,
      message: "پرسش چند عملیات دارد؛ نام عملیاتی را که باید اجرا شود در operationName بفرستید.",
    };
  } else {
    chosen = operations[0];
  }
  if (chosen.operation === "subscription") {
    return {
      code: EDGE_CODES.BAD_REQUEST,
      message: "اشتراک (subscription) در هم‌افزا پشتیبانی نمی‌شود؛ از query استفاده کنید.",
    };
  }
  return null;
}

/**
 * The gateway's last error handler: body errors and bugs as every Hamafza server answers them (`errorHandler`), with
 * `/auth/*` answering `{ error: { code, message } }` like the identity service behind it. Registered after the routes.
 */
export const bodyErrors: express.ErrorRequestHandler = errorHandler((req, res, status, code, message) => {
  if (!(req.path.startsWith("/auth") || req.baseUrl.startsWith("/auth"))) return false;
  res.status(status).json({ error: { code, message } });
  return true;
});
