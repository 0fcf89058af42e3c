import { Arg, Args, Ctx, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  assertSupportedJalaliYear,
  ErrorCode,
  EVALUATORS,
  FORBIDDEN_MESSAGE,
  inTransaction,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  tidyDisplayText,
  Validator,
  claimForWrite,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  idempotentCreate,
  invalidTransition,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import {
  CYCLE_STATE_LABELS,
  CYCLE_TRANSITIONS,
  CycleState,
  EvaluationCycle,
  EvaluationIndicatorInput,
  ScoringRule,
} from "../entities/Cycle";
import { DEFAULT_RUBRIC, IndicatorSpec, rubricProblems } from "../scoring";
import { lockEngagementYear, upstreamOf } from "../upstream";

export const CYCLE_CONSTRAINTS = { evaluation_cycle_year_unique: "چرخه ارزیابی این سال پیش‌تر ساخته شده است." };

/** Cycles are national: only administrators and national evaluators (no province or county) change them. */
export function assertNational(ctx: RequestContext): void {
  const user = requireUser(ctx);
  if (user.role !== Role.ADMIN && (user.provinceId || user.countyId)) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `${FORBIDDEN_MESSAGE} چرخه و شاخص‌های ارزیابی را فقط واحد ارزیابی ملی تغییر می‌دهد.`,
    );
  }
}

export function checkYear(year: number): void {
  assertSupportedJalaliYear(year, "year");
}

export async function cycleOfYear(em: EntityManager, year: number, lock = false): Promise<EvaluationCycle> {
  const query = em.getRepository(EvaluationCycle).createQueryBuilder("cycle").where("cycle.year = :year", { year });
  if (lock) query.setLock("pessimistic_write");
  const cycle = await query.getOne();
  if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, `چرخه ارزیابی سال ${year} وجود ندارد.`, { year });
  return cycle;
}

/** Merges edited indicators into a rubric by code (omitted fields keep their value). */
export function mergeRubric(current: IndicatorSpec[], edits: EvaluationIndicatorInput[]): IndicatorSpec[] {
  const v = new Validator();
  const known = new Set(current.map((i) => i.code));
  edits.forEach((e, n) =>
    v.check(known.has(e.code), `indicators.${n}.code`, `شاخص «${e.code}» در این چرخه تعریف نشده است.`),
  );
  v.done();
  return current.map((spec) => {
    const edit = edits.find((e) => e.code === spec.code);
    if (!edit) return { ...spec, bands: spec.bands.map((b) => ({ ...b })) };
    return {
      code: spec.code,
      title: edit.title !== undefined && edit.title !== null ? tidyDisplayText(edit.title) : spec.title,
      definition:
        edit.definition !== undefined && edit.definition !== null ? tidyDisplayText(edit.definition) : spec.definition,
      weight: edit.weight ?? spec.weight,
      target: edit.target ?? spec.target,
      unit: spec.unit,
      rule: edit.rule ?? spec.rule,
      bands: (edit.bands ?? spec.bands).map((b) => ({ minAchievement: b.minAchievement, score: b.score })),
    };
  });
}

export function assertValidRubric(rubric: IndicatorSpec[]): void {
  const problems = rubricProblems(rubric);
  if (problems.length) {
    const v = new Validator();
    for (const p of problems) v.check(false, p.field, p.message);
    v.done();
  }
}

export function cycleTransitionError(cycle: EvaluationCycle, to: CycleState): AppError {
  return invalidTransition(
    `چرخه ارزیابی ${cycle.year} در وضعیت «${CYCLE_STATE_LABELS[cycle.state]}» است و نمی‌تواند به «${CYCLE_STATE_LABELS[to]}» برود.`,
    {
      from: cycle.state,
      to,
    },
  );
}

@ObjectType({ description: "A page of evaluation cycles." })
export class EvaluationCyclePage extends PageOf(EvaluationCycle) {}

const CYCLE_SORTABLE = { year: "cycle.year", state: "cycle.state", title: "cycle.title" };

@Resolver(() => EvaluationCycle)
export class EvaluationCycleResolver {
  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => EvaluationCyclePage, {
    description:
      "Evaluation cycles with their rubrics and states, newest year first (managers too: which cycle is under review). Sortable by `year`, `state`, `title`.",
  })
  evaluationCycles(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    return paginate(ctx.db.getRepository(EvaluationCycle).createQueryBuilder("cycle"), page, CYCLE_SORTABLE, {
      field: "year",
      order: SortOrder.DESC,
    });
  }

  @Allow(ALL_ROLES, Role.MANAGER)
  @Query(() => EvaluationCycle, {
    nullable: true,
    description: "The evaluation cycle of a Jalali year, if there is one.",
  })
  evaluationCycle(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
  ): Promise<EvaluationCycle | null> {
    return ctx.db.getRepository(EvaluationCycle).findOne({ where: { year } });
  }

  @Allow(EVALUATORS)
  @Mutation(() => EvaluationCycle, {
    description:
      "National evaluators: open a DRAFT cycle for a Jalali year with the rubric of the latest cycle (or the default 1404 rubric).",
  })
  createEvaluationCycle(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year." }) year: number,
    @Arg("title", () => String, { nullable: true, description: "Persian title; derived when omitted." })
    title: string | undefined,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<EvaluationCycle> {
    checkYear(year);
    assertNational(ctx);
    return inTransaction(ctx.db, CYCLE_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createEvaluationCycle",
        idempotencyKey,
        { year, title: title ?? null },
        async () => {
          const latest = await em.getRepository(EvaluationCycle).findOne({ where: {}, order: { year: "DESC" } });
          const cycle = em.create(EvaluationCycle, {
            year,
            title: title?.trim() ? tidyDisplayText(title) : `ارزیابی عملکرد مدیران در تعامل با سمن‌ها — ${year}`,
            state: CycleState.DRAFT,
            indicators: latest?.indicators ?? DEFAULT_RUBRIC,
            currentRunId: null,
            publishedAt: null,
          });
          const saved = await em.save(cycle);
          await recordChange(em, ctx, "createEvaluationCycle", "EvaluationCycle", {
            before: null,
            after: { ...saved, provinceId: null },
          });
          return saved;
        },
        (id) => em.findOneBy(EvaluationCycle, { id }),
      ),
    );
  }

  @Allow(EVALUATORS)
  @Mutation(() => EvaluationCycle, {
    description:
      "National evaluators: change the rubric of a DRAFT cycle (weights, targets, titles, rules of indicators given by code). Refused unless the weights sum to 100 (BAD_USER_INPUT) or when the cycle is not a draft (INVALID_TRANSITION).",
  })
  updateEvaluationRubric(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year of the cycle." }) year: number,
    @Arg("indicators", () => [EvaluationIndicatorInput], {
      description: "The indicators to change; the others keep their value.",
    })
    indicators: EvaluationIndicatorInput[],
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<EvaluationCycle> {
    checkYear(year);
    assertNational(ctx);
    return inTransaction(ctx.db, CYCLE_CONSTRAINTS, async (em) => {
      const cycle = claimForWrite(await cycleOfYear(em, year, true), ctx, expectedVersion, "چرخه ارزیابی");
      if (cycle.state !== CycleState.DRAFT) {
        throw new AppError(
          ErrorCode.INVALID_TRANSITION,
          `شاخص‌های چرخه ${year} فقط در وضعیت پیش‌نویس قابل ویرایش است (اکنون «${CYCLE_STATE_LABELS[cycle.state]}»).`,
          { state: cycle.state },
        );
      }
      const before = { ...cycle, provinceId: null };
      const rubric = mergeRubric(cycle.indicators, indicators);
      assertValidRubric(rubric);
      cycle.indicators = rubric.map((i) => ({ ...i, rule: i.rule as ScoringRule }));
      const saved = await em.save(cycle);
      await recordChange(em, ctx, "updateEvaluationRubric", "EvaluationCycle", {
        before,
        after: { ...saved, provinceId: null },
      });
      return saved;
    });
  }

  @Allow(EVALUATORS)
  @Mutation(() => EvaluationCycle, {
    description:
      "National evaluators: move a cycle along DRAFT → OPEN → UNDER_REVIEW → FINAL → PUBLISHED (back-steps OPEN → DRAFT and UNDER_REVIEW → OPEN allowed; others refused with INVALID_TRANSITION). OPEN needs a valid rubric; UNDER_REVIEW needs a run; FINAL locks the year's engagement records (engagement service); PUBLISHED makes the current results visible to everyone in scope.",
  })
  changeEvaluationCycleState(
    @Ctx() ctx: RequestContext,
    @Arg("year", () => Int, { description: "The Jalali year of the cycle." }) year: number,
    @Arg("state", () => CycleState, { description: "The new state." }) state: CycleState,
  ): Promise<EvaluationCycle> {
    checkYear(year);
    assertNational(ctx);
    return inTransaction(ctx.db, CYCLE_CONSTRAINTS, async (em) => {
      const cycle = claimForWrite(await cycleOfYear(em, year, true), ctx, null, "چرخه ارزیابی");
      if (!CYCLE_TRANSITIONS[cycle.state].includes(state)) throw cycleTransitionError(cycle, state);
      const before = { ...cycle, provinceId: null };
      if (state === CycleState.OPEN) assertValidRubric(cycle.indicators);
      if (state === CycleState.UNDER_REVIEW && !cycle.currentRunId) {
        throw new AppError(ErrorCode.INVALID_TRANSITION, "پیش از بازبینی دست‌کم یک بار محاسبه امتیازها را اجرا کنید.", {
          from: cycle.state,
          to: state,
        });
      }
      cycle.state = state;
      if (state === CycleState.PUBLISHED) {
        cycle.publishedAt = new Date();
        await em.query(`UPDATE evaluation_result SET published_at = $2 WHERE cycle_id = $1 AND is_current`, [
          cycle.id,
          cycle.publishedAt,
        ]);
        await em.query(
          `UPDATE manager_score s SET published_at = $2 WHERE s.year = $3 AND s.manager_id IN (SELECT manager_id FROM evaluation_result WHERE cycle_id = $1 AND is_current)`,
          [cycle.id, cycle.publishedAt, cycle.year],
        );
      }
      const saved = await em.save(cycle);
      await recordChange(em, ctx, "changeEvaluationCycleState", "EvaluationCycle", {
        before,
        after: { ...saved, provinceId: null },
      });
      // Last, so a refusal there rolls the state change back: lock the year's engagement records nationally.
      if (state === CycleState.FINAL)
        await lockEngagementYear(ctx, upstreamOf(ctx).config, year, null, `چرخه ارزیابی ${year} نهایی شد`);
      return saved;
    });
  }
}

/** SQL: ids of the current results of a cycle — per manager, the result of the latest finished run that scored the manager (only succeeded runs have results). */
export const CURRENT_RESULT_IDS_SQL = (cycleParam: string) =>
  `SELECT DISTINCT ON (cr.manager_id) cr.id FROM evaluation_result cr JOIN evaluation_run crun ON crun.id = cr.run_id
    WHERE cr.cycle_id = ${cycleParam} ORDER BY cr.manager_id, crun.finished_at DESC, crun.id DESC`;
