import { normalizePersian } from "@hamafza/common";
import { packEvidence } from "./evidencePacking";
import { ManagerResultData } from "./scoringTypes";

/**
 * A slice of a run's results as one multi-row INSERT with one parameter per value (pure). Each value reaches
 * PostgreSQL once, as its column's own input: the indicators and evidence strings (`json` columns) are only
 * validated, where one JSON document of the slice was built whole into `jsonb`, spilled to a tuple store by
 * `jsonb_to_recordset` and its values taken apart again (≈ 40 % less PostgreSQL CPU for the same rows).
 */

/** The columns written per result, after the run, cycle and year every row shares ($1–$3). */
const PER_RESULT: [column: string, type: string][] = [
  ["manager_id", "uuid"],
  ["manager_name", "text"],
  ["manager_name_normalized", "text"],
  ["position", "text"],
  ["position_kind", "text"],
  ["province_id", "text"],
  ["county_id", "text"],
  ["tenure_quarters", "int[]"],
  ["total", "numeric"],
  ["grade", "text"],
  ["province_rank", "int"],
  ["national_rank", "int"],
  ["indicators", "json"],
  ["evidence_strings", "json"],
];

/** PostgreSQL takes at most 65,535 parameters in a statement. */
export const MAX_RESULTS_PER_INSERT = Math.floor((65_535 - 3) / PER_RESULT.length);

const statements = new Map<number, string>();

/** The statement for `count` results: cached per count (a run's slices are all of one size but the last). */
function insertStatement(count: number): string {
  let sql = statements.get(count);
  if (sql === undefined) {
    const rows: string[] = [];
    for (let i = 0; i < count; i++) {
      const base = 4 + i * PER_RESULT.length;
      const values = PER_RESULT.map(([, type], j) => `$${base + j}::${type}`);
      rows.push(`($1::uuid, $2::uuid, $3::int, ${values.join(", ")}, true)`);
    }
    sql = `INSERT INTO evaluation_result (run_id, cycle_id, year, ${PER_RESULT.map(([column]) => column).join(", ")}, is_current) VALUES ${rows.join(", ")}`;
    statements.set(count, sql);
  }
  return sql;
}

/**
 * A result's values as `resultsInsertOf` writes them (its columns after the run, cycle and year): the evidence packed
 * (its distinct strings once per result) and the name normalized as the results table keeps them.
 */
export function resultValues(r: ManagerResultData): unknown[] {
  const { indicators, strings } = packEvidence(r.indicators);
  return [
    r.managerId,
    r.managerName,
    normalizePersian(r.managerName),
    r.position,
    r.positionKind,
    r.provinceId,
    r.countyId,
    r.tenureQuarters,
    r.total,
    r.grade,
    r.provinceRank,
    r.nationalRank,
    JSON.stringify(indicators),
    JSON.stringify(strings),
  ];
}

/** The INSERT of results given by their `resultValues` (a run builds them one by one as the results come). */
export function resultsInsertOf(
  runId: string,
  cycleId: string,
  year: number,
  rows: unknown[][],
): { sql: string; params: unknown[] } {
  if (rows.length === 0 || rows.length > MAX_RESULTS_PER_INSERT)
    throw new RangeError(`resultsInsertOf: ${rows.length} results (1 to ${MAX_RESULTS_PER_INSERT} in a statement)`);
  const params: unknown[] = [runId, cycleId, year];
  for (const row of rows) for (const value of row) params.push(value);
  return { sql: insertStatement(rows.length), params };
}
