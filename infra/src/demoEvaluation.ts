import { randomUUID } from "node:crypto";
import {
  bearer,
  GATEWAY_SECRET_HEADER,
  generateServiceSecurity,
  postGraphQL,
  ProvisionedDatabase,
  Role,
  signAccessToken,
} from "@hamafza/common";
import { createEvaluationDataSource } from "@hamafza/evaluation";
import { RunningParts, startDomainSubgraphs, stopAll } from "./stack";

/**
 * Demo mode: the 1404 cycle gets a real computation run, made the production way — the evaluation service reads the
 * demo facts from the registry and engagement subgraphs over HTTP — so the demo's scores, ranks and evidence are
 * the rubric's, not a stand-in. The three subgraphs run here briefly, on free ports, with a throw-away gateway
 * secret and key pair; the run is recorded as made by `demo.evaluator`. Skipped (nothing started) when the cycle
 * already has a run.
 */
export async function computeDemoEvaluationRun(
  provisioned: ProvisionedDatabase,
  year: number,
): Promise<{ managersScored: number } | null> {
  const evaluationDb = createEvaluationDataSource(provisioned.serviceUrls.evaluation);
  const running: RunningParts = { servers: [], dataSources: [evaluationDb] };
  try {
    await evaluationDb.initialize();
    const [{ runs }] = await evaluationDb.query(
      `SELECT count(*)::int AS runs FROM evaluation_run r JOIN evaluation_cycle c ON c.id = r.cycle_id WHERE c.year = $1`,
      [year],
    );
    if (runs > 0) return null;
    const security = generateServiceSecurity();
    const { evaluation } = await startDomainSubgraphs(provisioned, security, running, evaluationDb);
    const evaluator = {
      id: randomUUID(),
      username: "demo.evaluator",
      role: Role.EVALUATOR,
      provinceId: null,
      countyId: null,
      sessionId: randomUUID(),
    };
    const token = await signAccessToken(security.keys, evaluator, new Date(Date.now() + 10 * 60_000));
    const result = await postGraphQL(
      evaluation.url,
      `mutation ($year: Int!) { runEvaluation(year: $year) { managersScored } }`,
      { year },
      { ...bearer(token), [GATEWAY_SECRET_HEADER]: security.gatewaySecret },
    );
    if (result.errors) throw new Error(`demo evaluation run failed: ${result.errors[0].message}`);
    return result.data!.runEvaluation;
  } finally {
    await stopAll(running);
  }
}
