import { bearer, postGraphQL, withClient } from "@hamafza/common";
import { syntheticNgoRows, toNgoCsv } from "@hamafza/registry";
import { LoadResult } from "./load";

const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) {
  importNgos(csv: $csv, dryRun: $dryRun) { ok importedCount problemCount durationMs }
}`;

/** S7's file: `rows` synthetic NGOs (Zanjan's counties) as CSV. */
export async function importFile(adminUrl: string, rows: number): Promise<string> {
  const counties = await withClient(adminUrl, async (c) =>
    (await c.query(`SELECT id FROM registry.county WHERE province_id = '19' ORDER BY id`)).rows.map(
      (r) => r.id as string,
    ),
  );
  return toNgoCsv(syntheticNgoRows(rows, counties, "15"));
}

async function importNgos(gatewayUrl: string, token: string, csv: string, dryRun: boolean) {
  const started = performance.now();
  const result = await postGraphQL(gatewayUrl, IMPORT, { csv, dryRun }, bearer(token));
  const elapsed = performance.now() - started;
  const report = result.data?.importNgos;
  if (result.errors || !report?.ok)
    throw new Error(`importNgos: ${result.errors?.[0].message ?? `${report?.problemCount} problems`}`);
  return { elapsed, report };
}

/**
 * S7's warm-up, as every other scenario has one: the same file as a dry run (every check, nothing written), so the
 * measured import does not pay the first call's compilation of the parsing and checking code. Answers its time.
 */
export async function warmUpImport(gatewayUrl: string, token: string, csv: string): Promise<number> {
  return (await importNgos(gatewayUrl, token, csv, true)).elapsed;
}

/** S7: `importNgos` of the file through the gateway, in one request and transaction. */
export async function benchImport(
  gatewayUrl: string,
  token: string,
  csv: string,
): Promise<{ load: LoadResult; extra: Record<string, unknown> }> {
  const { elapsed, report } = await importNgos(gatewayUrl, token, csv, false);
  return {
    load: {
      requests: 1,
      reqPerSec: 1000 / elapsed,
      p50: elapsed,
      p95: elapsed,
      p99: elapsed,
      errors: 0,
      durationMs: elapsed,
    },
    extra: {
      importedCount: report.importedCount,
      csvKiB: Math.round(Buffer.byteLength(csv) / 1024),
      registryMs: report.durationMs,
    },
  };
}
