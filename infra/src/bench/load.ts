import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, GraphQL errors in 2xx answers, and connection errors/timeouts. */
  errors: number;
  firstError?: string;
  durationMs: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  /** One per virtual user: connection i signs its requests with tokens[i % n]; none for Hive without auth. */
  tokens: string[];
  connections: number;
  /** Run for this long, or (quick mode) until `amount` answers have arrived. */
  durationSec: number;
  amount?: number;
  /** Extra headers on every request (the gateway secret, for a call straight to a subgraph). */
  headers?: Record<string, string>;
}

/** One autocannon run of a POST /graphql body; latencies of every answer recorded for exact percentiles. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let nextToken = 0;
  const started = performance.now();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSec }),
    timeout: 60,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        method: "POST",
        body: options.body,
        setupRequest: (request, context: { token?: string }) => {
          if (options.tokens.length === 0) return request;
          context.token ??= options.tokens[nextToken++ % options.tokens.length];
          return {
            ...request,
            headers: {
              ...request.headers,
              "content-type": "application/json",
              ...options.headers,
              authorization: `Bearer ${context.token}`,
            },
          };
        },
        onResponse: (status, body) => {
          if (status < 200 || status >= 300 || body.includes('"errors"')) {
            errors++;
            firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  (instance as unknown as NodeJS.EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime),
  );
  const result = await instance;
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] : NaN;
  errors += result.errors + result.timeouts;
  return {
    requests: latencies.length,
    reqPerSec: latencies.length / (result.duration || durationMs / 1000),
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    errors,
    firstError,
    durationMs,
  };
}
