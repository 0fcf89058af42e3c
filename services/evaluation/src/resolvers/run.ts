import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  canRead,
  containsPattern,
  ErrorCode,
  EVALUATORS,
  FilterArg,
  groupByKeys,
  IdArg,
  inTransaction,
  isUuid,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  uuidKeyedLoader,
  uuidsForFilter,
  Validator,
  whereInTerritory,
} from "@hamafza/common";
import { SelectQueryBuilder } from "typeorm";
import { EvaluationCycle, EvaluationIndicatorInput } from "../entities/Cycle";
import { Manager } from "../entities/Manager";
import { Grade } from "../entities/ManagerScore";
import { EvaluationAdjustment, EvaluationResult, EvaluationRun, RunStatus } from "../entities/Run";
import { beginRun, COMPUTING_STATES, executeRun, runScopeOf, stateRefusal } from "../runner";
import { canonicalResults, computeResults, FactsSnapshot, gradeOfTotal, IndicatorSpec, round2 } from "../scoring";
import { assertValidRubric, checkYear, mergeRubric } from "./cycle";

export const MAX_ADJUSTMENT = 10;

@ObjectType({ description: "A page of evaluation results." })
export class EvaluationResultPage extends PageOf(EvaluationResult) {}

@InputType({ description: "Filter evaluation results (the scoreboard); all given conditions apply." })
export class EvaluationResultFilter {
  @Field(() => [ID], { nullable: true, description: "Only these results (then `year` and `runId` may be omitted)." })
  ids?: string[];

  @Field({
    nullable: true,
    description: "Search in the manager's name (Persian-normalised: ي/ی, ك/ک, digits, half-spaces).",
  })
  q?: string;

  @Field(() => Int, {
    nullable: true,
    description: "The Jalali year: the cycle's current results (per manager, the latest run that scored the manager).",
  })
  year?: number;

  @Field(() => ID, { nullable: true, description: "Results of this run instead of the current ones." })
  runId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this county." })
  countyId?: string;

  @Field({
    nullable: true,
    description: "Only this kind of position (registry ManagerPositionKind, e.g. COUNTY_GOVERNOR).",
  })
  positionKind?: string;

  @Field(() => Grade, { nullable: true, description: "Only this grade band (of the computed total)." })
  grade?: Grade;

  @Field(() => ID, { nullable: true, description: "Only this manager." })
  managerId?: string;
}

@ObjectType({ description: "How many results fall in one grade band." })
export class GradeCount {
  @Field(() => Grade, { description: "The grade band." })
  grade!: Grade;

  @Field(() => Int, { description: "Results in the band." })
  count!: number;
}

@ObjectType({ description: "Outcome of recomputing a run from its stored snapshot and rubric." })
export class RecomputeOutcome {
  @Field(() => ID, { description: "The run." })
  runId!: string;

  @Field({ description: "SHA-256 of the results stored with the run." })
  storedHash!: string;

  @Field({ description: "SHA-256 of the recomputed results." })
  recomputedHash!: string;

  @Field({ description: "Whether the recomputed results are byte-equal to the stored ones." })
  identical!: boolean;

  @Field(() => Int, { description: "Managers recomputed." })
  managers!: number;
}

@ObjectType({ description: "A manager's change between two runs." })
export class EvaluationChange {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field({ description: "The manager's name." })
  managerName!: string;

  @Field(() => Float, { nullable: true, description: "Total in the first run (empty if not scored there)." })
  before!: number | null;

  @Field(() => Float, { nullable: true, description: "Total in the second run (empty if not scored there)." })
  after!: number | null;

  @Field(() => Float, { nullable: true, description: "after − before, when both exist." })
  delta!: number | null;

  @Field(() => Grade, { nullable: true, description: "Grade in the first run." })
  gradeBefore!: Grade | null;

  @Field(() => Grade, { nullable: true, description: "Grade in the second run." })
  gradeAfter!: Grade | null;

  @Field(() => [String], { description: "Codes of the indicators whose score changed." })
  changedIndicators!: string[];
}

@ObjectType({ description: "A manager's score under a what-if rubric, beside the computed one (nothing is saved)." })
export class WhatIfScore {
  @Field(() => ID, { description: "The manager." })
  managerId!: string;

  @Field({ description: "The manager's name." })
  managerName!: string;

  @Field({ description: "Kind of position." })
  positionKind!: string;

  @Field(() => ID, { description: "Province of the position." })
  provinceId!: string;

  @Field(() => Float, { description: "Total of the run (its own rubric)." })
  computedTotal!: number;

  @Field(() => Float, { description: "Total under the what-if rubric." })
  total!: number;

  @Field(() => Float, { description: "total − computedTotal." })
  delta!: number;

  @Field(() => Grade, { description: "Grade under the what-if rubric." })
  grade!: Grade;

  @Field(() => Int, { description: "Rank within the province under the what-if rubric." })
  provinceRank!: number;

  @Field(() => Int, { description: "National rank among the same position kind under the what-if rubric." })
  nationalRank!: number;
}

const RESULT_SORTABLE = {
  total: "result.total",
  provinceRank: "result.provinceRank",
  nationalRank: "result.nationalRank",
  managerName: "result.managerName",
  grade: "result.grade",
};

/** Results the user may see: within the territory (SQL), and only published ones unless an evaluator or administrator. */
function visibleResults(ctx: RequestContext): SelectQueryBuilder<EvaluationResult> {
  const user = requireUser(ctx);
  const query = whereInTerritory(ctx.db.getRepository(EvaluationResult).createQueryBuilder("result"), user, {
    province: "result.provinceId",
    county: "result.countyId",
  });
  if (!EVALUATORS.includes(user.role)) query.andWhere("result.publishedAt IS NOT NULL");
  return query;
}

/** Runs the user may see: national runs for national users; a province's runs for users of it. */
function visibleRuns(ctx: RequestContext): SelectQueryBuilder<EvaluationRun> {
  const query = ctx.db.getRepository(EvaluationRun).createQueryBuilder("run");
  const province = runScopeOf(ctx);
  if (province) query.andWhere("run.provinceId = :province", { province });
  return query;
}

type SucceededRun = EvaluationRun & { snapshot: FactsSnapshot; resultsHash: string };

/** A visible run that succeeded (running and failed runs have no snapshot or results). */
async function loadSucceededRun(ctx: RequestContext, id: string): Promise<SucceededRun> {
  const run = isUuid(id) ? await visibleRuns(ctx).andWhere("run.id = :id", { id }).getOne() : null;
  if (!run) throw notFound("اجرای محاسبه", id);
  if (run.status !== RunStatus.SUCCEEDED || !run.snapshot || !run.resultsHash) {
    throw new AppError(
      ErrorCode.INVALID_TRANSITION,
      "این اجرای محاسبه با موفقیت به پایان نرسیده و نتیجه‌ای ندارد؛ یک اجرای موفق را انتخاب کنید.",
      { status: run.status },
    );
  }
  return run as SucceededRun;
}

function currentResultsOf(
  query: SelectQueryBuilder<EvaluationResult>,
  year: number,
): SelectQueryBuilder<EvaluationResult> {
  return query.andWhere("result.year = :currentYear AND result.isCurrent", { currentYear: year });
}

/** The current results of a year the user may see (for summaries). */
export const currentVisibleResults = (ctx: RequestContext, year: number) => currentResultsOf(visibleResults(ctx), year);

const adjustmentsByResult = (ctx: RequestContext) =>
  uuidKeyedLoader<EvaluationAdjustment[]>(
    ctx,
    "adjustmentsByResult",
    async (ids) =>
      groupByKeys(
        ids,
        await ctx.db
          .getRepository(EvaluationAdjustment)
          .createQueryBuilder("a")
          .where("a.resultId IN (:...ids)", { ids })
          .orderBy("a.adjustedAt", "DESC")
          .addOrderBy("a.id", "DESC")
          .getMany(),
        (a) => a.resultId,
      ),
    [],
  );

const currentResultByManagerYear = (ctx: RequestContext) =>
  ctx.loaders.get<string, EvaluationResult | null>("currentResultByManagerYear", async (keys) => {
    const byYear = new Map<number, string[]>();
    for (const key of keys) {
      const [id, year] = key.split("|");
      if (isUuid(id)) byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), id]);
    }
    const found = new Map<string, EvaluationResult>();
    for (const [year, ids] of byYear) {
      for (const r of await currentResultsOf(visibleResults(ctx), year)
        .andWhere("result.managerId IN (:...ids)", { ids })
        .getMany())
        found.set(`${r.managerId}|${year}`, r);
    }
    return keys.map((k) => found.get(k) ?? null);
  });

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
    return executeRun(ctx, await beginRun(ctx, year));
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
    const run = await beginRun(ctx, year);
    // The outcome (results or failure message) is recorded on the run row by executeRun itself.
    executeRun(ctx, Object.assign(new EvaluationRun(), run)).catch(() => undefined);
    return run;
  }

  @Allow(EVALUATORS)
  @Query(() => RecomputeOutcome, {
    description:
      "Evaluators: recompute a run from its stored facts snapshot and rubric and compare with the stored results byte for byte, by the SHA-256 of their canonical JSON text (nothing is saved).",
  })
  async recomputeEvaluationRun(
    @Ctx() ctx: RequestContext,
    @Arg("runId", () => ID, { description: "The run." }) runId: string,
  ): Promise<RecomputeOutcome> {
    const run = await loadSucceededRun(ctx, runId);
    const results = computeResults(run.snapshot, run.rubric);
    const { hash } = canonicalResults(results);
    return {
      runId: run.id,
      storedHash: run.resultsHash,
      recomputedHash: hash,
      identical: hash === run.resultsHash,
      managers: results.length,
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
    const computed = new Map(computeResults(run.snapshot, run.rubric).map((r) => [r.managerId, r.total]));
    const user = requireUser(ctx);
    return computeResults(run.snapshot, rubric)
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
  @Allow(ALL_ROLES)
  @Query(() => EvaluationResultPage, {
    description: `The scoreboard: evaluation results of the user's territory (published ones only, except for evaluators and administrators), by default the current results of \`filter.year\`, highest total first. Sortable by ${Object.keys(
      RESULT_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  evaluationResults(
    @Ctx() ctx: RequestContext,
    @FilterArg(EvaluationResultFilter) filter: EvaluationResultFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const query = filteredResults(ctx, filter);
    return paginate(query, page, RESULT_SORTABLE, { field: "total", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES)
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
    const v = new Validator();
    v.check(
      Number.isFinite(points) && Math.abs(points) <= MAX_ADJUSTMENT && Math.round(points * 100) === points * 100,
      "points",
      `اصلاح امتیاز باید بین ${"−۱۰"} و ${"+۱۰"} امتیاز (حداکثر دو رقم اعشار) باشد.`,
    );
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
      const saved = await em.save(
        em.create(EvaluationAdjustment, {
          resultId: result.id,
          managerId: result.managerId,
          points,
          justification: tidyDisplayText(justification),
          adjustedBy: user.username,
          provinceId: result.provinceId,
          countyId: result.countyId,
        }),
      );
      await recordChange(em, ctx, "adjustEvaluationScore", "EvaluationAdjustment", {
        before: null,
        after: { ...saved, computedTotal: result.total },
      });
      return saved;
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

function filteredResults(
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
