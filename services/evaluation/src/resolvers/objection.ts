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
  canRead,
  EVALUATORS,
  FilterArg,
  IdArg,
  inTransaction,
  invalidTransition,
  isUuid,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { EvaluationCycle } from "../entities/Cycle";
import { EvaluationObjection, ObjectionOutcome, ObjectionRecordKind, ObjectionStatus } from "../entities/Objection";
import { EvaluationResult } from "../entities/Run";
import { checkObjectionInput, checkResolution, filingRefusal } from "../objectionRules";
import { beginRunIn, COMPUTING_STATES, RUN_CONSTRAINTS, stateRefusal } from "../runner";
import { enqueueRun, failOrphanedRuns, wakeRunWorker } from "../runQueue";
import { saveAdjustment } from "./adjustment";
import { objectionsByManagerCycle, visibleObjections } from "./objectionLoaders";
import { visibleResults } from "./runLoaders";

@ObjectType({ description: "A page of evaluation objections." })
export class EvaluationObjectionPage extends PageOf(EvaluationObjection) {}

@InputType({ description: "Filter evaluation objections; all given conditions apply." })
export class EvaluationObjectionFilter {
  @Field(() => [ID], { nullable: true, description: "Only these objections." })
  ids?: string[];

  @Field(() => Int, { nullable: true, description: "Only objections of the cycle of this Jalali year." })
  year?: number;

  @Field(() => ObjectionStatus, { nullable: true, description: "Only objections in this state (OPEN: to resolve)." })
  status?: ObjectionStatus;

  @Field(() => ID, { nullable: true, description: "Only objections of this manager." })
  managerId?: string;

  @Field(() => ID, { nullable: true, description: "Only objections to this result." })
  resultId?: string;
}

const OBJECTION_SORTABLE = {
  filedAt: "objection.filedAt",
  status: "objection.status",
  managerName: "objection.managerName",
  indicatorCode: "objection.indicatorCode",
};

const OBJECTION_CONSTRAINTS = {
  ...RUN_CONSTRAINTS,
  evaluation_objection_one_open:
    "به این شاخص اعتراضی دارید که هنوز بررسی نشده است؛ پاسخ ارزیاب را ببینید و سپس در صورت نیاز دوباره اعتراض کنید.",
};

async function lockCycle(em: EntityManager, id: string): Promise<EvaluationCycle> {
  return em
    .getRepository(EvaluationCycle)
    .createQueryBuilder("c")
    .setLock("pessimistic_write")
    .where("c.id = :id", { id })
    .getOneOrFail();
}

@Resolver(() => EvaluationObjection)
export class EvaluationObjectionResolver {
  @Allow(EVALUATORS, Role.MANAGER)
  @Query(() => EvaluationObjectionPage, {
    description:
      "Managers' objections to their evaluation results: evaluators and administrators those of their territory (filter `status: OPEN` for the ones to resolve); a manager their own, once the cycle is UNDER_REVIEW or later. Newest first by default; sortable by `filedAt`, `status`, `managerName`, `indicatorCode`.",
  })
  evaluationObjections(
    @Ctx() ctx: RequestContext,
    @FilterArg(EvaluationObjectionFilter) filter: EvaluationObjectionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ) {
    const query = visibleObjections(ctx);
    if (filter?.ids) query.andWhere("objection.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.year)
      query.andWhere("objection.cycleId IN (SELECT c.id FROM evaluation_cycle c WHERE c.year = :year)", {
        year: filter.year,
      });
    if (filter?.status) query.andWhere("objection.status = :status", { status: filter.status });
    if (filter?.managerId)
      query.andWhere("objection.managerId = :managerId", { managerId: uuidsForFilter([filter.managerId])[0] });
    if (filter?.resultId)
      query.andWhere("objection.resultId = :resultId", { resultId: uuidsForFilter([filter.resultId])[0] });
    return paginate(query, page, OBJECTION_SORTABLE, { field: "filedAt", order: SortOrder.DESC });
  }

  @Allow(EVALUATORS, Role.MANAGER)
  @Query(() => EvaluationObjection, {
    nullable: true,
    description: "One objection by id; empty when the user may not see it.",
  })
  evaluationObjection(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<EvaluationObjection | null> {
    return isUuid(id) ? visibleObjections(ctx).andWhere("objection.id = :id", { id }).getOne() : Promise.resolve(null);
  }

  @Allow(Role.MANAGER)
  @Mutation(() => EvaluationObjection, {
    description:
      "A manager: object to one indicator of their current evaluation result while its cycle is UNDER_REVIEW (INVALID_TRANSITION otherwise), with a text of at least 10 characters and optionally the record missing from the evidence (kind and id). One open objection per indicator (CONFLICT). Audited; the evaluator resolves it with `resolveEvaluationObjection`.",
  })
  async fileEvaluationObjection(
    @Ctx() ctx: RequestContext,
    @Arg("resultId", () => ID, { description: "The manager's current result." }) resultId: string,
    @Arg("indicatorCode", () => String, { description: "Code of the indicator objected to." }) indicatorCode: string,
    @Arg("text", () => String, { description: "The objection (Persian, 10 to 2000 characters)." }) text: string,
    @Arg("missingRecordKind", () => ObjectionRecordKind, {
      nullable: true,
      description: "Kind of a record missing from the evidence, if any (with `missingRecordId`).",
    })
    missingRecordKind: ObjectionRecordKind | null | undefined,
    @Arg("missingRecordId", () => ID, {
      nullable: true,
      description: "Id of that record (engagement service), if any (with `missingRecordKind`).",
    })
    missingRecordId: string | null | undefined,
  ): Promise<EvaluationObjection> {
    const user = requireUser(ctx);
    const result = isUuid(resultId)
      ? await visibleResults(ctx).andWhere("result.id = :id", { id: resultId }).getOne()
      : null;
    if (!result) throw notFound("نتیجه ارزیابی", resultId);
    checkObjectionInput(
      { indicatorCode, text, missingRecordKind, missingRecordId },
      result.indicators.map((i) => i.code),
    ).done();
    return inTransaction(ctx.db, OBJECTION_CONSTRAINTS, async (em) => {
      // The cycle row locked: no state change or finishing run while the objection is filed.
      const cycle = await lockCycle(em, result.cycleId);
      const { isCurrent } = await em.getRepository(EvaluationResult).findOneByOrFail({ id: result.id });
      const refusal = filingRefusal(cycle.state, isCurrent);
      if (refusal) throw invalidTransition(refusal, { state: cycle.state });
      const saved = await em.save(
        em.create(EvaluationObjection, {
          resultId: result.id,
          cycleId: result.cycleId,
          managerId: result.managerId,
          managerName: result.managerName,
          indicatorCode,
          text: tidyDisplayText(text),
          missingRecordKind: missingRecordKind ?? null,
          missingRecordId: missingRecordId?.trim() || null,
          status: ObjectionStatus.OPEN,
          outcome: null,
          resolutionNote: null,
          recomputeRunId: null,
          adjustmentId: null,
          filedBy: user.username,
          resolvedBy: null,
          resolvedAt: null,
          provinceId: result.provinceId,
          countyId: result.countyId,
        }),
      );
      await recordChange(em, ctx, "fileEvaluationObjection", "EvaluationObjection", { before: null, after: saved });
      return saved;
    });
  }

  @Allow(EVALUATORS)
  @Mutation(() => EvaluationObjection, {
    description:
      "Evaluators: resolve an OPEN objection of their territory while the cycle is OPEN or UNDER_REVIEW, with a note of at least 10 characters: REJECTED (the note is the reason), or ACCEPTED with outcome RECOMPUTE (the records having been corrected, a run of the cycle is started in the same transaction; CONFLICT while one is running) or ADJUSTMENT (`points`, ±10, on the manager's current result, the note as justification). Audited; the objection stays in the result's history.",
  })
  async resolveEvaluationObjection(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("decision", () => ObjectionStatus, { description: "ACCEPTED or REJECTED." }) decision: ObjectionStatus,
    @Arg("note", () => String, {
      description: "The evaluator's answer (Persian, at least 10 characters): the reason, or what was corrected.",
    })
    note: string,
    @Arg("outcome", () => ObjectionOutcome, {
      nullable: true,
      description: "For ACCEPTED: RECOMPUTE or ADJUSTMENT.",
    })
    outcome: ObjectionOutcome | null | undefined,
    @Arg("points", () => Float, { nullable: true, description: "For ADJUSTMENT: points to add (negative to remove)." })
    points: number | null | undefined,
  ): Promise<EvaluationObjection> {
    checkResolution({ decision, outcome, note, points }).done();
    const user = requireUser(ctx);
    if (outcome === ObjectionOutcome.RECOMPUTE) await failOrphanedRuns(ctx);
    const { saved, started } = await inTransaction(ctx.db, OBJECTION_CONSTRAINTS, async (em) => {
      const objection = isUuid(id)
        ? await em
            .getRepository(EvaluationObjection)
            .createQueryBuilder("o")
            .setLock("pessimistic_write")
            .where("o.id = :id", { id })
            .getOne()
        : null;
      if (!objection || !canRead(user, objection)) throw notFound("اعتراض", id);
      if (objection.status !== ObjectionStatus.OPEN)
        throw invalidTransition("این اعتراض پیش‌تر بررسی شده و پاسخ آن ثبت است.", { status: objection.status });
      const cycle = await lockCycle(em, objection.cycleId);
      if (!COMPUTING_STATES.includes(cycle.state)) throw stateRefusal(cycle);
      const before = { ...objection };
      let started = false;
      if (outcome === ObjectionOutcome.RECOMPUTE) {
        objection.recomputeRunId = (await beginRunIn(em, ctx, cycle.year, enqueueRun(ctx))).id;
        started = true;
      }
      if (outcome === ObjectionOutcome.ADJUSTMENT) {
        const current =
          (await em.getRepository(EvaluationResult).findOneBy({
            cycleId: objection.cycleId,
            managerId: objection.managerId,
            isCurrent: true,
          })) ?? (await em.getRepository(EvaluationResult).findOneByOrFail({ id: objection.resultId }));
        objection.adjustmentId = (
          await saveAdjustment(em, ctx, current, points!, note, "resolveEvaluationObjection")
        ).id;
      }
      objection.status = decision;
      objection.outcome = outcome ?? null;
      objection.resolutionNote = tidyDisplayText(note);
      objection.resolvedBy = user.username;
      objection.resolvedAt = new Date();
      const saved = await em.save(objection);
      await recordChange(em, ctx, "resolveEvaluationObjection", "EvaluationObjection", { before, after: saved });
      return { saved, started };
    });
    if (started) wakeRunWorker(ctx);
    return saved;
  }
}

@Resolver(() => EvaluationResult)
export class ResultObjectionsResolver {
  @FieldResolver(() => [EvaluationObjection], {
    description:
      "The manager's objections in this result's cycle and their resolutions, oldest first (part of the result's history); empty for users who may not see objections.",
  })
  objections(@Root() result: EvaluationResult, @Ctx() ctx: RequestContext): Promise<EvaluationObjection[]> {
    return objectionsByManagerCycle(ctx).load(`${result.managerId}|${result.cycleId}`);
  }
}
