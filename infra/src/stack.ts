import { readFileSync } from "node:fs";
import { generateServiceSecurity, RunningServer, ServiceSecurity } from "@hamafza/common";
import { createEngagementDataSource, startEngagement } from "@hamafza/engagement";
import { createEvaluationDataSource, startEvaluation } from "@hamafza/evaluation";
import { startGateway } from "@hamafza/gateway";
import { createIdentityDataSource, LoginPolicy, startIdentity } from "@hamafza/identity";
import { createRegistryDataSource, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { DASHBOARD_DIST, SUPERGRAPH_FILE } from "./paths";
import { PreparedDatabase } from "./prepare";

export interface InProcessStack {
  gatewayUrl: string;
  baseUrl: string;
  subgraphUrls: Record<string, string>;
  /** The gateway secret and token keys of this stack (tests sign their own tokens with them). */
  security: ServiceSecurity;
  stop(): Promise<void>;
}

/**
 * The four subgraphs and the gateway in this process, on free ports (port 0), against a prepared database:
 * what the federation and browser tests run. `npm start` runs the same servers as separate processes.
 */
export async function startInProcessStack(
  prepared: PreparedDatabase,
  options: { dashboardDir?: string; loginPolicy?: LoginPolicy; trustProxy?: string; sessionCacheMs?: number } = {},
): Promise<InProcessStack> {
  const security = generateServiceSecurity();
  const dataSources: DataSource[] = [];
  const servers: RunningServer[] = [];
  const open = async (db: DataSource) => {
    dataSources.push(db);
    await db.initialize(); // prepareDatabase has applied the migrations
    return db;
  };
  try {
    const registry = await startRegistry({ db: await open(createRegistryDataSource(prepared.serviceUrls.registry)), port: 0, security });
    servers.push(registry);
    const engagement = await startEngagement({ db: await open(createEngagementDataSource(prepared.serviceUrls.engagement)), port: 0, security });
    servers.push(engagement);
    const evaluation = await startEvaluation({
      db: await open(createEvaluationDataSource(prepared.serviceUrls.evaluation)),
      port: 0,
      security,
      registryUrl: registry.url,
      engagementUrl: engagement.url,
    });
    servers.push(evaluation);
    const identityDb = await open(createIdentityDataSource(prepared.serviceUrls.identity));
    const identity = await startIdentity({ db: identityDb, port: 0, security, policy: options.loginPolicy });
    servers.push(identity);
    const subgraphUrls = { registry: registry.url, engagement: engagement.url, evaluation: evaluation.url, identity: identity.url };
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, "utf8"),
      subgraphUrls,
      security: { gatewaySecret: security.gatewaySecret, keys: { publicKey: security.keys.publicKey } },
      dashboardDir: options.dashboardDir ?? DASHBOARD_DIST,
      trustProxy: options.trustProxy,
      sessionCacheMs: options.sessionCacheMs,
    });
    servers.push(gateway);
    return {
      gatewayUrl: gateway.url,
      baseUrl: gateway.url.replace(/\/graphql$/, ""),
      subgraphUrls,
      security,
      stop: () => stopAll(servers, dataSources),
    };
  } catch (error) {
    await stopAll(servers, dataSources);
    throw error;
  }
}

async function stopAll(servers: RunningServer[], dataSources: DataSource[]) {
  for (const server of servers.reverse()) await server.stop();
  await Promise.all(dataSources.map((db) => (db.isInitialized ? db.destroy() : undefined)));
}
