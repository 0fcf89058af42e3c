import { bearer, postGraphQL, withClient } from "@hamafza/common";
import { syntheticNgoRows, toNgoCsv } from "@hamafza/registry";
import { LoadResult } from "./load";

/** S7: `importNgos` of 5,000 (quick: 500) synthetic rows (Zanjan's counties) through the gateway, in one request and transaction. */
export async function benchImport(
  gatewayUrl: string,
  token: string,
  adminUrl?: string,
  rows = 5000,
): Promise<{ load: LoadResult; extra: Record<string, unknown> }> {
  const counties = adminUrl
    ? await withClient(adminUrl, async (c) =>
        (await c.query(`SELECT id FROM registry.county WHERE province_id = '19' ORDER BY id`)).rows.map(
          (r) => r.id as string,
        ),
      )
    : ["1901", "1902", "1903", "1904", "1905", "1906", "1907", "1908"];
  const csv = toNgoCsv(syntheticNgoRows(rows, counties, "15"));
  const started = performance.now();
  const result = await postGraphQL(
    gatewayUrl,
    `mutation($csv: String!) { importNgos(csv: $csv) { ok importedCount problemCount durationMs } }`,
    { csv },
    bearer(token),
  );
  const elapsed = performance.now() - started;
  const report = result.data?.importNgos;
  if (result.errors || !report?.ok)
    throw new Error(`importNgos: ${result.errors?.[0].message ?? `${report?.problemCount} problems`}`);
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
