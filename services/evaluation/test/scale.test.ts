import { generateServiceSecurity, postGraphQL, Role, RunningServer } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { createEvaluationDataSource, startEvaluation, syntheticFacts } from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

/**
 * Scale behaviour («Scale»): one run over many managers in 450 counties — computed, snapshotted, stored
 * in one mutation, and recomputed identically. The timing of the full 20,000-manager run is in `npm run bench`.
 */
const MANAGERS = Number(process.env.EVALUATION_SCALE_MANAGERS ?? 2_000);

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();

beforeAll(async () => {
  database = await prepareTestDatabase("evalscale", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  await db.query(`UPDATE evaluation_cycle SET state = 'OPEN' WHERE year = 1404`);
  const facts = syntheticFacts(MANAGERS);
  server = await startEvaluation({ db, port: 0, security, factsSource: async () => facts });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

it(`computes ${MANAGERS} managers in one run`, async () => {
  const headers = await subgraphHeaders(security, { role: Role.EVALUATOR });
  const result = await postGraphQL(
    server.url,
    `mutation { runEvaluation(year: 1404) { id managersScored durationMs } }`,
    {},
    headers,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.runEvaluation.managersScored).toBe(MANAGERS);
  const again = await postGraphQL(
    server.url,
    `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`,
    { id: result.data!.runEvaluation.id },
    headers,
  );
  expect(again.data!.recomputeEvaluationRun.identical).toBe(true);
  const board = await postGraphQL(
    server.url,
    `{ evaluationResults(filter: { year: 1404, provinceId: "19" }, limit: 50) { totalCount items { total nationalRank } } }`,
    {},
    headers,
  );
  expect(board.data!.evaluationResults.items.length).toBe(50);
}, 300_000);
