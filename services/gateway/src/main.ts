import { readFileSync } from "node:fs";
import { join } from "node:path";
import { onShutdown } from "@hamafza/common";
import { startGateway } from "./index";

/** Gateway process: PORT, SUPERGRAPH_PATH, REGISTRY_URL / ENGAGEMENT_URL / EVALUATION_URL, DASHBOARD_DIR. */
async function main() {
  const root = join(__dirname, "..", "..", "..");
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? join(root, "schema", "supergraph.graphql");
  const subgraphUrls: Record<string, string> = {};
  for (const name of ["registry", "engagement", "evaluation"]) {
    const url = process.env[`${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  const server = await startGateway({
    port: Number(process.env.PORT ?? 4000),
    host: process.env.HOST ?? "127.0.0.1",
    supergraphSdl: readFileSync(supergraphPath, "utf8"),
    subgraphUrls,
    dashboardDir: process.env.DASHBOARD_DIR ?? join(root, "dashboard", "dist"),
  });
  console.log(`[gateway] ready at ${server.url}`);
  onShutdown(() => server.stop());
}

main().catch((error) => {
  console.error("[gateway] failed to start", error);
  process.exit(1);
});
