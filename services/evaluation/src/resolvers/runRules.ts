import {
  AppError,
  containsPattern,
  ErrorCode,
  isUuid,
  notFound,
  RequestContext,
  uuidsForFilter,
} from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { EvaluationResult, EvaluationRun, RunStatus } from "../entities/Run";
import { runScopeOf } from "../runner";
import { EvaluationResultFilter, SucceededRun } from "./runInputs";
import { currentResultsOf, visibleResults } from "./runLoaders";
import { unpackSnapshot } from "../snapshotPacking";

export { MAX_ADJUSTMENT } from "../adjustmentRules";

/**
 * The columns only `EvaluationResult.indicators` reads: the indicators with their packed evidence and its strings
 * (≈ 8 KB a result at national scale). A list that does not ask for the indicators leaves them unread.
 */
export const RESULT_INDICATOR_COLUMNS = ["indicators", "evidenceStrings"] as const;

export const RESULT_SORTABLE = {
  total: "result.total",
  provinceRank: "result.provinceRank",
  nationalRank: "result.nationalRank",
  managerName: "result.managerName",
  grade: "result.grade",
};

/** Runs the user may see: national runs for national users; a province's runs for users of it. */
export function visibleRuns(ctx: RequestContext): SelectQueryBuilder<EvaluationRun> {
  const query = ctx.db.getRepository(EvaluationRun).createQueryBuilder("run");
  const province = runScopeOf(ctx);
  if (province) query.andWhere("run.provinceId = :province", { province });
  return query;
}

/** A visible run that succeeded (running and failed runs have no snapshot or results). */
export async function loadSucceededRun(ctx: RequestContext, id: string): Promise<SucceededRun> {
  const run = isUuid(id) ? await visibleRuns(ctx).andWhere("run.id = :id", { id }).getOne() : null;
  if (!run) throw notFound("اجرای محاسبه", id);
  if (run.status !== RunStatus.SUCCEEDED || !run.snapshot || !run.resultsHash) {
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      "این اجرای محاسبه با موفقیت به پایان نرسیده و نتیجه‌ای ندارد؛ یک اجرای موفق را انتخاب کنید.",
      { status: run.status },
    );
  }
  if (run.snapshot.formatVersion === 3) {
    const [{ snapshot_packed: packed }] = (await ctx.db.query(
      `SELECT snapshot_packed FROM evaluation_run WHERE id = $1`,
      [run.id],
    )) as { snapshot_packed: Buffer }[];
    run.snapshot = await unpackSnapshot(packed, run.snapshot.encoding);
  }
  return run as SucceededRun;
}

/** The current results of a year the user may see (for summaries). */
export const currentVisibleResults = (ctx: RequestContext, year: number) => currentResultsOf(visibleResults(ctx), year);

export function filteredResults(
  ctx: RequestContext,
  filter: EvaluationResultFilter | undefined,
): SelectQueryBuilder<EvaluationResult> {
  const query = visibleResults(ctx);
  if (filter?.ids) query.andWhere("result.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
  if (filter?.runId) query.andWhere("result.runId = :runId", { runId: uuidsForFilter([filter.runId])[0] });
  else if (filter?.year) currentResultsOf(query, filter.year);
  else if (!filter?.ids)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "سال یا اجرای محاسبه را مشخص کنید.", {
      fields: [{ field: "filter.year", message: "سال ارزیابی را مشخص کنید." }],
    });
  if (!filter) return query;
  if (filter.q?.trim()) query.andWhere("result.managerNameNormalized LIKE :q", { q: containsPattern(filter.q) });
  if (filter.provinceId) query.andWhere("result.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter.countyId) query.andWhere("result.countyId = :countyId", { countyId: filter.countyId });
  if (filter.positionKind) query.andWhere("result.positionKind = :positionKind", { positionKind: filter.positionKind });
  if (filter.grade) query.andWhere("result.grade = :grade", { grade: filter.grade });
  if (filter.managerId)
    query.andWhere("result.managerId = :managerId", { managerId: uuidsForFilter([filter.managerId])[0] });
  return query;
}
