import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLSchema } from "graphql";
import { DataSource } from "typeorm";
import { createRequestContext, RequestContext } from "./context";
import { formatError } from "./errors";

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
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/**
 * Serves one subgraph: POST /graphql and GET /health. The request context carries the database and
 * request-scoped DataLoaders; the user is attached by the identity issue.
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
  });
  await apollo.start();
  app.get("/health", async (_req, res) => {
    const database = await databaseIsUp(options.db);
    res.status(database ? 200 : 503).json({ service: options.name, status: database ? "up" : "down", database: database ? "up" : "down" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, { context: async () => createRequestContext(options.db) }),
  );
  return listen(httpServer, options.port, options.host, async () => {
    await apollo.stop();
  });
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
export function listen(httpServer: Server, port: number, host = "127.0.0.1", onStop?: () => Promise<void>): Promise<RunningServer> {
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
