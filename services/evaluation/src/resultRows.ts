import { copyLine, normalizePersian } from "@hamafza/common";
import { packEvidence } from "./evidencePacking";
import { ManagerResultData } from "./scoringTypes";

/**
 * A run's results as the rows of one `COPY evaluation_result … FROM STDIN` (pure), one line per result written as
 * it is scored. Each value reaches PostgreSQL once, as its column's own text input (the indicators and evidence
 * strings, `json` columns, only validated); no statement with thousands of parameters to build, bind and keep while
 * PostgreSQL works on it (issue 13, tenth round: the multi-row INSERTs it replaces held two slices of 1,000 results'
 * values alive at once, garbage V8 promoted by the hundred MB).
 */

/** The columns written per result, after the run, cycle and year every row shares; `is_current` ends each row. */
const PER_RESULT = [
  "manager_id",
  "manager_name",
  "manager_name_normalized",
  "position",
  "position_kind",
  "province_id",
  "county_id",
  "tenure_quarters",
  "total",
  "grade",
  "province_rank",
  "national_rank",
  "indicators",
  "evidence_strings",
];

/** The statement the lines of `resultCopyLine` are written to. */
export const RESULTS_COPY_SQL = `COPY evaluation_result (run_id, cycle_id, year, ${PER_RESULT.join(", ")}, is_current) FROM STDIN`;

/** A result's row (its `resultValues`, after the run, cycle and year) as one line of `RESULTS_COPY_SQL`'s input. */
export function resultCopyLine(runId: string, cycleId: string, year: number, values: unknown[]): string {
  if (values.length !== PER_RESULT.length)
    throw new RangeError(`resultCopyLine: ${values.length} values for ${PER_RESULT.length} columns`);
  return copyLine([runId, cycleId, year, ...values, true]);
}

/**
 * A result's values as its row holds them (its columns after the run, cycle and year): the evidence packed
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
