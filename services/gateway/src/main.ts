import { logger } from "@hamafza/common";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { onShutdown, securityFromEnv } from "@hamafza/common";
import { startGateway } from "./index";

/**
 * Gateway process: PORT, HOST, SUPERGRAPH_PATH, REGISTRY_URL / ENGAGEMENT_URL / EVALUATION_URL / IDENTITY_URL,
 * DASHBOARD_DIR, HAMAFZA_GATEWAY_SECRET, HAMAFZA_JWT_PUBLIC_KEY, TRUST_PROXY.
 */
async function main() {
  const root = join(__dirname, "..", "..", "..");
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? join(root, "schema", "supergraph.graphql");
  const subgraphUrls: Record<string, string> = {};
  for (const name of ["registry", "engagement", "evaluation", "identity"]) {
    const url = process.env[`${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  const server = await startGateway({
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? "127.0.0.1",
    supergraphSdl: readFileSync(supergraphPath, "utf8"),
    subgraphUrls,
    security: securityFromEnv(),
    dashboardDir: process.env.DASHBOARD_DIR ?? join(root, "dashboard", "dist"),
    trustProxy: process.env.TRUST_PROXY,
  });
  logger.info(`[gateway] ready at ${server.url}`);
  onShutdown(() => server.stop());
}

main().catch((error) => {
  logger.error({ err: error }, "[gateway] failed to start");
  process.exit(1);
});
