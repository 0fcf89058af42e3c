import { randomUUID } from "node:crypto";
import { bearer, GATEWAY_SECRET_HEADER, generateServiceSecurity, postGraphQL, ProvisionedDatabase, Role, RunningServer, signAccessToken } from "@hamafza/common";
import { createEngagementDataSource, startEngagement } from "@hamafza/engagement";
import { createEvaluationDataSource, startEvaluation } from "@hamafza/evaluation";
import { createRegistryDataSource, startRegistry } from "@hamafza/registry";
import { DataSource } from "typeorm";

/**
 * Demo mode: the 1404 cycle gets a real computation run, made the production way — the evaluation service reads the
 * demo facts from the registry and engagement subgraphs over HTTP — so the demo's scores, ranks and evidence are
 * the rubric's, not a stand-in. The three subgraphs run here briefly, on free ports, with a throw-away gateway
 * secret and key pair; the run is recorded as made by `demo.evaluator`. Skipped when the cycle already has a run.
 */
export async function computeDemoEvaluationRun(provisioned: ProvisionedDatabase, year: number): Promise<{ managersScored: number } | null> {
  const evaluationDb = createEvaluationDataSource(provisioned.serviceUrls.evaluation);
  const dataSources: DataSource[] = [evaluationDb, createRegistryDataSource(provisioned.serviceUrls.registry), createEngagementDataSource(provisioned.serviceUrls.engagement)];
  const servers: RunningServer[] = [];
  try {
    await Promise.all(dataSources.map((db) => db.initialize()));
    const [{ runs }] = await evaluationDb.query(`SELECT count(*)::int AS runs FROM evaluation_run r JOIN evaluation_cycle c ON c.id = r.cycle_id WHERE c.year = $1`, [year]);
    if (runs > 0) return null;
    const security = generateServiceSecurity();
    const registry = await startRegistry({ db: dataSources[1], port: 0, security });
    servers.push(registry);
    const engagement = await startEngagement({ db: dataSources[2], port: 0, security });
    servers.push(engagement);
    const evaluation = await startEvaluation({ db: evaluationDb, port: 0, security, registryUrl: registry.url, engagementUrl: engagement.url });
    servers.push(evaluation);
    const evaluator = { id: randomUUID(), username: "demo.evaluator", role: Role.EVALUATOR, provinceId: null, countyId: null, sessionId: randomUUID() };
    const token = await signAccessToken(security.keys, evaluator, new Date(Date.now() + 10 * 60_000));
    const result = await postGraphQL(evaluation.url, `mutation ($year: Int!) { runEvaluation(year: $year) { managersScored } }`, { year }, { ...bearer(token), [GATEWAY_SECRET_HEADER]: security.gatewaySecret });
    if (result.errors) throw new Error(`demo evaluation run failed: ${result.errors[0].message}`);
    return result.data!.runEvaluation;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await Promise.all(dataSources.map((db) => (db.isInitialized ? db.destroy() : undefined)));
  }
}
