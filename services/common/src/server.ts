import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLSchema } from "graphql";
import { DataSource } from "typeorm";
import {
  bearerToken,
  CLIENT_ADDRESS_HEADER,
  GATEWAY_SECRET_HEADER,
  isGatewaySecret,
  ServiceSecurity,
  SIGN_IN_REQUIRED_MESSAGE,
  verifyAccessToken,
} from "./auth";
import { createRequestContext, RequestContext } from "./context";
import { readDataSourceOf } from "./database";
import { AppError, ErrorCode, formatError } from "./errors";
import { errorHandler, MAX_GRAPHQL_BODY_BYTES, sendError } from "./httpErrors";
import { jobsSchemaOf } from "./jobs";
import { actingRepresentative, AliasLookup, followNgoMergesInNotices, SurvivorLookup } from "./mergedNgo";
import { createServerMetrics, mountMetrics } from "./metrics";
import { ReferenceOwners } from "./references";
import { requestLogging, requestRecordOf, requestRecordPlugin } from "./requestLog";
import { setting, timeoutSettings } from "./settings";

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  db: DataSource;
  port: number;
  host?: string;
  /** The gateway secret every request must carry and the key that verifies access tokens. */
  security: ServiceSecurity;
  plugins?: ApolloServerPlugin<RequestContext>[];
  /**
   * URLs of the subgraphs owning records this service references, by service name (checked at write time with
   * the gateway secret; references.ts), or "unchecked" in a service's own tests run without those subgraphs.
   */
  referenceOwners?: Partial<Record<string, string>> | "unchecked";
  /** Extra routes behind the gateway-secret check (the identity service's /auth endpoints). */
  routes?: (app: express.Express) => void;
  /**
   * Where the service learns NGO merges (docs/merging.md): a representative bound to a merged NGO then acts for the
   * survivor in every resolver (`actingRepresentative`, resolved on each request), and the notices the service
   * requests for the survivor's representatives reach them too (`followNgoMergesInNotices`); mergedNgo.ts.
   */
  ngoMerges?: { survivorOf: SurvivorLookup; mergedInto: AliasLookup };
}

/**
 * The services a subgraph asks (their URLs, by name) with the secret it sends them: what `askService` and the
 * reference checks use. The URL object is kept, not copied, so a holder filled in after start is seen.
 */
export function referenceOwnersOf(
  urls: SubgraphServerOptions["referenceOwners"],
  gatewaySecret: string,
): ReferenceOwners | null {
  if (urls === "unchecked") return "unchecked";
  return urls ? { urls, gatewaySecret } : null;
}

export const GATEWAY_ONLY_MESSAGE = "این سرویس فقط از راه دروازه (gateway) هم‌افزا در دسترس است.";

/**
 * Serves one subgraph: POST /graphql, GET /health and GET /metrics (metrics.ts). Every route but /health answers only requests that carry
 * the gateway secret; /graphql also needs a valid access token, whose user the resolvers see in the context
 * (with the database and request-scoped DataLoaders).
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const referenceOwners = referenceOwnersOf(options.referenceOwners, options.security.gatewaySecret);
  const ngoMerges = options.ngoMerges;
  if (ngoMerges) followNgoMergesInNotices(options.db, ngoMerges.mergedInto);
  const app = express();
  const httpServer = createServer(app);
  const metrics = createServerMetrics(options.name);
  metrics.watchPool("primary", options.db);
  metrics.watchJobQueue(jobsSchemaOf(options.name), options.db);
  if (readDataSourceOf(options.db) !== options.db) metrics.watchPool("replica", readDataSourceOf(options.db));
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // No cache hints are used; the cache-control plugin would otherwise visit every field of every answer.
    // Draining on stop is done by `listen` (in-flight requests finish, new ones are refused with 503).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestRecordPlugin<RequestContext>(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  app.get("/health", async (_req, res) => {
    const database = await databaseIsUp(options.db);
    res
      .status(database ? 200 : 503)
      .json({ service: options.name, status: database ? "up" : "down", database: database ? "up" : "down" });
  });
  app.disable("x-powered-by");
  const stopMetrics = await mountMetrics(app, metrics, options.host ?? setting("HOST"));
  app.use(requestLogging(options.name, metrics.observeRequest));
  app.use((req, res, next) => {
    if (isGatewaySecret(options.security.gatewaySecret, req.headers[GATEWAY_SECRET_HEADER])) return next();
    sendError(res, 403, ErrorCode.FORBIDDEN, GATEWAY_ONLY_MESSAGE);
  });
  options.routes?.(app);
  app.use(
    "/graphql",
    express.json({ limit: MAX_GRAPHQL_BODY_BYTES }),
    async (req, res, next) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) return sendError(res, 401, ErrorCode.UNAUTHENTICATED, SIGN_IN_REQUIRED_MESSAGE);
      try {
        res.locals.user = await verifyAccessToken(options.security.keys, token);
        res.locals.accessToken = token;
        requestRecordOf(res).userId = res.locals.user.id;
        next();
      } catch (error) {
        sendError(res, 401, ErrorCode.UNAUTHENTICATED, (error as AppError).message);
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ctx = createRequestContext(options.db, {
          user: res.locals.user,
          accessToken: res.locals.accessToken,
          service: options.name,
          requestId: requestRecordOf(res).requestId,
          requestRecord: requestRecordOf(res),
          clientAddress: headerValue(req.headers[CLIENT_ADDRESS_HEADER]) ?? null,
          referenceOwners,
          gatewaySecret: options.security.gatewaySecret,
        });
        if (ngoMerges && ctx.user) ctx.user = await actingRepresentative(ctx, ctx.user, ngoMerges.survivorOf);
        return ctx;
      },
    }),
  );
  app.use(errorHandler());
  return listen(httpServer, options.port, options.host, async () => {
    await apollo.stop();
    await stopMetrics();
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length <= 200 ? first : undefined;
}

export async function databaseIsUp(db: DataSource): Promise<boolean> {
  try {
    await db.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export const SHUTTING_DOWN_MESSAGE = "این سرویس در حال راه‌اندازی دوباره است؛ چند لحظهٔ دیگر دوباره تلاش کنید.";

/**
 * Listens on host:port (port 0 = a free port) and returns the URL of `/graphql`.
 *
 * Keep-alive: idle connections are kept `HAMAFZA_KEEP_ALIVE_MS` (65 s), longer than any Hamafza client keeps an
 * idle socket (the gateway's and the evaluation's clients close theirs after 10 s), so a client never reuses a
 * socket the server is closing (ECONNRESET, "socket hang up").
 *
 * Stopping is graceful: new requests are refused at once with 503 SERVICE_UNAVAILABLE (and `Connection: close`),
 * no new connections are accepted, the requests in flight finish (at most `HAMAFZA_SHUTDOWN_GRACE_MS`, 10 s), and
 * only then `onStop` runs (Apollo) and the caller may close its database pool — so no transaction loses its
 * connection half-way and every acknowledged write is committed.
 */
export function listen(
  httpServer: Server,
  port: number,
  host = setting("HOST"),
  onStop?: () => Promise<void>,
): Promise<RunningServer> {
  const settings = timeoutSettings();
  httpServer.keepAliveTimeout = settings.serverKeepAliveMs;
  httpServer.headersTimeout = settings.serverKeepAliveMs + 1_000;
  const drain = trackRequests(httpServer);
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => {
      const actual = (httpServer.address() as AddressInfo).port;
      let stopped: Promise<void> | null = null;
      resolve({
        url: `http://${host}:${actual}/graphql`,
        port: actual,
        stop: () =>
          (stopped ??= (async () => {
            drain.begin();
            const closed = new Promise<void>((done) =>
              httpServer.listening ? httpServer.close(() => done()) : done(),
            );
            httpServer.closeIdleConnections();
            await drain.idle(settings.shutdownGraceMs);
            if (onStop) await onStop();
            httpServer.closeAllConnections();
            await closed;
          })()),
      });
    });
  });
}

/** Counts the requests in flight and, once draining, refuses new ones with 503 before any handler sees them. */
function trackRequests(httpServer: Server) {
  const handlers = httpServer.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  httpServer.removeAllListeners("request");
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | null = null;
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (draining) {
      res.writeHead(503, {
        "content-type": "application/json; charset=utf-8",
        connection: "close",
        "retry-after": "2",
      });
      res.end(
        JSON.stringify({
          errors: [{ message: SHUTTING_DOWN_MESSAGE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }],
        }),
      );
      return;
    }
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      if (draining) res.socket?.destroySoon?.();
      if (inFlight === 0) onIdle?.();
    });
    for (const handler of handlers) handler(req, res);
  });
  return {
    begin() {
      draining = true;
    },
    idle(graceMs: number): Promise<void> {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((done) => {
        const timer = setTimeout(done, graceMs);
        onIdle = () => {
          clearTimeout(timer);
          done();
        };
      });
    },
  };
}
