import { createServer } from "node:net";
import { join } from "node:path";
import { ProvisionedDatabase } from "@hamafza/common";
import { DASHBOARD_DIST, REPO_ROOT, SUPERGRAPH_FILE } from "./paths";
import { LogLine, Supervisor } from "./supervisor";

export const SUBGRAPH_NAMES = ["registry", "engagement", "evaluation", "identity"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface ProcessStackOptions {
  host: string;
  gatewayPort: number;
  servicePorts: Record<SubgraphName, number>;
  /** Shared by all: HAMAFZA_GATEWAY_SECRET and HAMAFZA_JWT_PUBLIC_KEY. */
  shared: Record<string, string>;
  /** Given to identity only. */
  privateKeyPem: string;
  /** The environment the children inherit (secrets already removed), plus settings such as timeouts. */
  baseEnv: NodeJS.ProcessEnv;
  log: LogLine;
}

export interface ProcessStack {
  supervisor: Supervisor;
  baseUrl: string;
  serviceUrls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

/**
 * The four subgraphs and the gateway as supervised Node.js processes from their `dist` (what `npm start` runs,
 * and what the fault and soak tests kill, freeze and restart).
 */
export async function startProcessStack(
  prepared: ProvisionedDatabase,
  options: ProcessStackOptions,
): Promise<ProcessStack> {
  const supervisor = new Supervisor(options.log);
  const common = {
    ...options.baseEnv,
    APOLLO_TELEMETRY_DISABLED: "1",
    NODE_ENV: options.baseEnv.NODE_ENV ?? "production",
  };
  const serviceUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) serviceUrls[name] = `http://${options.host}:${options.servicePorts[name]}/graphql`;
  for (const name of SUBGRAPH_NAMES) {
    supervisor.launch(name, join(REPO_ROOT, "services", name, "dist", "main.js"), {
      ...common,
      ...options.shared,
      ...(name === "identity" ? { HAMAFZA_JWT_PRIVATE_KEY: options.privateKeyPem } : {}),
      // The evaluation service reads the facts of a computation run from these subgraphs directly.
      ...(name === "evaluation" ? { REGISTRY_URL: serviceUrls.registry, ENGAGEMENT_URL: serviceUrls.engagement } : {}),
      // Engagement and identity ask the registry whether the records an input names exist (references.ts).
      ...(name === "engagement" || name === "identity" ? { REGISTRY_URL: serviceUrls.registry } : {}),
      // The registry asks engagement whether a record it is about to delete is still named there.
      ...(name === "registry" ? { ENGAGEMENT_URL: serviceUrls.engagement } : {}),
      DATABASE_URL: prepared.serviceUrls[name],
      PORT: String(options.servicePorts[name]),
      HOST: options.host,
    });
  }
  const stop = () => supervisor.stopAll();
  try {
    await Promise.all(
      SUBGRAPH_NAMES.map((name) => waitForHealth(name, serviceUrls[name].replace(/\/graphql$/, "/health"))),
    );
    supervisor.launch("gateway", join(REPO_ROOT, "services", "gateway", "dist", "main.js"), {
      ...common,
      PORT: String(options.gatewayPort),
      HOST: options.host,
      SUPERGRAPH_PATH: SUPERGRAPH_FILE,
      DASHBOARD_DIR: DASHBOARD_DIST,
      REGISTRY_URL: serviceUrls.registry,
      ENGAGEMENT_URL: serviceUrls.engagement,
      EVALUATION_URL: serviceUrls.evaluation,
      IDENTITY_URL: serviceUrls.identity,
      ...options.shared,
    });
    const baseUrl = `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${options.gatewayPort}`;
    await waitForHealth("gateway", `${baseUrl}/health`);
    return { supervisor, baseUrl, serviceUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function waitForHealth(name: string, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
