import { createHash } from "node:crypto";
import { FactsSnapshot, IndicatorSpec, ManagerResultData, SnapshotManager } from "./scoringTypes";
import { managerFactsOf } from "./snapshot";
import { RulesVersion } from "./rulesVersion";
import { rank, scoreManager } from "./scoring";

/**
 * The results of a run one at a time (pure): what `computeResults` gives, without holding every result with its
 * evidence at once (for the whole country larger than the facts they come from), and their hash as they come.
 */

/**
 * What `computeResults` decides before any evidence (pure): the managers with tenure, in the results' order, and
 * each one's province and national rank — from a first pass that scores without evidence (the totals do not depend
 * on it). `scoredResults` then gives the very results of `computeResults` one at a time.
 */
export interface ResultsPlan {
  managers: { manager: SnapshotManager; provinceRank: number; nationalRank: number }[];
}

export function planResults(snapshot: FactsSnapshot, rubric: IndicatorSpec[], rulesVersion: RulesVersion): ResultsPlan {
  const factsOf = managerFactsOf(snapshot);
  const scored = [...snapshot.managers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((manager) => ({
      manager,
      result: scoreManager(manager, factsOf(manager), rubric, snapshot, rulesVersion, false),
    }))
    .filter((s): s is { manager: SnapshotManager; result: ManagerResultData } => s.result !== null)
    .map(({ manager, result }) => ({
      manager,
      total: result.total,
      provinceId: result.provinceId,
      kind: result.positionKind,
    }));
  const byProvince = rank(scored, (s) => s.provinceId);
  const national = rank(scored, (s) => s.kind);
  return {
    managers: scored.map((s) => ({
      manager: s.manager,
      provinceRank: byProvince.get(s)!,
      nationalRank: national.get(s)!,
    })),
  };
}

/**
 * The results of `computeResults`, equal to them one by one, scored one at a time (after `planResults`), so a caller
 * that hashes, packs and stores them as they come never holds every result with its evidence at once.
 */
export function* scoredResults(
  snapshot: FactsSnapshot,
  rubric: IndicatorSpec[],
  rulesVersion: RulesVersion,
  plan: ResultsPlan = planResults(snapshot, rubric, rulesVersion),
): Generator<ManagerResultData> {
  const factsOf = managerFactsOf(snapshot);
  for (const { manager, provinceRank, nationalRank } of plan.managers) {
    const result = scoreManager(manager, factsOf(manager), rubric, snapshot, rulesVersion)!;
    result.provinceRank = provinceRank;
    result.nationalRank = nationalRank;
    yield result;
  }
}

/**
 * `canonicalResults(results).hash` fed result by result (`[`, each result's JSON, `,` between, `]` — what
 * `JSON.stringify` of the array writes), so a whole-country run never holds its ~300-million-character canonical
 * text, nor (with `scoredResults`) every result at once.
 */
export class ResultsHasher {
  private readonly hash = createHash("sha256").update("[");
  private count = 0;

  add(result: ManagerResultData): void {
    if (this.count++ > 0) this.hash.update(",");
    this.hash.update(JSON.stringify(result));
  }

  digest(): string {
    return this.hash.update("]").digest("hex");
  }
}

/** `canonicalResults(results).hash`, the results given in order, as an array or one at a time. */
export function resultsHash(results: Iterable<ManagerResultData>): string {
  const hasher = new ResultsHasher();
  for (const result of results) hasher.add(result);
  return hasher.digest();
}
