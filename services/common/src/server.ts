import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLSchema } from "graphql";
import { DataSource } from "typeorm";
import { bearerToken, CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER, isGatewaySecret, REQUEST_ID_HEADER, ServiceSecurity, SIGN_IN_REQUIRED_MESSAGE, verifyAccessToken } from "./auth";
import { createRequestContext, RequestContext } from "./context";
import { AppError, ErrorCode, formatError } from "./errors";

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
  /** Extra routes behind the gateway-secret check (the identity service's /auth endpoints). */
  routes?: (app: express.Express) => void;
}

export const GATEWAY_ONLY_MESSAGE = "این سرویس فقط از راه دروازه (gateway) هم‌افزا در دسترس است.";

/**
 * Serves one subgraph: POST /graphql and GET /health. Every route but /health answers only requests that carry
 * the gateway secret; /graphql also needs a valid access token, whose user the resolvers see in the context
 * (with the database and request-scoped DataLoaders).
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // No cache hints are used; the cache-control plugin would otherwise visit every field of every answer.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  app.get("/health", async (_req, res) => {
    const database = await databaseIsUp(options.db);
    res.status(database ? 200 : 503).json({ service: options.name, status: database ? "up" : "down", database: database ? "up" : "down" });
  });
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    if (isGatewaySecret(options.security.gatewaySecret, req.headers[GATEWAY_SECRET_HEADER])) return next();
    sendError(res, 403, ErrorCode.FORBIDDEN, GATEWAY_ONLY_MESSAGE);
  });
  options.routes?.(app);
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    async (req, res, next) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) return sendError(res, 401, ErrorCode.UNAUTHENTICATED, SIGN_IN_REQUIRED_MESSAGE);
      try {
        res.locals.user = await verifyAccessToken(options.security.keys, token);
        res.locals.accessToken = token;
        next();
      } catch (error) {
        sendError(res, 401, ErrorCode.UNAUTHENTICATED, (error as AppError).message);
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createRequestContext(options.db, {
          user: res.locals.user,
          accessToken: res.locals.accessToken,
          service: options.name,
          requestId: headerValue(req.headers[REQUEST_ID_HEADER]),
          clientAddress: headerValue(req.headers[CLIENT_ADDRESS_HEADER]) ?? null,
        }),
    }),
  );
  return listen(httpServer, options.port, options.host, async () => {
    await apollo.stop();
  });
}

/** A GraphQL-shaped error body for refusals that happen before GraphQL runs. */
export function sendError(res: express.Response, status: number, code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
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

/** Listens on host:port (port 0 = a free port) and returns the URL of `/graphql`. */
export function listen(httpServer: Server, port: number, host = process.env.HOST ?? "127.0.0.1", onStop?: () => Promise<void>): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => {
      const actual = (httpServer.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${actual}/graphql`,
        port: actual,
        stop: async () => {
          if (onStop) await onStop();
          if (httpServer.listening) await new Promise<void>((done) => httpServer.close(() => done()));
        },
      });
    });
  });
}
