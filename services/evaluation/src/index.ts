import {
  createServiceDataSource,
  JobQueue,
  RunningServer,
  ServiceSecurity,
  registerUserJobs,
  setting,
  startSubgraphServer,
} from "@hamafza/common";
import { DataSource } from "typeorm";
import { InitEvaluation1763800000000 } from "./migrations/1763800000000-InitEvaluation";
import { ScoreTerritoryAndPublication1763900000000 } from "./migrations/1763900000000-ScoreTerritoryAndPublication";
import { EvaluationCycles1764300000000 } from "./migrations/1764300000000-EvaluationCycles";
import { RunProgress1764400000000 } from "./migrations/1764400000000-RunProgress";
import { EvaluationVersions1765200000002 } from "./migrations/1765200000002-EvaluationVersions";
import { CurrentResults1765300000000 } from "./migrations/1765300000000-CurrentResults";
import { RunFailureCode1766100000000 } from "./migrations/1766100000000-RunFailureCode";
import { PackedSnapshot1766800000000 } from "./migrations/1766800000000-PackedSnapshot";
import { RulesVersion1767270000000 } from "./migrations/1767270000000-RulesVersion";
import { EvaluationObjections1767270000001 } from "./migrations/1767270000001-EvaluationObjections";
import { PackedEvidence1767300000000 } from "./migrations/1767300000000-PackedEvidence";
import { ResultsJsonText1767340000040 } from "./migrations/1767340000040-ResultsJsonText";
import { ScoreboardRankIndex1767340000080 } from "./migrations/1767340000080-ScoreboardRankIndex";
import { runQueueDefinition } from "./runQueue";
import { FactsSource, registerUpstream } from "./upstream";
import { buildEvaluationSchema, evaluationEntities } from "./schema";

export { buildEvaluationSchema, evaluationEntities } from "./schema";
export { openDemoCycle } from "./seed/cycle";
export * from "./scoring";
export * from "./scoredResults";
export {
  internUuids,
  packSnapshot,
  PACKED_SNAPSHOT_ENCODING,
  restoreUuids,
  TABLE_FIRST_ENCODING,
  unpackSnapshot,
} from "./snapshotPacking";
export { syntheticFacts } from "./seed/syntheticFacts";
export type { FactsSource } from "./upstream";

export const SERVICE_NAME = "evaluation";
export const evaluationMigrations = [
  InitEvaluation1763800000000,
  ScoreTerritoryAndPublication1763900000000,
  EvaluationCycles1764300000000,
  RunProgress1764400000000,
  EvaluationVersions1765200000002,
  CurrentResults1765300000000,
  RunFailureCode1766100000000,
  PackedSnapshot1766800000000,
  RulesVersion1767270000000,
  EvaluationObjections1767270000001,
  PackedEvidence1767300000000,
  ResultsJsonText1767340000040,
  ScoreboardRankIndex1767340000080,
];

export function createEvaluationDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: SERVICE_NAME,
    entities: evaluationEntities,
    migrations: evaluationMigrations,
  });
}

export interface EvaluationOptions {
  db: DataSource;
  port: number;
  security: ServiceSecurity;
  /** The registry and engagement subgraphs (computation runs read facts there, FINAL locks engagement there). */
  registryUrl?: string;
  engagementUrl?: string;
  /** Tests: facts of a run without HTTP. */
  factsSource?: FactsSource;
}

export async function startEvaluation(options: EvaluationOptions): Promise<RunningServer> {
  registerUpstream(
    options.db,
    {
      registryUrl: options.registryUrl ?? setting("REGISTRY_URL"),
      engagementUrl: options.engagementUrl ?? setting("ENGAGEMENT_URL"),
      gatewaySecret: options.security.gatewaySecret,
    },
    options.factsSource,
  );
  // Computation runs are jobs (runQueue.ts): every evaluation process works them, a killed one's are retried.
  const gatewaySecret = options.security.gatewaySecret;
  const jobs = await JobQueue.start({
    service: SERVICE_NAME,
    db: options.db,
    queues: [runQueueDefinition(options.db, gatewaySecret)],
  });
  registerUserJobs(options.db, jobs, gatewaySecret);
  try {
    const server = await startSubgraphServer({
      name: SERVICE_NAME,
      schema: await buildEvaluationSchema(),
      db: options.db,
      port: options.port,
      security: options.security,
    });
    return {
      ...server,
      // Running jobs first (finished within the grace period, or handed back to the queue), then the server.
      stop: async () => {
        await jobs.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await jobs.stop();
    throw error;
  }
}
