import { logger } from "@hamafza/common";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import {
  AuthUser,
  bearerToken,
  CLIENT_ADDRESS_HEADER,
  createServerMetrics,
  mountMetrics,
  ErrorCode,
  GATEWAY_SECRET_HEADER,
  listen,
  MAX_GRAPHQL_BODY_BYTES,
  REQUEST_ID_HEADER,
  RequestRecord,
  requestLogging,
  requestRecordOf,
  requestRecordPlugin,
  Role,
  RunningServer,
  sendError,
  SESSION_ENDED_MESSAGE,
  setting,
  ServiceSecurity,
  SIGN_IN_REQUIRED_MESSAGE,
  verifyAccessToken,
} from "@hamafza/common";
import express from "express";
import { GraphQLSchema } from "graphql";
import { QUERY_LIMITS, queryProtection } from "./armor";
import { dashboardStaticOptions, precompressedAssets, responseCompression } from "./compression";
import { serveGraphiql } from "./graphiql";
import { bodyErrors, requestEdge } from "./edge";
import { downloadRoute, uploadRoute } from "./attachments/attachmentRoutes";
import { AttachmentLimits, limitsFromSettings } from "./attachments/limits";
import { BlobStorage, storageFromSettings } from "./attachments/storage";
import { calendarFeedRoute, meetingIcsRoute, RunAs } from "./calendar/calendarRoutes";
import { exportRoute } from "./export/exportRoute";
import { publicRoutes } from "./public/publicRoutes";
import { chromiumPdfRenderer } from "./reports/pdfRenderer";
import { reportRoute } from "./reports/reportRoute";
import { formatGatewayError } from "./messages";
import { securityHeaders } from "./securityHeaders";
import { IdentityUnavailable, SessionChecker } from "./sessions";
import { SubgraphDataSource, subgraphTimeoutMs } from "./subgraphs";

process.env.APOLLO_TELEMETRY_DISABLED ??= "1";

export { QUERY_LIMITS } from "./armor";
export { LocalDiskStorage, S3Storage, storageFromSettings } from "./attachments/storage";
export type { BlobStorage } from "./attachments/storage";
export type { AttachmentLimits } from "./attachments/limits";

export interface GatewayOptions {
  port: number;
  host?: string;
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URLs by name, overriding the ones written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** The shared secret sent to subgraphs and the key that verifies access tokens. */
  security: ServiceSecurity;
  /** Built dashboard (dashboard/dist) served at `/`; omitted or missing: not served. */
  dashboardDir?: string;
  /** Express "trust proxy" setting when the gateway runs behind a reverse proxy (TRUST_PROXY). */
  trustProxy?: string | number | boolean;
  /** How long an open session is remembered before asking the identity service again (default 5 s). */
  sessionCacheMs?: number;
  /** Share identical in-flight subgraph queries of the same token (default on; HAMAFZA_GATEWAY_DEDUP=0 turns it off). */
  dedupInFlight?: boolean;
  /** Where attachments' contents are stored and what an upload may be (default: the settings, docs/attachments.md). */
  attachments?: { storage?: BlobStorage; limits?: AttachmentLimits };
}

/** What each GraphQL request carries to the subgraphs. */
interface GatewayContext {
  user: AuthUser;
  token: string;
  requestId: string;
  clientAddress: string;
  requestRecord: RequestRecord;
}

/** Subgraph names and URLs as written in the supergraph's join__Graph enum. */
export function subgraphsOf(supergraphSdl: string): Record<string, string> {
  const graphs: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g))
    graphs[match[1]] = match[2];
  return graphs;
}

/**
 * The gateway: sign-in under /auth (proxied to the identity service), then @apollo/gateway with a static
 * supergraph for signed-in users only (introspection included), query limits, masked errors, GET /health, and
 * the dashboard at /.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const subgraphUrls = { ...subgraphsOf(options.supergraphSdl), ...options.subgraphUrls };
  const identityBase = subgraphUrls.identity.replace(/\/graphql$/, "");
  const sessions = new SessionChecker(identityBase, options.security.gatewaySecret, options.sessionCacheMs);
  const dedup = options.dedupInFlight ?? setting("HAMAFZA_GATEWAY_DEDUP");
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource<GatewayContext>(
        name,
        subgraphUrls[name] ?? url,
        subgraphTimeoutMs(name),
        dedup,
        metrics,
        (headers, context) => {
          headers.set(GATEWAY_SECRET_HEADER, options.security.gatewaySecret);
          headers.set("authorization", `Bearer ${context.token}`);
          headers.set(REQUEST_ID_HEADER, context.requestId);
          headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
        },
      ),
  });
  const metrics = createServerMetrics("gateway");
  const protection = queryProtection();
  // The schema callers see (the supergraph without federation's internals), for planning exports.
  let apiSchema: GraphQLSchema | undefined;
  const keepApiSchema = {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema: loaded }: { apiSchema: GraphQLSchema }) {
          apiSchema = loaded;
        },
      };
    },
  };
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Anonymous requests never reach Apollo (authenticate below), so introspection is for signed-in users only.
    introspection: true,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      keepApiSchema,
      requestRecordPlugin<GatewayContext>(),
      ...(protection.plugins as never[]),
    ],
  });
  await apollo.start();
  app.disable("x-powered-by");
  if (setting("HAMAFZA_COMPRESSION")) app.use(responseCompression());
  if (options.trustProxy !== undefined) app.set("trust proxy", options.trustProxy);
  app.use(securityHeaders(options.trustProxy !== undefined && options.trustProxy !== false));
  app.get("/health", async (req, res) => {
    const subgraphs = await checkSubgraphs(subgraphUrls);
    const allUp = Object.values(subgraphs).every((s) => s.status === "up");
    const status = allUp ? "up" : "degraded";
    res.setHeader("cache-control", "no-store");
    // Anonymous callers (load balancers, probes) get the overall state; URLs, ports and latencies only administrators.
    const viewer = await signedIn(req.headers.authorization, options.security, sessions);
    const details = "user" in viewer && viewer.user.role === Role.ADMIN;
    res.status(allUp ? 200 : 503).json(details ? { gateway: "up", status, subgraphs } : { status });
  });
  const stopMetrics = await mountMetrics(app, metrics, options.host ?? "127.0.0.1");
  app.use(
    ["/graphql", "/auth", "/export", "/calendar", "/attachments", "/reports", "/public"],
    requestLogging("gateway", metrics.observeRequest),
  );
  app.use("/auth", express.json({ limit: "16kb" }), authProxy(identityBase, options.security, sessions));
  app.use(
    "/graphql",
    express.json({ limit: MAX_GRAPHQL_BODY_BYTES }),
    authenticate(options.security, sessions),
    requestEdge(QUERY_LIMITS.maxTokens),
    expressMiddleware(apollo, { context: async ({ res }) => res.locals.gatewayContext as GatewayContext }),
  );
  // Exports and calendars run their operations through this same gateway, as the caller.
  const runAs = async (query: string, variables: Record<string, unknown>, context: GatewayContext) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== "single") throw new Error("an operation came back incremental");
    return response.body.singleResult;
  };
  app.use(
    "/export",
    express.json({ limit: "64kb" }),
    authenticate(options.security, sessions),
    exportRoute(
      (query, variables, res) => runAs(query, variables, res.locals.gatewayContext as GatewayContext),
      () => apiSchema,
    ),
  );
  const runAsUser: RunAs = (query, variables, user, token, req) => {
    const record = requestRecordOf(req.res!);
    record.userId = user.id;
    return runAs(query, variables, {
      user,
      token,
      requestId: record.requestId,
      clientAddress: req.ip ?? "unknown",
      requestRecord: record,
    });
  };
  const storage = options.attachments?.storage ?? storageFromSettings(join(__dirname, "..", "..", ".."));
  const runAsCaller = (query: string, variables: Record<string, unknown>, res: express.Response) =>
    runAs(query, variables, res.locals.gatewayContext as GatewayContext);
  app.post(
    "/attachments",
    authenticate(options.security, sessions),
    ...uploadRoute(
      storage,
      options.attachments?.limits ?? limitsFromSettings(),
      options.security.gatewaySecret,
      runAsCaller,
    ),
  );
  app.get("/attachments/:id", authenticate(options.security, sessions), downloadRoute(storage, runAsCaller));
  const pdf = chromiumPdfRenderer(setting("HAMAFZA_CHROMIUM_PATH"), setting("HAMAFZA_PDF_CONCURRENCY"));
  app.get(
    "/reports/:kind/:file",
    authenticate(options.security, sessions),
    reportRoute((query, variables, res) => runAs(query, variables, res.locals.gatewayContext as GatewayContext), pdf),
  );
  app.use(
    "/public",
    publicRoutes(
      subgraphUrls.registry.replace(/\/graphql$/, ""),
      options.security,
      setting("HAMAFZA_PUBLIC_RATE_PER_MINUTE"),
    ),
  );
  app.get("/calendar/meetings/:file", authenticate(options.security, sessions), meetingIcsRoute(runAsUser));
  app.get("/calendar/:file", calendarFeedRoute(identityBase, options.security, runAsUser));
  app.use(bodyErrors);
  if (options.dashboardDir && existsSync(join(options.dashboardDir, "index.html")))
    serveDashboard(app, options.dashboardDir);
  return listen(httpServer, options.port, options.host ?? "127.0.0.1", async () => {
    await apollo.stop();
    await pdf.close();
    await stopMetrics();
  });
}

type SignIn = { user: AuthUser; token: string } | { refusal: { status: number; code: ErrorCode; message: string } };

/** The user of a valid token of an open session, or why the request is refused (one check for /graphql and /health). */
async function signedIn(
  authorization: string | undefined,
  security: ServiceSecurity,
  sessions: SessionChecker,
): Promise<SignIn> {
  const token = bearerToken(authorization);
  if (!token) return { refusal: { status: 401, code: ErrorCode.UNAUTHENTICATED, message: SIGN_IN_REQUIRED_MESSAGE } };
  const ended = { refusal: { status: 401, code: ErrorCode.UNAUTHENTICATED, message: SESSION_ENDED_MESSAGE } };
  let user: AuthUser;
  try {
    user = await verifyAccessToken(security.keys, token);
  } catch {
    return ended;
  }
  try {
    return (await sessions.isActive(user.sessionId, token)) ? { user, token } : ended;
  } catch (error) {
    if (!(error instanceof IdentityUnavailable)) logger.error({ err: error }, "[gateway] session check failed");
    return { refusal: { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: IDENTITY_UNAVAILABLE_MESSAGE } };
  }
}

/** Every GraphQL request needs a valid token of an open session; anything else is 401 before GraphQL runs. */
function authenticate(security: ServiceSecurity, sessions: SessionChecker): express.RequestHandler {
  return async (req, res, next) => {
    const result = await signedIn(req.headers.authorization, security, sessions);
    if ("refusal" in result) return sendError(res, result.refusal.status, result.refusal.code, result.refusal.message);
    const record = requestRecordOf(res);
    record.userId = result.user.id;
    const context: GatewayContext = {
      user: result.user,
      token: result.token,
      requestId: record.requestId,
      clientAddress: req.ip ?? "unknown",
      requestRecord: record,
    };
    res.locals.gatewayContext = context;
    next();
  };
}

const AUTH_ROUTES = ["/login", "/refresh", "/logout", "/invitation", "/accept-invitation"];
const IDENTITY_UNAVAILABLE_MESSAGE = "سرویس ورود (کاربران) اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.";

/** POST /auth/login | refresh | logout | invitation | accept-invitation, forwarded to the identity service with the client's address. */
function authProxy(identityBase: string, security: ServiceSecurity, sessions: SessionChecker): express.RequestHandler {
  return async (req, res) => {
    if (req.method !== "POST" || !AUTH_ROUTES.includes(req.path)) {
      res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: "چنین نشانی‌ای وجود ندارد." } });
      return;
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      [GATEWAY_SECRET_HEADER]: security.gatewaySecret,
      [CLIENT_ADDRESS_HEADER]: req.ip ?? "unknown",
      [REQUEST_ID_HEADER]: requestRecordOf(res).requestId,
    };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    try {
      const response = await fetch(`${identityBase}/auth${req.path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(req.body ?? {}),
        signal: AbortSignal.timeout(15_000),
      });
      if (req.path === "/logout") await forgetSession(security, sessions, req.headers.authorization);
      const retryAfter = response.headers.get("retry-after");
      if (retryAfter) res.setHeader("Retry-After", retryAfter);
      res.status(response.status);
      if (response.status === 204) res.end();
      else res.type("application/json").send(await response.text());
    } catch (error) {
      logger.error({ err: error }, "[gateway] identity service unreachable");
      res.locals.requestRecord?.errorCodes.push(ErrorCode.SERVICE_UNAVAILABLE);
      res.status(503).json({ error: { code: ErrorCode.SERVICE_UNAVAILABLE, message: IDENTITY_UNAVAILABLE_MESSAGE } });
    }
  };
}

async function forgetSession(security: ServiceSecurity, sessions: SessionChecker, authorization: string | undefined) {
  try {
    sessions.forget((await verifyAccessToken(security.keys, bearerToken(authorization) ?? "")).sessionId);
  } catch {
    // not a valid token: nothing cached for it
  }
}

function serveDashboard(app: express.Express, dir: string) {
  const indexHtml = readFileSync(join(dir, "index.html"), "utf8");
  serveGraphiql(app, dir);
  app.use(precompressedAssets(dir));
  app.use(express.static(dir, dashboardStaticOptions()));
  app.get(/^\/(?!graphql|health|auth|metrics|export|calendar|attachments|reports|public).*/, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(indexHtml);
  });
}

interface SubgraphHealth {
  status: "up" | "down";
  url: string;
  latencyMs?: number;
}

async function checkSubgraphs(urls: Record<string, string>): Promise<Record<string, SubgraphHealth>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const started = Date.now();
      try {
        const response = await fetch(url.replace(/\/graphql$/, "/health"), { signal: AbortSignal.timeout(2000) });
        return [name, { status: response.ok ? "up" : "down", url, latencyMs: Date.now() - started }] as const;
      } catch {
        return [name, { status: "down", url }] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as Record<string, SubgraphHealth>;
}
