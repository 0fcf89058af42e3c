import { generateServiceSecurity, postGraphQL, Role, RunningServer } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import {
  createEvaluationDataSource,
  CURRENT_RULES_VERSION,
  FactsSnapshotV2,
  internUuids,
  PACKED_SNAPSHOT_ENCODING,
  startEvaluation,
  syntheticFacts,
  TABLE_FIRST_ENCODING,
  unpackSnapshot,
} from "@hamafza/evaluation";
import { prepareTestDatabase } from "@hamafza/infra";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress } from "node:zlib";
import { DataSource } from "typeorm";

/**
 * Snapshot formats through the service: a run stored by the first version (format 1 snapshot, results hash written
 * by the scoring of that time) recomputes to the same bytes; a new run stores format 3 (format 2 facts packed) and
 * recomputes identically, and so does the same run stored as earlier format 3 runs (one brotli stream, the id table
 * first) and as format 2 runs were.
 */
const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures", "format1Run.json"), "utf8")) as {
  snapshot: { asOf: string; managers: unknown[] };
  runs: { rubric: unknown[]; resultsHash: string; resultsText: string }[];
};

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let server: RunningServer;
const security = generateServiceSecurity();
const facts = syntheticFacts(300);

beforeAll(async () => {
  database = await prepareTestDatabase("evalformats", { demo: false });
  db = createEvaluationDataSource(database.serviceUrls.evaluation);
  await db.initialize();
  await db.query(`UPDATE evaluation_cycle SET state = 'OPEN' WHERE year = 1404`);
  server = await startEvaluation({ db, port: 0, security, factsSource: async () => facts });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await database?.drop();
});

async function recompute(runId: string) {
  const headers = await subgraphHeaders(security, { role: Role.EVALUATOR });
  const result = await postGraphQL(
    server.url,
    `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { storedHash recomputedHash identical managers } }`,
    { id: runId },
    headers,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.recomputeEvaluationRun;
}

it.each(fixture.runs.map((run, i) => [i, run] as const))(
  "a stored format 1 run (%i) recomputes byte-equal",
  async (_, run) => {
    const managers = JSON.parse(run.resultsText).length as number;
    const [{ id }] = await db.query(
      `INSERT INTO evaluation_run (cycle_id, year, province_id, rubric, status, phase, progress, snapshot, results_hash,
                                   facts_as_of, managers_scored, managers_without_tenure, computed_by, duration_ms, finished_at, rules_version)
       SELECT id, year, NULL, $1::jsonb, 'SUCCEEDED', 'DONE', 100, $2::jsonb, $3, $4, $5, $6, 'format-1', 1000, now(), 1
         FROM evaluation_cycle WHERE year = 1404 RETURNING id`,
      [
        JSON.stringify(run.rubric),
        JSON.stringify(fixture.snapshot),
        run.resultsHash,
        fixture.snapshot.asOf,
        managers,
        fixture.snapshot.managers.length - managers,
      ],
    );
    const [{ version }] = await db.query(
      `SELECT snapshot->'formatVersion' AS version FROM evaluation_run WHERE id = $1`,
      [id],
    );
    expect(version).toBeNull();
    expect(await recompute(id)).toEqual({
      storedHash: run.resultsHash,
      recomputedHash: run.resultsHash,
      identical: true,
      managers,
    });
  },
);

it("a new run stores a format 3 snapshot (format 2 facts packed) and recomputes identically, as does the same run stored as earlier format 3 runs and in format 2", async () => {
  const headers = await subgraphHeaders(security, { role: Role.EVALUATOR });
  const result = await postGraphQL(
    server.url,
    `mutation { runEvaluation(year: 1404) { id managersScored resultsHash rulesVersion } }`,
    {},
    headers,
  );
  expect(result.errors).toBeUndefined();
  const run = result.data!.runEvaluation;
  expect(run.managersScored).toBe(300);
  expect(run.rulesVersion).toBe(CURRENT_RULES_VERSION);
  const [row] = await db.query(
    `SELECT snapshot, snapshot_packed AS packed, octet_length(snapshot_packed) AS bytes FROM evaluation_run WHERE id = $1`,
    [run.id],
  );
  expect(row.snapshot).toEqual({
    formatVersion: 3,
    year: 1404,
    asOf: facts.asOf,
    encoding: PACKED_SNAPSHOT_ENCODING,
  });
  const unpacked = await unpackSnapshot(row.packed, row.snapshot.encoding);
  expect(unpacked).toMatchObject({ formatVersion: 2, rules: { minWorkingGroupSessions: 2, responseDays: 30 } });
  expect(unpacked.facts).toHaveLength(facts.facts.length);
  expect((unpacked as FactsSnapshotV2).agencies).toHaveLength(facts.agencies.length);
  expect(row.bytes).toBeLessThan(JSON.stringify(unpacked).length / 5);
  const identical = { storedHash: run.resultsHash, recomputedHash: run.resultsHash, identical: true, managers: 300 };
  expect(await recompute(run.id)).toEqual(identical);
  // The same run as the format 3 runs before the eleventh round of issue 13 stored it: one brotli stream, table first.
  const tableFirst = await promisify(brotliCompress)(Buffer.from(internUuids(JSON.stringify(unpacked)), "utf8"));
  await db.query(`UPDATE evaluation_run SET snapshot = $2::jsonb, snapshot_packed = $3 WHERE id = $1`, [
    run.id,
    JSON.stringify({ ...row.snapshot, encoding: TABLE_FIRST_ENCODING }),
    tableFirst,
  ]);
  expect(await recompute(run.id)).toEqual(identical);
  // The same run as runs stored it before format 3: format 2 facts in the JSONB column, nothing packed.
  await db.query(`UPDATE evaluation_run SET snapshot = $2::jsonb, snapshot_packed = NULL WHERE id = $1`, [
    run.id,
    JSON.stringify(unpacked),
  ]);
  const [{ version }] = await db.query(
    `SELECT snapshot->'formatVersion' AS version FROM evaluation_run WHERE id = $1`,
    [run.id],
  );
  expect(version).toBe(2);
  expect(await recompute(run.id)).toEqual(identical);
}, 120_000);

it("a format 3 header without its packed facts is refused by the database", async () => {
  await expect(
    db.query(`UPDATE evaluation_run SET snapshot = '{"formatVersion": 3}'::jsonb, snapshot_packed = NULL`),
  ).rejects.toThrow(/evaluation_run_packed_snapshot/);
});
