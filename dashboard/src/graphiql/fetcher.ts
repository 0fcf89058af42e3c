import { clientTexts } from "../messages/app";

/** What the GraphiQL page needs of the signed-in session (the dashboard's authProvider). */
export interface TokenSource {
  getFreshToken(): Promise<string | null>;
}

/** Thrown when nobody is signed in (or the session has ended): the page sends the user to the sign-in form. */
export class SignedOut extends Error {
  constructor() {
    super(clientTexts.graphiqlSignedOut);
  }
}

/**
 * A GraphiQL fetcher that posts to the gateway's `/graphql` with the dashboard's token (refreshed when about to
 * expire), so GraphiQL sees exactly what the signed-in user may see.
 */
export function createHamafzaFetcher(tokens: TokenSource, url = "/graphql", fetchImpl: typeof fetch = fetch) {
  return async (params: unknown, options?: { headers?: Record<string, unknown> }) => {
    const token = await tokens.getFreshToken();
    if (!token) throw new SignedOut();
    const extra = Object.fromEntries(
      Object.entries(options?.headers ?? {}).filter(([name]) => name.toLowerCase() !== "authorization"),
    ) as Record<string, string>;
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { ...extra, "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(params),
    });
    if (response.status === 401) throw new SignedOut();
    return response.json();
  };
}

/** The GraphQL request of a saved query: its document and variables (JSON object text) as GraphiQL shows them. */
export function savedQueryRequest(saved: { query: string; variables: string | null }): {
  query: string;
  variables: string;
} {
  return { query: saved.query, variables: saved.variables ?? "" };
}
