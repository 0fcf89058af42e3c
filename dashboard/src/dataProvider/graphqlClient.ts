import { HttpError } from "ra-core";
import { clientTexts } from "../messages/app";

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface GraphQLClientOptions {
  url: string;
  fetch?: FetchFn;
  /** The bearer token for each request; may refresh it first (see the authProvider). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
}

export type GraphQLRequest = <T = unknown>(query: string, variables?: Record<string, unknown>) => Promise<T>;

interface GraphQLErrorPayload {
  message?: string;
  extensions?: { code?: string; fields?: unknown };
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorPayload[];
}

export const NETWORK_ERROR_MESSAGE = clientTexts.networkError;
export const SERVER_ERROR_MESSAGE = clientTexts.invalidResponse;

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  CONFLICT: 409,
};

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLRequest {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await send(options, query, variables);
    const body = await readBody(response);
    if (body?.errors?.length) throw toHttpError(body.errors, response.status);
    if (!response.ok || !body || body.data == null) {
      throw new HttpError(SERVER_ERROR_MESSAGE, response.ok ? 500 : response.status, body);
    }
    return body.data as T;
  };
}

async function send(options: GraphQLClientOptions, query: string, variables?: Record<string, unknown>) {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const token = await options.getToken?.();
  try {
    return await fetchFn(options.url, {
      method: "POST",
      headers: requestHeaders(token),
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new HttpError(NETWORK_ERROR_MESSAGE, 0, { cause: String(error) });
  }
}

export function requestHeaders(token: string | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/graphql-response+json, application/json",
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

async function readBody(response: Response): Promise<GraphQLResponse | undefined> {
  try {
    return (await response.json()) as GraphQLResponse;
  } catch {
    return undefined;
  }
}

export function toHttpError(errors: GraphQLErrorPayload[], httpStatus: number): HttpError {
  const [first] = errors;
  const code = first.extensions?.code;
  const status = (code && STATUS_BY_CODE[code]) || (httpStatus >= 400 ? httpStatus : 500);
  const fieldErrors = fieldMessages(errors);
  return new HttpError(first.message || SERVER_ERROR_MESSAGE, status, {
    code,
    graphQLErrors: errors,
    ...(fieldErrors && { errors: fieldErrors }),
  });
}

/**
 * `BAD_USER_INPUT` errors list every invalid field (`extensions.fields: [{ field, message }]`); react-admin shows
 * `body.errors` (`{ source: message }`) under the form's inputs.
 */
function fieldMessages(errors: GraphQLErrorPayload[]): Record<string, string> | undefined {
  const entries = errors.flatMap((error) => {
    const fields = error.extensions?.fields;
    // `attendees[2].ngoId` is react-admin's `attendees.2.ngoId`
    return Array.isArray(fields)
      ? fields.filter(isFieldProblem).map((problem) => [problem.field.replace(/\[(\d+)\]/g, ".$1"), problem.message])
      : [];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function isFieldProblem(value: unknown): value is { field: string; message: string } {
  if (typeof value !== "object" || value === null) return false;
  const { field, message } = value as Record<string, unknown>;
  return typeof field === "string" && typeof message === "string";
}
