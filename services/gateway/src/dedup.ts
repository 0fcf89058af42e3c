import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from "@hamafza/common";
import { textResponse } from "./textResponse";

/** The fetch function RemoteGraphQLDataSource accepts (`fetcher`), its request options and answer. */
export type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Headers that differ per incoming request but do not change a subgraph's answer (logged only). */
const IGNORED_HEADERS = new Set([REQUEST_ID_HEADER, CLIENT_ADDRESS_HEADER, "content-length"]);

interface SharedAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * In-flight deduplication for RemoteGraphQLDataSource: while a subgraph request is under way, an identical one
 * (same URL, same body, same headers but the request id/client address — so the same token) waits for its answer
 * instead of being sent again. Queries only: anything that is not a POST of a GraphQL query operation (mutations above
 * all) always goes through. Nothing is cached once the answer has arrived.
 */
export function dedupFetcher(next: Fetcher = fetch as unknown as Fetcher): Fetcher & { shared(): number } {
  const inFlight = new Map<string, Promise<SharedAnswer>>();
  let sharedCount = 0;
  const fetcher = (async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const key = dedupKey(url, init);
    if (!key) return next(url, init);
    let answer = inFlight.get(key);
    if (answer) sharedCount++;
    else {
      answer = (async () => {
        const response = await next(url, init);
        // content-encoding/length described the wire form; the body below is already decoded text.
        const headers = [...response.headers].filter(
          ([name]) => name !== "content-encoding" && name !== "content-length",
        );
        return { status: response.status, headers, body: await response.text() };
      })();
      inFlight.set(key, answer);
      answer.then(
        () => inFlight.delete(key),
        () => inFlight.delete(key),
      );
    }
    return textResponse({ url, ...(await answer) });
  }) as Fetcher & { shared(): number };
  fetcher.shared = () => sharedCount;
  return fetcher;
}

/** The identity of a request that may be shared, or null when it must not be (not a query). */
export function dedupKey(url: string, init?: FetcherRequestInit): string | null {
  if ((init?.method ?? "GET").toUpperCase() !== "POST" || typeof init?.body !== "string") return null;
  if (!isQueryOperation(init.body)) return null;
  const headers = Object.entries((init.headers ?? {}) as Record<string, string>)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !IGNORED_HEADERS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([url, headers, init.body]);
}

/**
 * How the gateway's own JSON.stringify writes a query's body (the query field first, no whitespace): recognised without
 * parsing the body, which cost a JSON.parse of every subgraph request (its variables included) on the hot path.
 */
const QUERY_BODY_PREFIX = /^\{"query":"(?:query\b|\{)/;

/** The gateway writes its subgraph operations itself, as "query …" or "{ … }"; anything else is not shared. */
function isQueryOperation(body: string): boolean {
  if (QUERY_BODY_PREFIX.test(body)) return true;
  try {
    const parsed = JSON.parse(body) as { query?: unknown };
    return typeof parsed.query === "string" && /^\s*(query\b|\{)/.test(parsed.query);
  } catch {
    return false;
  }
}
