import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  canRead,
  collectGarbageSoon,
  collectOnHeapGrowth,
  EVALUATORS,
  FilterArg,
  IdArg,
  inTransaction,
  isUuid,
  notFound,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  Role,
  selectAllBut,
  selectsPath,
  SortOrder,
  Validator,
} from "@hamafza/common";
import { EvaluationCycle, EvaluationIndicatorInput } from "../entities/Cycle";
import { Manager } from "../entities/Manager";
import { Grade } from "../entities/ManagerScore";
import { EvaluationAdjustment, EvaluationResult, EvaluationRun } from "../entities/Run";
import { beginRun, COMPUTING_STATES, RUN_HEAP_GROWTH_MB, stateRefusal } from "../runner";
import { awaitRun, enqueueRun, failOrphanedRuns, wakeRunWorker } from "../runQueue";
import { asRulesVersion, computeResults, gradeOfTotal, IndicatorSpec, round2 } from "../scoring";
import { planResults, ResultsHasher, scoredResults } from "../scoredResults";
import { assertValidRubric, checkYear, mergeRubric } from "./cycle";
import {
  EvaluationChange,
  EvaluationResultFilter,
  EvaluationResultPage,
  GradeCount,
  RecomputeOutcome,
  WhatIfScore,
} from "./runInputs";
import {
  MAX_ADJUSTMENT,
  RESULT_INDICATOR_COLUMNS,
  RESULT_SORTABLE,
  filteredResults,
  loadSucceededRun,
  visibleRuns,
} from "./runRules";
import { adjustmentsByResult, currentResultByManagerYear, visibleResults } from "./runLoaders";
import { saveAdjustment } from "./adjustment";
import { checkAdjustmentPoints } from "../adjustmentRules";
export { MAX_ADJUSTMENT, currentVisibleResults } from "./runRules";
export {
  EvaluationResultPage,
  EvaluationResultFilter,
  GradeCount,
  RecomputeOutcome,
  EvaluationChange,
  WhatIfScore,
} from "./runInputs";

@Resolver(() => EvaluationRun)
export class EvaluationRunResolver {
  @Allow(EVALUATORS)
  @Mutation(() => EvaluationRun, {
    description:
      "Evaluators: compute the scores of a cycle (OPEN or UNDER_REVIEW) for every manager with tenure in the year in the evaluator's territory: fetches the facts from the registry and engagement services in bulk, snapshots them with the run, and stores each manager's indicators, total, grade and ranks.",
  })
  async runEvaluation(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year of the cycle." }) year: number,
  ): Promise<EvaluationRun> {
    checkYear(year);
    await failOrphanedRuns(ctx);
    const run = await beginRun(ctx, year, enqueueRun(ctx));
    wakeRunWorker(ctx);
    return awaitRun(ctx, run.id);
  }

  @Allow(EVALUATORS)
  @Mutation(() => EvaluationRun, {
    description:
      "Evaluators: start the same computation as `runEvaluation` in the background and return the run at once (status RUNNING); poll `evaluationRun(id)` for its `phase` and `progress` until it SUCCEEDED or FAILED. Refused with INVALID_TRANSITION unless the cycle is OPEN or UNDER_REVIEW, and with CONFLICT while another run of the same cycle and scope is running.",
  })
  async startEvaluationRun(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year of the cycle." }) year: number,
  ): Promise<EvaluationRun> {
    checkYear(year);
    // The run and its job are created together; whichever evaluation process takes the job computes it.
    await failOrphanedRuns(ctx);
    const run = await beginRun(ctx, year, enqueueRun(ctx));
    wakeRunWorker(ctx);
    return run;
  }

  @Allow(EVALUATORS)
  @Query(() => RecomputeOutcome, {
    description:
      "Evaluators: recompute a run from its stored facts snapshot and rubric, under its own rules version, and compare with the stored results byte for byte, by the SHA-256 of their canonical JSON text (nothing is saved).",
  })
  async recomputeEvaluationRun(
    @Ctx() ctx: RequestContext,
    @Arg("runId", () => ID, { description: "The run." }) runId: string,
  ): Promise<RecomputeOutcome> {
    const run = await loadSucceededRun(ctx, runId);
    // One result at a time (ranks from a first pass without evidence): hashed as scored, none kept.
    const rulesVersion = asRulesVersion(run.rulesVersion);
    const plan = planResults(run.snapshot, run.rubric, rulesVersion);
    // The heap collected as the results are hashed whenever it has grown too far (as a run does while storing), and
    // once this returns: the unpacked snapshot, ≈ 175 MB for the whole country, is then garbage.
    const collect = collectOnHeapGrowth(RUN_HEAP_GROWTH_MB);
    const hasher = new ResultsHasher();
    for (const result of scoredResults(run.snapshot, run.rubric, rulesVersion, plan)) {
      hasher.add(result);
      collect();
    }
    const hash = hasher.digest();
    collectGarbageSoon();
    return {
      runId: run.id,
      storedHash: run.resultsHash,
      recomputedHash: hash,
      identical: hash === run.resultsHash,
      managers: plan.managers.length,
    };
  }

  @Allow(EVALUATORS)
  @Query(() => [EvaluationRun], {
    description:
      "Evaluators: the computation runs of a year visible to the user (national runs, or the user's province's), running and failed ones included, newest first.",
  })
  evaluationRuns(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
  ): Promise<EvaluationRun[]> {
    return visibleRuns(ctx)
      .andWhere("run.year = :year", { year })
      .orderBy("run.computedAt", "DESC")
      .addOrderBy("run.id", "DESC")
      .getMany();
  }

  @Allow(EVALUATORS)
  @Query(() => EvaluationRun, {
    nullable: true,
    description: "Evaluators: one computation run by id; empty when not visible.",
  })
  async evaluationRun(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<EvaluationRun | null> {
    return isUuid(id) ? visibleRuns(ctx).andWhere("run.id = :id", { id }).getOne() : null;
  }

  @Allow(EVALUATORS)
  @Query(() => [EvaluationChange], {
    description:
      "Evaluators: per manager in the user's territory, the change of the total and grade between two runs (first → second), largest change first (managers scored in only one of them last).",
  })
  async evaluationRunDiff(
    @Ctx() ctx: RequestContext,
    @Arg("fromRunId", () => ID, { description: "The earlier run." }) fromRunId: string,
    @Arg("toRunId", () => ID, { description: "The later run." }) toRunId: string,
  ): Promise<EvaluationChange[]> {
    const [from, to] = [await loadSucceededRun(ctx, fromRunId), await loadSucceededRun(ctx, toRunId)];
    const rows = await visibleResults(ctx)
      .andWhere("result.runId IN (:...runs)", { runs: [from.id, to.id] })
      .getMany();
    const before = new Map(rows.filter((r) => r.runId === from.id).map((r) => [r.managerId, r]));
    const after = new Map(rows.filter((r) => r.runId === to.id).map((r) => [r.managerId, r]));
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    const changes = ids.map((id): EvaluationChange => {
      const b = before.get(id);
      const a = after.get(id);
      const scores = (r: EvaluationResult | undefined) => new Map((r?.indicators ?? []).map((i) => [i.code, i.score]));
      const sb = scores(b);
      const sa = scores(a);
      return {
        managerId: id,
        managerName: (a ?? b)!.managerName,
        before: b?.total ?? null,
        after: a?.total ?? null,
        delta: a && b ? round2(a.total - b.total) : null,
        gradeBefore: b?.grade ?? null,
        gradeAfter: a?.grade ?? null,
        changedIndicators: [...new Set([...sb.keys(), ...sa.keys()])].filter((code) => sb.get(code) !== sa.get(code)),
      };
    });
    return changes.sort(
      (x, y) =>
        (y.delta === null ? -1 : Math.abs(y.delta)) - (x.delta === null ? -1 : Math.abs(x.delta)) ||
        (x.managerId < y.managerId ? -1 : 1),
    );
  }

  @Allow(EVALUATORS)
  @Query(() => [WhatIfScore], {
    description:
      "Evaluators: score the facts snapshot of a run under other weights or targets (indicators given by code; the others keep the run's values), without saving; managers of the user's territory, highest what-if total first. Weights must still sum to 100.",
  })
  async evaluationWhatIf(
    @Ctx() ctx: RequestContext,
    @Arg("runId", () => ID, { description: "The run whose snapshot is scored." }) runId: string,
    @Arg("indicators", () => [EvaluationIndicatorInput], { description: "The changed indicators." })
    indicators: EvaluationIndicatorInput[],
  ): Promise<WhatIfScore[]> {
    const run = await loadSucceededRun(ctx, runId);
    const rubric: IndicatorSpec[] = mergeRubric(run.rubric, indicators);
    assertValidRubric(rubric);
    const rulesVersion = asRulesVersion(run.rulesVersion);
    const computed = new Map(computeResults(run.snapshot, run.rubric, rulesVersion).map((r) => [r.managerId, r.total]));
    const user = requireUser(ctx);
    return computeResults(run.snapshot, rubric, rulesVersion)
      .filter((r) => canRead(user, { provinceId: r.provinceId, countyId: r.countyId }))
      .map((r) => ({
        managerId: r.managerId,
        managerName: r.managerName,
        positionKind: r.positionKind,
        provinceId: r.provinceId,
        computedTotal: computed.get(r.managerId)!,
        total: r.total,
        delta: round2(r.total - computed.get(r.managerId)!),
        grade: r.grade as Grade,
        provinceRank: r.provinceRank,
        nationalRank: r.nationalRank,
      }))
      .sort((a, b) => b.total - a.total || (a.managerId < b.managerId ? -1 : 1));
  }
}

@Resolver(() => EvaluationResult)
export class EvaluationResultResolver {
  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => EvaluationResultPage, {
    description: `The scoreboard: evaluation results of the user's territory (published ones only, except for evaluators and administrators; a manager: their own, published or while the cycle is UNDER_REVIEW), by default the current results of \`filter.year\`, highest total first. Sortable by ${Object.keys(
      RESULT_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  evaluationResults(
    @Ctx() ctx: RequestContext,
    @FilterArg(EvaluationResultFilter) filter: EvaluationResultFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    const query = filteredResults(ctx, filter);
    // A scoreboard page (names, totals, ranks) reads no indicator or evidence.
    if (!selectsPath(info, ["items", "indicators"])) selectAllBut(query, RESULT_INDICATOR_COLUMNS);
    return paginate(query, page, RESULT_SORTABLE, { field: "total", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => EvaluationResult, {
    nullable: true,
    description: "One evaluation result by id, with its indicators and evidence; empty when not visible.",
  })
  evaluationResult(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<EvaluationResult | null> {
    return isUuid(id) ? visibleResults(ctx).andWhere("result.id = :id", { id }).getOne() : Promise.resolve(null);
  }

  @Allow(ALL_ROLES)
  @Query(() => [GradeCount], {
    description:
      "Distribution of grades of the visible results (same filter as `evaluationResults`), every band listed.",
  })
  async evaluationGradeDistribution(
    @Ctx() ctx: RequestContext,
    @FilterArg(EvaluationResultFilter) filter: EvaluationResultFilter | undefined,
  ): Promise<GradeCount[]> {
    const rows: { grade: Grade; count: string }[] = await filteredResults(ctx, filter)
      .select("result.grade", "grade")
      .addSelect("count(*)", "count")
      .groupBy("result.grade")
      .getRawMany();
    return Object.values(Grade).map((grade) => ({
      grade,
      count: Number(rows.find((r) => r.grade === grade)?.count ?? 0),
    }));
  }

  @Allow(EVALUATORS)
  @Mutation(() => EvaluationAdjustment, {
    description: `Evaluators: adjust a manager's computed score by at most ±${MAX_ADJUSTMENT} points with a written justification (at least 10 characters), while the cycle is OPEN or UNDER_REVIEW. Recorded with who and when, shown beside the computed score; the computed score is never changed. A later adjustment of the same result supersedes the earlier one (both kept).`,
  })
  async adjustEvaluationScore(
    @Ctx() ctx: RequestContext,
    @Arg("resultId", () => ID, { description: "The result adjusted." }) resultId: string,
    @Arg("points", () => Float, { description: "Points to add (negative to remove), −10 to +10." }) points: number,
    @Arg("justification", () => String, { description: "Why (Persian, at least 10 characters)." })
    justification: string,
  ): Promise<EvaluationAdjustment> {
    const v = checkAdjustmentPoints(new Validator(), points, "points");
    v.text(justification, "justification", "توضیح دلیل اصلاح", { min: 10, max: 2000 });
    v.done();
    const user = requireUser(ctx);
    return inTransaction(ctx.db, {}, async (em) => {
      const result = isUuid(resultId)
        ? await em
            .getRepository(EvaluationResult)
            .createQueryBuilder("result")
            .setLock("pessimistic_write")
            .where("result.id = :id", { id: resultId })
            .getOne()
        : null;
      if (!result || !canRead(user, result)) throw notFound("نتیجه ارزیابی", resultId);
      const cycle = await em
        .getRepository(EvaluationCycle)
        .createQueryBuilder("c")
        .setLock("pessimistic_read")
        .where("c.id = :id", { id: result.cycleId })
        .getOneOrFail();
      if (!COMPUTING_STATES.includes(cycle.state)) throw stateRefusal(cycle);
      return saveAdjustment(em, ctx, result, points, justification);
    });
  }

  @FieldResolver(() => EvaluationAdjustment, {
    nullable: true,
    description: "The latest adjustment, if any (shown beside the computed total).",
  })
  async adjustment(@Root() result: EvaluationResult, @Ctx() ctx: RequestContext): Promise<EvaluationAdjustment | null> {
    return (await adjustmentsByResult(ctx).load(result.id))[0] ?? null;
  }

  @FieldResolver(() => [EvaluationAdjustment], { description: "Every adjustment, latest first." })
  adjustments(@Root() result: EvaluationResult, @Ctx() ctx: RequestContext): Promise<EvaluationAdjustment[]> {
    return adjustmentsByResult(ctx).load(result.id);
  }

  @FieldResolver(() => Float, {
    description: "Computed total plus the latest adjustment, within 0–100 (the computed total is kept as is).",
  })
  async adjustedTotal(@Root() result: EvaluationResult, @Ctx() ctx: RequestContext): Promise<number> {
    const latest = (await adjustmentsByResult(ctx).load(result.id))[0];
    return round2(Math.max(0, Math.min(100, result.total + (latest?.points ?? 0))));
  }

  @FieldResolver(() => Grade, { description: "Grade band of the adjusted total." })
  async adjustedGrade(@Root() result: EvaluationResult, @Ctx() ctx: RequestContext): Promise<Grade> {
    return gradeOfTotal(await this.adjustedTotal(result, ctx)) as Grade;
  }

  @FieldResolver(() => Manager, { description: "The manager (registry)." })
  manager(@Root() result: EvaluationResult): Manager {
    return { id: result.managerId };
  }
}

@Resolver(() => Manager)
export class ManagerEvaluationResultResolver {
  @FieldResolver(() => EvaluationResult, {
    nullable: true,
    description:
      "The manager's current evaluation result of a Jalali year, with indicators and evidence (published only, except for evaluators).",
  })
  score(
    @Root() manager: Manager,
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
  ): Promise<EvaluationResult | null> {
    return currentResultByManagerYear(ctx).load(`${manager.id}|${year}`);
  }
}
