import { bearer, postGraphQL, withClient } from "@hamafza/common";
import { unpackSnapshot } from "@hamafza/evaluation";
import { LoadResult } from "./load";

/**
 * S6: `runEvaluation(year: 1404)` through the gateway as `admin`, so the evaluation service reads the registry and
 * engagement subgraphs over HTTP as in production; then the stored snapshot's size (format 3: the JSONB header plus
 * the packed bytes; as text: the facts' JSON unpacked) and a recompute from it.
 */
export async function benchEvaluation(
  gatewayUrl: string,
  adminUrl: string,
  token: string,
): Promise<{ load: LoadResult; extra: Record<string, unknown> }> {
  const started = performance.now();
  const run = await postGraphQL(
    gatewayUrl,
    `mutation { runEvaluation(year: 1404) { id managersScored durationMs } }`,
    {},
    bearer(token),
  );
  const elapsed = performance.now() - started;
  if (run.errors)
    throw new Error(`runEvaluation: ${run.errors[0].message} ${JSON.stringify(run.errors[0].extensions ?? {})}`);
  const { id, managersScored, durationMs } = run.data!.runEvaluation;
  const [size] = await withClient(
    adminUrl,
    async (client) =>
      (
        await client.query(
          `SELECT pg_column_size(snapshot) + coalesce(pg_column_size(snapshot_packed), 0) AS stored, snapshot_packed AS packed, snapshot->>'encoding' AS encoding,
                  octet_length(snapshot::text) AS text FROM evaluation.evaluation_run WHERE id = $1`,
          [id],
        )
      ).rows,
  );
  // Format 3 (packed): the facts' JSON text is measured unpacked.
  if (size?.packed)
    size.text = Buffer.byteLength(JSON.stringify(await unpackSnapshot(size.packed, size.encoding)), "utf8");
  const recomputeStarted = performance.now();
  const again = await postGraphQL(
    gatewayUrl,
    `query ($id: ID!) { recomputeEvaluationRun(runId: $id) { identical } }`,
    { id },
    bearer(token),
  );
  const recomputeMs = performance.now() - recomputeStarted;
  return {
    load: {
      requests: 1,
      reqPerSec: 1000 / elapsed,
      p50: elapsed,
      p95: elapsed,
      p99: elapsed,
      errors: again.errors ? 1 : 0,
      firstError: again.errors?.[0].message,
      durationMs: elapsed,
    },
    extra: {
      managersScored,
      serviceMs: durationMs,
      snapshotMb: Number((Number(size?.stored ?? 0) / 1048576).toFixed(1)),
      snapshotTextMb: Number((Number(size?.text ?? 0) / 1048576).toFixed(1)),
      recomputeMs: Math.round(recomputeMs),
      identical: again.data?.recomputeEvaluationRun.identical,
    },
  };
}
