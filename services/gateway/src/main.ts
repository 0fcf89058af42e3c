import {
  gatewayShape,
  loadConfigOrExit,
  logger,
  onShutdown,
  securityFromEnv,
  startTracingIfConfigured,
  SUBGRAPH_SERVICES,
} from "@hamafza/common";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startGateway } from "./index";

/**
 * Gateway process: every variable of `gatewayShape()` (PORT, HOST, SUPERGRAPH_PATH, REGISTRY_URL / ENGAGEMENT_URL /
 * EVALUATION_URL / IDENTITY_URL, DASHBOARD_DIR, HAMAFZA_GATEWAY_SECRET, HAMAFZA_JWT_PUBLIC_KEY, TRUST_PROXY, timeouts,
 * metrics and tracing), validated before anything starts: a bad value exits with status 2 naming the variable.
 */
async function main() {
  const config = loadConfigOrExit("gateway", gatewayShape());
  const tracing = await startTracingIfConfigured("gateway", config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const root = join(__dirname, "..", "..", "..");
  const subgraphUrls: Record<string, string> = {};
  for (const name of SUBGRAPH_SERVICES) {
    const url = config[`${name.toUpperCase()}_URL` as "REGISTRY_URL"];
    if (url) subgraphUrls[name] = url;
  }
  const server = await startGateway({
    port: config.PORT,
    host: config.HOST,
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH ?? join(root, "schema", "supergraph.graphql"), "utf8"),
    subgraphUrls,
    security: securityFromEnv(),
    dashboardDir: config.DASHBOARD_DIR ?? join(root, "dashboard", "dist"),
    trustProxy: trustProxySetting(config.TRUST_PROXY),
  });
  logger.info(`[gateway] ready at ${server.url}`);
  onShutdown(async () => {
    await server.stop();
    await tracing?.shutdown();
  });
}

/** TRUST_PROXY as Express takes it: true/false, a hop count, or addresses/subnets (e.g. `loopback, 10.0.0.0/8`). */
function trustProxySetting(value: string | undefined): string | number | boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "true" || value === "false") return value === "true";
  return /^\d+$/.test(value) ? Number(value) : value;
}

main().catch((error) => {
  logger.error({ err: error }, "[gateway] failed to start");
  process.exit(1);
});
