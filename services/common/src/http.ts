/** HTTP client helpers for tools and tests that talk to the gateway or a subgraph (bench, demo, tests). */

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
