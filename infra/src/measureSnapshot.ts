import { bearer, postGraphQL, withClient } from "@hamafza/common";
import {
  asRulesVersion,
  canonicalResults,
  computeResults,
  FactsSnapshotV1,
  FactsSnapshotV2,
  IndicatorSpec,
  managerFactsOf,
  packSnapshot,
  unpackSnapshot,
} from "@hamafza/evaluation";
import { withNationalStack } from "./nationalStack";

/**
 * `npm run build:services && node infra/dist/measureSnapshot.js`: the size of a whole-country run's facts snapshot
 * on the national data set (NATIONAL_SCALE, default 1), formats 3, 2 and 1. Seeds an embedded PostgreSQL, runs
 * `runEvaluation(year: 1404)` through the in-process gateway (a format 3 snapshot: format 2 facts packed), then
 * stores beside it the same facts as format 2 JSONB and in format 1 (per manager, judged, agency facts repeated —
 * what the first runs stored) and compares the bytes stored (`pg_column_size`, TOAST-compressed) and as JSON text;
 * all must score to the run's results hash.
 */
async function main() {
  const log = (line: string) => console.log(`[snapshot] ${line}`);
  await withNationalStack("snapshot", log, async ({ prepared, stack, token }) => {
    const started = performance.now();
    // Started, then polled (the production way): a whole-country run can outlast the gateway's subgraph timeout.
    const run = await postGraphQL(
      stack.gatewayUrl,
      `mutation { startEvaluationRun(year: 1404) { id } }`,
      {},
      bearer(token),
    );
    if (run.errors) throw new Error(`startEvaluationRun: ${run.errors[0].message}`);
    const id = run.data!.startEvaluationRun.id as string;
    type Finished = {
      status: string;
      managersScored: number;
      resultsHash: string;
      durationMs: number;
      failureMessage: string | null;
    };
    let finished: Finished | undefined;
    while (!finished || finished.status === "RUNNING") {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const poll = await postGraphQL(
        stack.gatewayUrl,
        `query ($id: ID!) { evaluationRun(id: $id) { status managersScored resultsHash durationMs failureMessage } }`,
        { id },
        bearer(token),
      );
      finished = poll.data?.evaluationRun as Finished | undefined;
    }
    if (finished.status !== "SUCCEEDED") throw new Error(`run ${id} ${finished.status}: ${finished.failureMessage}`);
    const { managersScored, resultsHash, durationMs } = finished;
    log(
      `run ${id}: ${managersScored} managers in ${Math.round(performance.now() - started)} ms (service ${durationMs} ms)`,
    );
    await withClient(prepared.adminUrl, async (client) => {
      const [row] = (
        await client.query(
          `SELECT snapshot_packed AS packed, snapshot->>'encoding' AS encoding, pg_column_size(snapshot) + pg_column_size(snapshot_packed) AS stored, rubric, rules_version
               FROM evaluation.evaluation_run WHERE id = $1`,
          [id],
        )
      ).rows;
      const unpackStarted = performance.now();
      const v2 = (await unpackSnapshot(row.packed, row.encoding)) as FactsSnapshotV2;
      const unpackMs = Math.round(performance.now() - unpackStarted);
      const packStarted = performance.now();
      await packSnapshot(v2);
      const packMs = Math.round(performance.now() - packStarted);
      const factsOf = managerFactsOf(v2);
      const v1: FactsSnapshotV1 = {
        year: v2.year,
        asOf: v2.asOf,
        managers: v2.managers,
        facts: v2.managers.map(
          (m) => factsOf(m) ?? { managerId: m.id, meetings: [], resolutions: [], workingGroups: [], requests: [] },
        ),
        licenceStates: v2.licenceStates,
        activeNgos: v2.activeNgos,
        licensedNgos: v2.licensedNgos,
      };
      const rubric = row.rubric as IndicatorSpec[];
      const mb = (bytes: number) => (Number(bytes) / 1_000_000).toFixed(1);
      const part = (value: unknown) => (JSON.stringify(value).length / 1_000_000).toFixed(1);
      log(
        `format 2 by part (MB of JSON characters): managers ${part(v2.managers)}, meetings ${part(v2.facts.map((f) => f.meetings))}, ` +
          `own resolutions and groups ${part(v2.facts.map((f) => [f.resolutions, f.workingGroups]))}, agencies ${part(v2.agencies)}, ` +
          `licence states ${part(v2.licenceStates)}, active NGO counts ${part(v2.activeNgos)}`,
      );
      for (const [name, snapshot] of [
        ["format 2", v2],
        ["format 1", v1],
      ] as const) {
        const { hash } = canonicalResults(computeResults(snapshot, rubric, asRulesVersion(row.rules_version)));
        log(`${name} scores to the run's results: ${hash === resultsHash}`);
      }
      log(
        `format 3 (the run as stored): ${mb(row.stored)} MB stored (header + packed bytes), ` +
          `${mb(Buffer.byteLength(JSON.stringify(v2)))} MB as JSON text unpacked; pack ${packMs} ms, unpack ${unpackMs} ms`,
      );
      await client.query(`CREATE TABLE public.snapshot_measure (format int PRIMARY KEY, snapshot jsonb NOT NULL)`);
      await client.query(`INSERT INTO public.snapshot_measure VALUES (2, $1::jsonb)`, [JSON.stringify(v2)]);
      try {
        await client.query(`INSERT INTO public.snapshot_measure VALUES (1, $1::jsonb)`, [JSON.stringify(v1)]);
      } catch (error) {
        // At full national size format 1 can pass jsonb's 256 MB limit (54000): say so, measure the rest.
        log(`format 1 not storable as jsonb: ${(error as Error).message}`);
      }
      const sizes = (
        await client.query(
          `SELECT format, pg_column_size(snapshot) AS stored, octet_length(snapshot::text) AS text FROM public.snapshot_measure ORDER BY format`,
        )
      ).rows as { format: number; stored: number; text: number }[];
      for (const s of sizes) log(`format ${s.format}: ${mb(s.stored)} MB stored, ${mb(s.text)} MB as JSON text`);
      log(
        `agencies with facts ${v2.agencies.length}, managers with own facts ${v2.facts.length} of ${v2.managers.length}, ` +
          `agency resolutions ${v2.agencies.reduce((n, a) => n + a.resolutions.length, 0)}, ` +
          `requests ${v2.agencies.reduce((n, a) => n + a.requests.length, 0)}; ` +
          `format 1 lists ${v1.facts.reduce((n, f) => n + f.resolutions.length, 0)} resolutions and ` +
          `${v1.facts.reduce((n, f) => n + f.requests.length, 0)} requests`,
      );
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
