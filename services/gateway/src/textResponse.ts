import { STATUS_CODES } from "node:http";
import type { Fetcher } from "./dedup";

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Response headers by lower-case name, with the parts of the fetch `Headers` API the gateway's callers use. */
class TextHeaders {
  private readonly values = new Map<string, string>();

  constructor(entries: Iterable<readonly [string, string]>) {
    for (const [name, value] of entries) {
      const key = name.toLowerCase();
      const previous = this.values.get(key);
      this.values.set(key, previous === undefined ? value : `${previous}, ${value}`);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    this.values.forEach(callback);
  }

  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }

  keys(): IterableIterator<string> {
    return this.values.keys();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values.entries();
  }
}

export interface TextAnswer {
  url: string;
  status: number;
  headers: Iterable<readonly [string, string]>;
  body: string;
}

/**
 * A subgraph's answer, already read in full, in the shape `RemoteGraphQLDataSource` reads (`ok`, `status`,
 * `headers.get`, `json()`, `text()`): what a WHATWG `Response` would give for the same status, headers and body,
 * without the web streams, abort signals and body mixins a `Response` is built of on every call.
 */
export function textResponse(answer: TextAnswer): FetcherResponse {
  const headers = new TextHeaders(answer.headers);
  let bodyUsed = false;
  const read = () => {
    if (bodyUsed) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    bodyUsed = true;
    return Promise.resolve(answer.body);
  };
  const response = {
    url: answer.url,
    status: answer.status,
    statusText: STATUS_CODES[answer.status] ?? "",
    ok: answer.status >= 200 && answer.status < 300,
    redirected: false,
    headers,
    get bodyUsed() {
      return bodyUsed;
    },
    text: read,
    json: () => read().then((text) => JSON.parse(text) as unknown),
    arrayBuffer: () => read().then((text) => new TextEncoder().encode(text).buffer),
    clone: () => textResponse(answer),
  };
  return response as unknown as FetcherResponse;
}
