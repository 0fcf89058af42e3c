import { HttpError } from 'ra-core';

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface GraphQLClientOptions {
  url: string;
  fetch?: FetchFn;
  getToken?: () => string | null | undefined;
}

export type GraphQLRequest = <T = unknown>(query: string, variables?: Record<string, unknown>) => Promise<T>;

interface GraphQLErrorPayload {
  message?: string;
  extensions?: { code?: string };
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorPayload[];
}

export const NETWORK_ERROR_MESSAGE = 'ارتباط با سرور برقرار نشد.';
export const SERVER_ERROR_MESSAGE = 'پاسخ نامعتبر از سرور دریافت شد.';

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
  try {
    return await fetchFn(options.url, {
      method: 'POST',
      headers: requestHeaders(options.getToken?.()),
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new HttpError(NETWORK_ERROR_MESSAGE, 0, { cause: String(error) });
  }
}

export function requestHeaders(token: string | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
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
  return new HttpError(first.message || SERVER_ERROR_MESSAGE, status, { code, graphQLErrors: errors });
}
