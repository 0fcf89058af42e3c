import { readFileSync } from "node:fs";
import {
  attachReadReplica,
  createReadReplicaDataSource,
  generateServiceSecurity,
  ProvisionedDatabase,
  RunningServer,
  ServiceSecurity,
} from "@hamafza/common";
import { createEngagementDataSource, startEngagement } from "@hamafza/engagement";
import { createEvaluationDataSource, startEvaluation } from "@hamafza/evaluation";
import { GatewayOptions, startGateway } from "@hamafza/gateway";
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
  /**
   * Stops one subgraph while the rest keep running (fault tests: a service down); its URL then refuses connections.
   * `stop` leaves it alone afterwards.
   */
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export type SubgraphName = "registry" | "engagement" | "evaluation" | "identity";

/**
 * The four subgraphs and the gateway in this process, on free ports (port 0), against a prepared database:
 * what the federation and browser tests run. `npm start` runs the same servers as separate processes.
 */
export async function startInProcessStack(
  prepared: PreparedDatabase,
  options: {
    dashboardDir?: string;
    loginPolicy?: LoginPolicy;
    trustProxy?: string;
    sessionCacheMs?: number;
    /** Read-replica URLs by service (`<SERVICE>_READ_DATABASE_URL` of a process): analytics and exports read there. */
    readReplicaUrls?: Partial<Record<string, string>>;
    /** The gateway's attachment storage and limits (tests use a temporary directory). */
    attachments?: GatewayOptions["attachments"];
  } = {},
): Promise<InProcessStack> {
  const security = generateServiceSecurity();
  const running: RunningParts = { servers: [], dataSources: [], readReplicaUrls: options.readReplicaUrls };
  try {
    const { registry, engagement, evaluation } = await startDomainSubgraphs(prepared, security, running);
    const identityDb = await openTracked(createIdentityDataSource(prepared.serviceUrls.identity), running);
    const identity = await startIdentity({
      db: identityDb,
      port: 0,
      security,
      policy: options.loginPolicy,
      registryUrl: registry.url,
    });
    running.servers.push(identity);
    const subgraphUrls = {
      registry: registry.url,
      engagement: engagement.url,
      evaluation: evaluation.url,
      identity: identity.url,
    };
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, "utf8"),
      subgraphUrls,
      security: { gatewaySecret: security.gatewaySecret, keys: { publicKey: security.keys.publicKey } },
      dashboardDir: options.dashboardDir ?? DASHBOARD_DIST,
      trustProxy: options.trustProxy,
      sessionCacheMs: options.sessionCacheMs,
      attachments: options.attachments,
    });
    running.servers.push(gateway);
    const subgraphs: Record<SubgraphName, RunningServer> = { registry, engagement, evaluation, identity };
    return {
      gatewayUrl: gateway.url,
      baseUrl: gateway.url.replace(/\/graphql$/, ""),
      subgraphUrls,
      security,
      stopSubgraph: async (name) => {
        const at = running.servers.indexOf(subgraphs[name]);
        if (at < 0) return;
        running.servers.splice(at, 1);
        await subgraphs[name].stop();
      },
      stop: () => stopAll(running),
    };
  } catch (error) {
    await stopAll(running);
    throw error;
  }
}

/** What has been started so far, to stop in reverse order (also after a failed start). */
export interface RunningParts {
  servers: RunningServer[];
  dataSources: DataSource[];
  readReplicaUrls?: Partial<Record<string, string>>;
}

async function openTracked(db: DataSource, running: RunningParts): Promise<DataSource> {
  running.dataSources.push(db);
  await db.initialize(); // prepareDatabase has applied the migrations
  const schema = (db.options as { schema?: string }).schema ?? "";
  const readUrl = running.readReplicaUrls?.[schema];
  if (readUrl) {
    const replica = createReadReplicaDataSource(db, readUrl);
    running.dataSources.push(replica);
    await replica.initialize();
    attachReadReplica(db, replica);
  }
  return db;
}

/**
 * Registry, engagement and evaluation (which reads its facts from the other two) on free ports against a prepared
 * database; what the stack runs, and what the demo's first evaluation run needs (computeDemoEvaluationRun).
 */
export async function startDomainSubgraphs(
  prepared: ProvisionedDatabase,
  security: ServiceSecurity,
  running: RunningParts,
  evaluationDb?: DataSource,
) {
  // The registry asks engagement before a deletion; engagement starts after it, so its URL is filled in below.
  const registryAsks: { engagement?: string } = {};
  const registry = await startRegistry({
    db: await openTracked(createRegistryDataSource(prepared.serviceUrls.registry), running),
    port: 0,
    security,
    engagementUrl: registryAsks,
  });
  running.servers.push(registry);
  const engagement = await startEngagement({
    db: await openTracked(createEngagementDataSource(prepared.serviceUrls.engagement), running),
    port: 0,
    security,
    registryUrl: registry.url,
  });
  registryAsks.engagement = engagement.url;
  running.servers.push(engagement);
  const evaluation = await startEvaluation({
    db: evaluationDb ?? (await openTracked(createEvaluationDataSource(prepared.serviceUrls.evaluation), running)),
    port: 0,
    security,
    registryUrl: registry.url,
    engagementUrl: engagement.url,
  });
  running.servers.push(evaluation);
  return { registry, engagement, evaluation };
}

export async function stopAll(running: RunningParts): Promise<void> {
  for (const server of running.servers.reverse()) await server.stop();
  await Promise.all(running.dataSources.map((db) => (db.isInitialized ? db.destroy() : undefined)));
}
