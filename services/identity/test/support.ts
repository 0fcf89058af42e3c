/**
 * Helpers shared by the identity tests: they talk to the real in-process stack through the gateway only
 * (POST /auth/* and /graphql), each request with its own X-Forwarded-For address so the per-address failure
 * counters of one test never touch another's (the stack trusts the loopback proxy).
 */
import { DEFAULT_LOGIN_POLICY, LoginPolicy } from "@hamafza/identity";

/** Short waits and low limits so lockouts happen in a few requests; the slowdown step is long enough to measure. */
export const TEST_POLICY: LoginPolicy = {
  ...DEFAULT_LOGIN_POLICY,
  failureWindowSeconds: 600,
  maxAccountFailures: 4,
  maxAddressFailures: 6,
  lockSeconds: 120,
  slowdownAfter: 2,
  slowdownStepMs: 300,
  slowdownMaxMs: 300,
};

let addresses = 0;
/** A documentation-range address (RFC 5737) no earlier call in this test file has returned. */
export function freshAddress(): string {
  addresses++;
  return `203.0.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

export interface HttpAnswer {
  status: number;
  body: any;
  headers: Headers;
  /** Wall-clock time of the whole request, in milliseconds. */
  ms: number;
}

/** POST /auth/<path> at the gateway, optionally with a bearer token, from the given client address. */
export async function postAuth(
  baseUrl: string,
  path: "login" | "refresh" | "logout" | "invitation" | "accept-invitation",
  options: { body?: unknown; token?: string; address?: string } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-forwarded-for": options.address ?? freshAddress(),
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const started = performance.now();
  const response = await fetch(`${baseUrl}/auth/${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify(options.body ?? {}),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers, ms };
}

export const signIn = (baseUrl: string, username: string, password: string, address?: string) =>
  postAuth(baseUrl, "login", { body: { username, password }, address });

/** Signs in and returns the token and the signed-in user; throws when sign-in does not succeed. */
export async function session(
  baseUrl: string,
  username: string,
  password: string,
): Promise<{ token: string; user: any }> {
  const answer = await signIn(baseUrl, username, password);
  if (answer.status !== 200)
    throw new Error(`sign-in of ${username} failed (${answer.status}): ${JSON.stringify(answer.body)}`);
  return { token: answer.body.token, user: answer.body.user };
}

/** POST /graphql at the gateway; keeps the HTTP status (refusals before GraphQL runs are 401). */
export async function graphql(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": freshAddress() };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(gatewayUrl, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: await response.json() };
}

/** The decoded header (0) or payload (1) of a JWT. */
export function jwtPart(token: string, index: 0 | 1): Record<string, any> {
  return JSON.parse(Buffer.from(token.split(".")[index], "base64url").toString("utf8"));
}

/** At least one letter of the Arabic script (the Persian messages), and no Latin sentence. */
export const PERSIAN = /[\u0600-\u06FF]/;

/** Every key of a JSON value, at any depth. */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, v]) => [key, ...allKeys(v)]);
  return [];
}
