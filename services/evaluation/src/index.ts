import { createServiceDataSource, RunningServer, ServiceSecurity, startSubgraphServer } from "@hamafza/common";
import { DataSource } from "typeorm";
import { InitEvaluation1763800000000 } from "./migrations/1763800000000-InitEvaluation";
import { ScoreTerritoryAndPublication1763900000000 } from "./migrations/1763900000000-ScoreTerritoryAndPublication";
import { buildEvaluationSchema, evaluationEntities } from "./schema";

export { buildEvaluationSchema, evaluationEntities } from "./schema";
export { loadEvaluationDemoData } from "./seed/demo";
export type { EvaluationDemoInput } from "./seed/demo";

export const SERVICE_NAME = "evaluation";
export const evaluationMigrations = [InitEvaluation1763800000000, ScoreTerritoryAndPublication1763900000000];

export function createEvaluationDataSource(url: string): DataSource {
  return createServiceDataSource({ url, schema: SERVICE_NAME, entities: evaluationEntities, migrations: evaluationMigrations });
}

export async function startEvaluation(options: { db: DataSource; port: number; security: ServiceSecurity }): Promise<RunningServer> {
  return startSubgraphServer({ name: SERVICE_NAME, schema: await buildEvaluationSchema(), db: options.db, port: options.port, security: options.security });
}
