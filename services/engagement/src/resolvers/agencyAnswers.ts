import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import {
  Allow,
  askService,
  canRead,
  checkReferences,
  claimForWrite,
  ExpectedVersionArg,
  IdArg,
  IdempotencyKeyArg,
  idempotentCreate,
  InputArg,
  inTransaction,
  invalidTransition,
  isUuid,
  normalizePersian,
  notFound,
  NotificationRequest,
  recordChange,
  REFERENCE_OWNER_UNAVAILABLE,
  requestNotification,
  RequestContext,
  requireUser,
  Role,
  tidyDisplayText,
  uuidKeyedLoader,
  Validator,
} from "@hamafza/common";
import { DeepPartial, EntityManager, FindOptionsWhere } from "typeorm";
import { Demand, DemandStatus } from "../entities/Demand";
import { Proposal, ProposalStatus } from "../entities/Proposal";
import { RequestAction, RequestActionKind } from "../entities/RequestAction";
import { Resolution, ResolutionStatus, ResolutionUpdate } from "../entities/Resolution";
import { PeriodLocks } from "../locks";
import { requestReferences } from "../rules/references";
import { tehranToday } from "../util/time";
import { actorName, trimOrNull } from "./common";
import { DemandSubmitInput, ProposalSubmitInput, RequestStepInput, ResolutionReportInput } from "./agencyAnswerInputs";
import {
  answeredNotice,
  checkStepNote,
  demandStep,
  proposalStep,
  representativeTerritory,
  RequestNotice,
  RespondentStep,
  submittedNotice,
} from "./requestActionRules";
import { checkDemandFields, checkProposalFields, REQUEST_CONSTRAINTS } from "./requestRules";
import { changeStatus, RESOLUTION_CONSTRAINTS } from "./resolutionRules";

/**
 * Agencies answer in the system (docs/self-service.md, "Agencies answer"): an NGO representative submits demands and
 * proposals for their own NGO; the respondent of the agency they are addressed to marks them under review and
 * answers (accepts or rejects with a reason), each step a dated `RequestAction`; the respondent reports progress on
 * the resolutions their agency owns. An answer's day is the response day analytics and the evaluation facts read.
 */

/** Appends one dated step to a demand's or proposal's history. */
export async function recordRequestAction(
  em: EntityManager,
  ctx: RequestContext,
  subject: { demandId: string } | { proposalId: string },
  kind: RequestActionKind,
  actedOn: string,
  note: string | null | undefined,
): Promise<void> {
  await em.insert(RequestAction, {
    demandId: null,
    proposalId: null,
    ...subject,
    kind,
    actedOn,
    note: trimOrNull(note),
    actorRole: requireUser(ctx).role,
    recordedBy: actorName(ctx),
  });
}

/** What the notices name of a demand or proposal. */
const noticeOf = (kind: "demand" | "proposal", row: Demand | Proposal): RequestNotice => ({
  kind,
  id: row.id,
  title: row instanceof Demand ? row.title : (row as Proposal).topic,
  ngoId: row.ngoId,
  agencyId: row.agencyId,
});

/** Requests a notice in the write's transaction (the identity service delivers it; docs/notifications.md). */
const notify = (em: EntityManager, notice: NotificationRequest | null) =>
  notice ? requestNotification(em, notice) : Promise.resolve();

/** The user's bound record, for an invited role's write (never empty: the token of an invited role names one). */
const boundIdOf = (ctx: RequestContext): string => {
  const user = requireUser(ctx);
  if (!user.boundId) throw notFound("حساب", user.id);
  return user.boundId;
};

/**
 * The territory of the representative's NGO, asked of the registry with their own token (its `ngo` query answers them
 * their own NGO only). Invited users' tokens carry no territory (docs/security.md). In engagement's own tests, run
 * without a registry (`"unchecked"`, as for `checkReferences`), the test token's territory stands for it.
 */
async function ngoTerritoryOf(
  ctx: RequestContext,
  ngoId: string,
): Promise<{ provinceId: string; countyId: string | null }> {
  if (ctx.referenceOwners === "unchecked") return representativeTerritory(requireUser(ctx));
  const data = await askService<{ ngo: { provinceId: string; countyId: string | null } | null }>(
    ctx,
    "registry",
    `query($id: ID!) { ngo(id: $id) { provinceId countyId } }`,
    { id: ngoId },
    REFERENCE_OWNER_UNAVAILABLE,
  );
  return representativeTerritory(data.ngo ?? { provinceId: null, countyId: null });
}

/** A respondent's step must be one of theirs (SUBMITTED is the NGO's). */
function respondentStep(input: RequestStepInput): RespondentStep {
  const v = new Validator();
  v.check(
    input.step !== RequestActionKind.SUBMITTED,
    "step",
    "ثبت اولیه با سمن است؛ بررسی، پذیرش یا رد را انتخاب کنید.",
  );
  checkStepNote(v, input.step as RespondentStep, input.note);
  v.done();
  return input.step as RespondentStep;
}

/**
 * A demand or proposal addressed to the respondent's agency, locked for the write; anything else is NOT_FOUND (as
 * in reads: the respondent never learns of other agencies' items).
 */
async function findAddressed<T extends Demand | Proposal>(
  em: EntityManager,
  ctx: RequestContext,
  entity: new () => T,
  id: string,
  label: string,
  expectedVersion: number | null,
): Promise<T> {
  const user = requireUser(ctx);
  const row = isUuid(id)
    ? ((await em.findOne(entity, { where: { id } as never, lock: { mode: "pessimistic_write" } })) as T | null)
    : null;
  if (!row || !canRead(user, row, { agency: row.agencyId })) throw notFound(label, id);
  claimForWrite(row, ctx, expectedVersion, label);
  return row;
}

/** What differs between submitting a demand and a proposal; the outline is `submitRequest`'s. */
interface Submission<T extends Demand | Proposal> {
  operation: "submitDemand" | "submitProposal";
  entity: new () => T;
  /** The record's Persian name in a locked-period refusal. */
  label: string;
  kind: "demand" | "proposal";
  idempotencyKey: string | null;
  input: object;
  agencyId: string | null | undefined;
  build: (ngoId: string, territory: Awaited<ReturnType<typeof ngoTerritoryOf>>, today: string) => DeepPartial<T>;
}

/**
 * A representative's submission (input already checked): the NGO's territory asked of the registry, the agency
 * confirmed, then in one transaction — idempotent — the record dated today, its SUBMITTED step, the audit and the
 * respondents' notice.
 */
async function submitRequest<T extends Demand | Proposal>(ctx: RequestContext, submission: Submission<T>): Promise<T> {
  const ngoId = boundIdOf(ctx);
  const territory = await ngoTerritoryOf(ctx, ngoId);
  await checkReferences(ctx, requestReferences({ agencyId: submission.agencyId }));
  const { operation, entity, idempotencyKey, input } = submission;
  return inTransaction(ctx.db, REQUEST_CONSTRAINTS, (em) =>
    idempotentCreate(
      em,
      ctx,
      operation,
      idempotencyKey,
      input,
      async () => {
        const locks = await PeriodLocks.forWrite(em);
        const today = tehranToday();
        locks.assertDatesOpen(territory.provinceId, submission.label, today);
        const saved = await em.save(entity, em.create(entity, submission.build(ngoId, territory, today)));
        const target = submission.kind === "demand" ? { demandId: saved.id } : { proposalId: saved.id };
        await recordRequestAction(em, ctx, target, RequestActionKind.SUBMITTED, today, null);
        await recordChange(em, ctx, operation, entity.name, { before: null, after: saved });
        await notify(em, submittedNotice(noticeOf(submission.kind, saved)));
        return saved;
      },
      (id) => em.findOneBy(entity, { id } as FindOptionsWhere<T>),
    ),
  );
}

/**
 * A respondent's step on a demand or proposal addressed to their agency, dated today: `apply` moves the record by the
 * rules and returns the response day when the step answers it; the history step, the audit and the NGO's notice follow.
 */
async function respondToRequest<T extends Demand | Proposal>(
  ctx: RequestContext,
  entity: new () => T,
  id: string,
  input: RequestStepInput,
  expectedVersion: number | null,
  apply: (row: T, step: RespondentStep, today: string) => string | null,
): Promise<T> {
  const step = respondentStep(input);
  const isDemand = (entity as unknown) === Demand;
  return inTransaction(ctx.db, REQUEST_CONSTRAINTS, async (em) => {
    const locks = await PeriodLocks.forWrite(em);
    const row = await findAddressed(em, ctx, entity, id, isDemand ? "مطالبه" : "طرح", expectedVersion);
    const before = { ...row };
    const today = tehranToday();
    const respondedOn = apply(row, step, today);
    locks.assertDatesOpen(row.provinceId, isDemand ? "پاسخ به مطالبه" : "پاسخ به طرح", today);
    if (respondedOn) Object.assign(row, { respondedOn, response: trimOrNull(input.note) });
    const saved = await em.save(entity, row);
    await recordRequestAction(
      em,
      ctx,
      isDemand ? { demandId: row.id } : { proposalId: row.id },
      step,
      today,
      input.note,
    );
    await recordChange(em, ctx, isDemand ? "respondToDemand" : "respondToProposal", entity.name, {
      before,
      after: saved,
    });
    await notify(em, answeredNotice(noticeOf(isDemand ? "demand" : "proposal", saved), step));
    return saved;
  });
}

@Resolver()
export class AgencyAnswerResolver {
  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => Demand, {
    description:
      "An NGO representative submits a demand of their own NGO to an agency of its province, raised today (status RAISED, in the NGO's territory); the step SUBMITTED starts its history.",
  })
  async submitDemand(
    @Ctx() ctx: RequestContext,
    @InputArg(DemandSubmitInput) input: DemandSubmitInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Demand> {
    const v = new Validator();
    checkDemandFields(v, { ...input, agencyId: input.agencyId }, true);
    v.done();
    return submitRequest(ctx, {
      operation: "submitDemand",
      entity: Demand,
      label: "مطالبه",
      kind: "demand",
      idempotencyKey,
      input,
      agencyId: input.agencyId,
      build: (ngoId, territory, today) => ({
        ngoId,
        ...territory,
        meetingId: null,
        category: input.category,
        title: tidyDisplayText(input.title),
        titleNormalized: normalizePersian(input.title),
        description: trimOrNull(input.description),
        agencyId: input.agencyId,
        raisedOn: today,
        status: DemandStatus.RAISED,
        response: null,
        respondedOn: null,
      }),
    });
  }

  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => Proposal, {
    description:
      "An NGO representative submits a proposal of their own NGO to an agency of its province or a council, submitted today (status SUBMITTED, in the NGO's territory); the step SUBMITTED starts its history.",
  })
  async submitProposal(
    @Ctx() ctx: RequestContext,
    @InputArg(ProposalSubmitInput) input: ProposalSubmitInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Proposal> {
    const v = new Validator();
    checkProposalFields(v, input, true);
    v.done();
    return submitRequest(ctx, {
      operation: "submitProposal",
      entity: Proposal,
      label: "طرح",
      kind: "proposal",
      idempotencyKey,
      input,
      agencyId: input.agencyId,
      build: (ngoId, territory, today) => ({
        ngoId,
        ...territory,
        agencyId: input.agencyId || null,
        councilName: trimOrNull(input.councilName),
        topic: tidyDisplayText(input.topic),
        topicNormalized: normalizePersian(input.topic),
        summary: trimOrNull(input.summary),
        fieldCode: input.fieldCode || null,
        meetingId: null,
        submittedOn: today,
        status: ProposalStatus.SUBMITTED,
        reviewStartedOn: null,
        response: null,
        respondedOn: null,
        implementedOn: null,
      }),
    });
  }

  @Allow(Role.AGENCY_RESPONDENT)
  @Mutation(() => Demand, {
    description:
      "The respondent of the agency a demand is addressed to takes a step dated today: UNDER_REVIEW, or answers it — ACCEPTED (RESOLVED) or REJECTED with the reason; the answer's day is the response day (INVALID_TRANSITION once answered, NOT_FOUND for another agency's demand, LOCKED inside a locked year).",
  })
  respondToDemand(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(RequestStepInput) input: RequestStepInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Demand> {
    return respondToRequest(ctx, Demand, id, input, expectedVersion, (demand, step, today) => {
      const effect = demandStep(demand.status, step, today);
      demand.status = effect.status;
      return effect.respondedOn;
    });
  }

  @Allow(Role.AGENCY_RESPONDENT)
  @Mutation(() => Proposal, {
    description:
      "The respondent of the agency a proposal is addressed to takes a step dated today: UNDER_REVIEW, or answers it — ACCEPTED or REJECTED with the reason; the answer's day is the response day (INVALID_TRANSITION once answered, NOT_FOUND for another agency's proposal, LOCKED inside a locked year).",
  })
  respondToProposal(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(RequestStepInput) input: RequestStepInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Proposal> {
    return respondToRequest(ctx, Proposal, id, input, expectedVersion, (proposal, step, today) => {
      const effect = proposalStep(proposal.status, step, today, proposal.reviewStartedOn);
      Object.assign(proposal, { status: effect.status, reviewStartedOn: effect.reviewStartedOn });
      return effect.respondedOn;
    });
  }

  @Allow(Role.AGENCY_RESPONDENT)
  @Mutation(() => Resolution, {
    description:
      "The respondent of a resolution's owner agency reports on it, dated today: progress (an OPEN resolution becomes IN_PROGRESS) or completion (`completed`: DONE today), with a note kept in its updates (NOT_FOUND for another agency's resolution, INVALID_TRANSITION for a cancelled one, LOCKED inside a locked year).",
  })
  reportResolutionProgress(
    @Ctx() ctx: RequestContext,
    @Arg("resolutionId", () => ID, { description: "The resolution (owned by the respondent's agency)." })
    resolutionId: string,
    @InputArg(ResolutionReportInput) input: ResolutionReportInput,
  ): Promise<Resolution> {
    const v = new Validator();
    v.text(input.note, "note", "شرح پیگیری", { min: 3, max: 4000 });
    v.done();
    return inTransaction(ctx.db, RESOLUTION_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const user = requireUser(ctx);
      const resolution = isUuid(resolutionId)
        ? await em.findOne(Resolution, { where: { id: resolutionId }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!resolution || !canRead(user, resolution, { agency: resolution.ownerAgencyId }))
        throw notFound("مصوبه", resolutionId);
      claimForWrite(resolution, ctx, null, "مصوبه");
      const before = { ...resolution };
      const today = tehranToday();
      locks.assertDatesOpen(resolution.provinceId, "گزارش پیگیری", today);
      const target = input.completed
        ? ResolutionStatus.DONE
        : resolution.status === ResolutionStatus.OPEN
          ? ResolutionStatus.IN_PROGRESS
          : null;
      if (target && target !== resolution.status) {
        await changeStatus(em, ctx, locks, resolution, target, { reportedOn: today, note: input.note });
      } else {
        if (resolution.status === ResolutionStatus.CANCELLED)
          throw invalidTransition("این مصوبه لغو شده است و گزارش پیگیری نمی‌پذیرد.", {
            from: resolution.status,
            to: resolution.status,
          });
        await em.insert(ResolutionUpdate, {
          resolutionId: resolution.id,
          reportedOn: today,
          note: tidyDisplayText(input.note),
          statusBefore: null,
          statusAfter: null,
          recordedBy: actorName(ctx),
        });
      }
      const saved = await em.save(resolution);
      const after = { ...saved, update: { reportedOn: today, note: input.note, completed: input.completed } };
      await recordChange<typeof before>(em, ctx, "reportResolutionProgress", "Resolution", { before, after });
      return saved;
    });
  }
}

/** The dated history of a demand or proposal, oldest first (for whoever may read the request itself). */
function actionsLoader(ctx: RequestContext, column: "demandId" | "proposalId") {
  return uuidKeyedLoader<RequestAction[]>(
    ctx,
    `requestActionsBy:${column}`,
    async (ids) => {
      const rows = await ctx.db
        .getRepository(RequestAction)
        .createQueryBuilder("action")
        .where(`action.${column} IN (:...ids)`, { ids })
        .orderBy("action.actedOn", "ASC")
        .addOrderBy("action.createdAt", "ASC")
        .getMany();
      return ids.map((id) => rows.filter((row) => row[column] === id));
    },
    [],
  );
}

@Resolver(() => Demand)
export class DemandActionsResolver {
  @FieldResolver(() => [RequestAction], {
    description: "Its dated history, oldest first: submission in the system and the agency's review and answer.",
  })
  actions(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<RequestAction[]> {
    return actionsLoader(ctx, "demandId").load(demand.id);
  }
}

@Resolver(() => Proposal)
export class ProposalActionsResolver {
  @FieldResolver(() => [RequestAction], {
    description: "Its dated history, oldest first: submission in the system and the agency's review and answer.",
  })
  actions(@Root() proposal: Proposal, @Ctx() ctx: RequestContext): Promise<RequestAction[]> {
    return actionsLoader(ctx, "proposalId").load(proposal.id);
  }
}
