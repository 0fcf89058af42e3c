import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { formatError, listen, RunningServer } from "@hamafza/common";
import express from "express";

process.env.APOLLO_TELEMETRY_DISABLED ??= "1";

export interface GatewayOptions {
  port: number;
  host?: string;
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URLs by name, overriding the ones written in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Built dashboard (dashboard/dist) served at `/`; omitted or missing: not served. */
  dashboardDir?: string;
}

/** Subgraph names and URLs as written in the supergraph's join__Graph enum. */
export function subgraphsOf(supergraphSdl: string): Record<string, string> {
  const graphs: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) graphs[match[1]] = match[2];
  return graphs;
}

/**
 * The gateway: @apollo/gateway inside @apollo/server with a static supergraph (no introspection at run time),
 * POST /graphql, GET /health, and the dashboard at /.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const subgraphUrls = { ...subgraphsOf(options.supergraphSdl), ...options.subgraphUrls };
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: subgraphUrls[name] ?? url }),
  });
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({
    gateway,
    // Analysts and the dashboard's generic data provider read the schema; the identity issue limits this to
    // signed-in users.
    introspection: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.disable("x-powered-by");
  app.get("/health", async (_req, res) => {
    const subgraphs = await checkSubgraphs(subgraphUrls);
    const allUp = Object.values(subgraphs).every((s) => s.status === "up");
    res.status(allUp ? 200 : 503).json({ gateway: "up", status: allUp ? "up" : "degraded", subgraphs });
  });
  app.use("/graphql", express.json({ limit: "2mb" }), expressMiddleware(apollo, { context: async () => ({}) }));
  if (options.dashboardDir && existsSync(join(options.dashboardDir, "index.html"))) serveDashboard(app, options.dashboardDir);
  return listen(httpServer, options.port, options.host ?? "127.0.0.1", async () => {
    await apollo.stop();
  });
}

function serveDashboard(app: express.Express, dir: string) {
  const indexHtml = readFileSync(join(dir, "index.html"), "utf8");
  app.use(express.static(dir, { index: false, maxAge: "1h" }));
  app.get(/^\/(?!graphql|health|auth).*/, (_req, res) => {
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
