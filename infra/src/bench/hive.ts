import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GATEWAY_SECRET_HEADER } from "@hamafza/common";
import { REPO_ROOT, SUPERGRAPH_FILE } from "../paths";
import { BenchProcess, launch, waitForHealth } from "./processes";

/**
 * Hive Gateway (`@graphql-hive/gateway`, a dev dependency of infra only) serving the same supergraph, pointed at
 * this run's subgraphs, without auth or armor (it does less than ours). Subgraphs accept only requests carrying
 * the gateway secret and a valid token (docs/security.md), so it sends the secret and forwards the client's
 * Authorization header. `dedup`: its default in-flight deduplication of identical subgraph requests, or off.
 */
export async function startHive(
  workDir: string,
  port: number,
  subgraphUrls: Record<string, string>,
  gatewaySecret: string,
  dedup: boolean,
): Promise<BenchProcess> {
  const dir = join(workDir, `hive-${dedup ? "dedup" : "nodedup"}`);
  mkdirSync(dir, { recursive: true });
  let supergraph = readFileSync(SUPERGRAPH_FILE, "utf8");
  supergraph = supergraph.replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (whole, name: string) =>
    subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole,
  );
  writeFileSync(join(dir, "supergraph.graphql"), supergraph);
  writeFileSync(
    join(dir, "gateway.config.mjs"),
    `export const gatewayConfig = {
  supergraph: ${JSON.stringify(join(dir, "supergraph.graphql"))},
  logging: "error",
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      return { authorization: request.headers.get("authorization") ?? "", ${JSON.stringify(GATEWAY_SECRET_HEADER)}: process.env.BENCH_GATEWAY_SECRET };
    },
  },
  transportEntries: { "*.http": { options: { deduplicateInflightRequests: ${dedup} } } },
};
`,
  );
  const bin = join(REPO_ROOT, "node_modules", "@graphql-hive", "gateway", "dist", "bin.js");
  const hive = launch(
    `hive${dedup ? "" : "-nodedup"}`,
    process.execPath,
    [
      bin,
      "supergraph",
      join(dir, "supergraph.graphql"),
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--config-path",
      join(dir, "gateway.config.mjs"),
    ],
    { BENCH_GATEWAY_SECRET: gatewaySecret },
    `http://127.0.0.1:${port}/graphql`,
    dir,
  );
  await waitForHealth(hive.name, `http://127.0.0.1:${port}/healthcheck`);
  return hive;
}
