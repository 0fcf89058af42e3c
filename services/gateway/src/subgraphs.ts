import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { AppError, ErrorCode, integerSetting, ServerMetrics, setting, subgraphTimeoutName } from "@hamafza/common";
import { GraphQLError } from "graphql";
import { Agent, request } from "undici";
import { dedupFetcher } from "./dedup";
import { textResponse } from "./textResponse";

/** What each subgraph holds, in the words a user understands (shown when it cannot answer). */
export const SUBGRAPH_PARTS: Record<string, string> = {
  registry: "ثبت سمن‌ها، مدیران، دستگاه‌ها و تقسیمات کشوری",
  engagement: "نشست‌ها، مصوبات، کارگروه‌ها، طرح‌ها و مطالبات",
  evaluation: "ارزیابی عملکرد مدیران",
  identity: "کاربران و گزارش رویدادها",
};

/** SERVICE_UNAVAILABLE naming the missing part in Persian; the rest of the answer still arrives. */
export function partUnavailable(name: string): AppError {
  const part = SUBGRAPH_PARTS[name] ?? name;
  return new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `بخش «${part}» اکنون پاسخ نمی‌دهد؛ آنچه از بخش‌های دیگر آمد نشان داده شده است. چند لحظهٔ دیگر دوباره تلاش کنید.`,
    { part: name },
  );
}

/**
 * Timeouts of gateway → subgraph calls: `HAMAFZA_SUBGRAPH_TIMEOUT_MS` (15 s) for every subgraph, or
 * `<NAME>_TIMEOUT_MS` for one (evaluation: 120 s by default, for the awaited `runEvaluation`).
 */
export function subgraphTimeoutMs(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const all = setting("HAMAFZA_SUBGRAPH_TIMEOUT_MS", env);
  return integerSetting(
    subgraphTimeoutName(name),
    name === "evaluation" ? Math.max(all, 120_000) : all,
    { min: 100, max: 3_600_000 },
    env,
  );
}

/**
 * One connection pool for all subgraph calls. Idle sockets are closed after 10 s, well before the subgraphs'
 * servers close them (65 s, common/server.ts), so a request never goes out on a socket being closed.
 */
const agent = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 10_000, connections: 256 });

type Fetcher = NonNullable<RemoteGraphQLDataSource["fetcher"]>;

const isNetworkFailure = (error: unknown) => !(error instanceof GraphQLError);
const isMutation = (body: unknown) => typeof body === "string" && /^\s*\{\s*"query"\s*:\s*"\s*mutation\b/.test(body);
const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");

/**
 * Calls a subgraph with a timeout; a read (never a mutation) that fails on the connection before any answer is
 * retried once. Whatever goes wrong on the way — refused, reset, timed out, a 5xx answer, a body that is not
 * GraphQL — becomes SERVICE_UNAVAILABLE for the fields of that subgraph only, never INTERNAL_SERVER_ERROR.
 */
export class SubgraphDataSource<TContext extends Record<string, any>> extends RemoteGraphQLDataSource<TContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly timeoutMs: number,
    /** Share identical in-flight queries (same token) instead of sending them twice (dedup.ts). */
    dedup: boolean,
    /** Where each call's duration is counted (hamafza_subgraph_fetch_duration_seconds). */
    private readonly metrics: Pick<ServerMetrics, "observeSubgraphFetch">,
    sendHeaders: (headers: { set(name: string, value: string): void }, context: TContext) => void,
  ) {
    super({ url });
    this.willSendRequest = (options) => {
      if (options.request.http) sendHeaders(options.request.http.headers, options.context as TContext);
    };
    const withTimeout = this.fetchWithTimeout.bind(this) as unknown as Fetcher;
    this.fetcher = dedup ? dedupFetcher(withTimeout) : withTimeout;
  }

  private async fetchWithTimeout(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string },
  ) {
    // undici's `request` rather than `fetch`: the answer is read whole and handed over as text, without the web
    // streams and Response objects fetch builds per call (a third of the gateway's CPU per request, docs/performance.md).
    const attempt = async () => {
      const answer = await request(url, {
        method: (init.method ?? "POST") as "POST",
        headers: init.headers,
        body: init.body,
        dispatcher: agent,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const headers: [string, string][] = [];
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined) headers.push([name, Array.isArray(value) ? value.join(", ") : value]);
      return textResponse({ url, status: answer.statusCode, headers, body: await answer.body.text() });
    };
    const started = performance.now();
    const observe = (outcome: "ok" | "error") =>
      this.metrics.observeSubgraphFetch(this.subgraphName, (performance.now() - started) / 1000, outcome);
    try {
      const response = await attempt().catch((error: unknown) => {
        if (isTimeout(error) || isMutation(init.body)) throw error;
        return attempt(); // a reset or refused connection: one more try for a read
      });
      observe(response.status < 500 ? "ok" : "error");
      return response;
    } catch (error) {
      observe("error");
      throw error;
    }
  }

  override didEncounterError(error: Error): void {
    if (error instanceof AppError) throw error;
    if (isNetworkFailure(error)) throw partUnavailable(this.subgraphName);
    throw error;
  }

  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0],
  ): Promise<GraphQLError> {
    const body = (await response.json().catch(() => null)) as {
      errors?: { message?: string; extensions?: { code?: string; [k: string]: unknown } }[];
    } | null;
    const first = body?.errors?.[0];
    const code = first?.extensions?.code;
    if (
      response.status < 500 &&
      first?.message &&
      typeof code === "string" &&
      code !== ErrorCode.INTERNAL_SERVER_ERROR &&
      (Object.values(ErrorCode) as string[]).includes(code)
    ) {
      return new AppError(code as ErrorCode, first.message, { ...first.extensions });
    }
    if (response.status === 401)
      return new AppError(ErrorCode.UNAUTHENTICATED, "نشست شما به پایان رسیده است؛ دوباره وارد شوید.");
    return partUnavailable(this.subgraphName);
  }
}
