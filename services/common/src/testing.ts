import { randomBytes, randomUUID } from "node:crypto";
import { AuthUser, GATEWAY_SECRET_HEADER, ServiceSecurity, signAccessToken } from "./auth";
import { dropProvisionedDatabase, provisionDatabase, ProvisionedDatabase } from "./postgres";

/**
 * A fresh database (with the service schemas and roles) for one test file, on the PostgreSQL the Jest global
 * setup provides (embedded, or DATABASE_URL). Files run in parallel, each in its own database.
 */
export async function createTestDatabase(label: string): Promise<ProvisionedDatabase & { drop(): Promise<void> }> {
  const adminUrl = testAdminUrl();
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const provisioned = await provisionDatabase(adminUrl, name);
  return { ...provisioned, drop: () => dropProvisionedDatabase(adminUrl, name) };
}

export function testAdminUrl(): string {
  const url = process.env.HAMAFZA_TEST_ADMIN_URL;
  if (!url)
    throw new Error(
      "HAMAFZA_TEST_ADMIN_URL is not set: run tests with `npm test` (Jest global setup starts PostgreSQL).",
    );
  return url;
}

/** POSTs a GraphQL operation and returns the parsed body (`data` and `errors`). */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** Signs in through the gateway's POST /auth/login and returns the access token. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { token?: string; error?: { message: string } };
  if (response.status !== 200 || !body.token)
    throw new Error(`sign-in of ${username} failed (${response.status}): ${body.error?.message}`);
  return body.token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Headers for calling a subgraph directly in a test, as the gateway would: the gateway secret and a token signed
 * with the test's keys for a user of the given role and territory (no session check happens at subgraphs).
 */
export async function subgraphHeaders(
  security: ServiceSecurity,
  user: Partial<AuthUser> & Pick<AuthUser, "role">,
): Promise<Record<string, string>> {
  const token = await signAccessToken(
    security.keys,
    {
      id: randomUUID(),
      username: `test.${user.role.toLowerCase()}`,
      provinceId: null,
      countyId: null,
      sessionId: randomUUID(),
      ...user,
    },
    new Date(Date.now() + 10 * 60_000),
  );
  return { ...bearer(token), [GATEWAY_SECRET_HEADER]: security.gatewaySecret };
}
