import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ExpectedVersionArg,
  FilterArg,
  findForWrite,
  IdArg,
  InputArg,
  inTransaction,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requestNotification,
  requireUser,
  Role,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  NotificationKind,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Ngo } from "../entities/Ngo";
import { ngoById } from "../loaders";
import { NgoRefs } from "../resolvers/ngoProfileRules";
import { applyNgoInput, checkNgoValues, NGO_CONSTRAINTS } from "../resolvers/ngoRules";
import { boundNgoForWrite } from "../selfService/boundNgo";
import { NgoChangeRequest, NgoChangeRequestStatus } from "./NgoChangeRequest";
import { NgoChangeRequestFilter, NgoChangeRequestInput, NgoChangeRequestPage } from "./ngoChangeRequestInputs";
import {
  assertPending,
  checkedDecisionNote,
  checkRequestTexts,
  requestedChanges,
  valuesToApply,
} from "./ngoChangeRequestRules";

const LABEL = "درخواست اصلاح";
const CONSTRAINTS = {
  ...NGO_CONSTRAINTS,
  ngo_change_request_one_pending:
    "درخواست دیگری از این سمن هنوز در انتظار بررسی است؛ تا تصمیم درباره آن صبر کنید یا با کارشناس تماس بگیرید.",
};
const SORTABLE = { createdAt: "request.createdAt", status: "request.status", decidedAt: "request.decidedAt" };

/** Requests the user may see: officers of the NGO's territory; a representative, their own NGO's. */
function visibleRequests(ctx: RequestContext) {
  return whereInTerritory(ctx.db.getRepository(NgoChangeRequest).createQueryBuilder("request"), requireUser(ctx), {
    province: "request.provinceId",
    county: "request.countyId",
    ngo: "request.ngoId",
  });
}

/** Tells the NGO's representatives the decision (in the same transaction as the decision). */
function notifyDecision(em: EntityManager, request: NgoChangeRequest, ngoName: string): Promise<void> {
  const approved = request.status === NgoChangeRequestStatus.APPROVED;
  return requestNotification(em, {
    occasionKey: `ngo-change-request:${request.id}:${request.status}`,
    service: "registry",
    kind: NotificationKind.NGO_PROFILE_CHANGE,
    title: approved ? "درخواست اصلاح مشخصات سمن تأیید شد" : "درخواست اصلاح مشخصات سمن رد شد",
    body: approved
      ? `درخواست اصلاح مشخصات ثبتی «${ngoName}» تأیید و اعمال شد.`
      : `درخواست اصلاح مشخصات ثبتی «${ngoName}» رد شد. دلیل: ${request.decisionNote ?? ""}`,
    reason: "شما نماینده این سمن در هم‌افزا هستید.",
    link: "#/my-ngo/change-requests",
    recordType: "NgoChangeRequest",
    recordId: request.id,
    recipients: { ngoRepresentativesOf: [request.ngoId] },
  });
}

/**
 * Change requests of NGOs' regulated fields (docs/self-service.md): a representative files one for their NGO; an
 * officer of the NGO's territory approves it (the values applied to the NGO, audited) or rejects it with a reason.
 */
@Resolver(() => NgoChangeRequest)
export class NgoChangeRequestResolver {
  @Allow(OFFICERS, Role.NGO_REPRESENTATIVE)
  @Query(() => NgoChangeRequestPage, {
    description: `Change requests of NGOs of the user's territory (a representative: their own NGO's), newest first. Sortable by ${Object.keys(
      SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  ngoChangeRequests(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoChangeRequestFilter) filter: NgoChangeRequestFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoChangeRequestPage> {
    const query = visibleRequests(ctx);
    if (filter?.ids) query.andWhere("request.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.ngoId) query.andWhere("request.ngoId IN (:...ngoIds)", { ngoIds: uuidsForFilter([filter.ngoId]) });
    if (filter?.status) query.andWhere("request.status = :status", { status: filter.status });
    return paginate(query, page, SORTABLE, { field: "createdAt", order: SortOrder.DESC });
  }

  @Allow(OFFICERS, Role.NGO_REPRESENTATIVE)
  @Query(() => NgoChangeRequest, { nullable: true, description: "One change request; empty when not visible." })
  ngoChangeRequest(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoChangeRequest | null> {
    return visibleRequests(ctx)
      .andWhere("request.id IN (:...ids)", { ids: uuidsForFilter([id]) })
      .getOne();
  }

  @Allow(Role.NGO_REPRESENTATIVE)
  @Mutation(() => NgoChangeRequest, {
    description:
      "The signed-in representative asks to change their NGO's regulated fields (one pending request per NGO); the NGO's county officers are notified. FORBIDDEN once the NGO is dissolved or merged or its licence revoked.",
  })
  requestNgoChange(
    @Ctx() ctx: RequestContext,
    @InputArg(NgoChangeRequestInput) input: NgoChangeRequestInput,
  ): Promise<NgoChangeRequest> {
    return inTransaction(ctx.db, CONSTRAINTS, async (em) => {
      const ngo = await boundNgoForWrite(em, ctx);
      const v = new Validator();
      checkNgoValues(
        v,
        {
          ...(input.name ? { name: input.name } : {}),
          ...(input.nationalId ? { nationalId: input.nationalId } : {}),
          ...(input.registrationNumber ? { registrationNumber: input.registrationNumber } : {}),
        },
        { counties: new Map(), fields: new Map() } satisfies NgoRefs,
      );
      checkRequestTexts(v, input.reason, input.reference);
      v.done();
      const changes = requestedChanges(ngo, input);
      const saved = await em.save(
        em.create(NgoChangeRequest, {
          ngoId: ngo.id,
          provinceId: ngo.provinceId,
          countyId: ngo.countyId,
          changes,
          reason: tidyDisplayText(input.reason),
          reference: input.reference?.trim() ? tidyDisplayText(input.reference) : null,
          status: NgoChangeRequestStatus.PENDING,
          requestedBy: requireUser(ctx).username,
          updatedBy: requireUser(ctx).username,
        }),
      );
      await recordChange(em, ctx, "requestNgoChange", "NgoChangeRequest", { before: null, after: saved });
      await requestNotification(em, {
        occasionKey: `ngo-change-request:${saved.id}:PENDING`,
        service: "registry",
        kind: NotificationKind.NGO_PROFILE_CHANGE,
        title: "درخواست اصلاح مشخصات ثبتی سمن",
        body: `نماینده «${ngo.name}» اصلاح مشخصات ثبتی سمن را درخواست کرده است؛ آن را بررسی و تأیید یا رد کنید.`,
        reason: "این سمن در قلمرو شماست.",
        link: "#/ngo-change-requests",
        recordType: "NgoChangeRequest",
        recordId: saved.id,
        recipients: { countyOfficersOf: [ngo.countyId] },
      });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoChangeRequest, {
    description:
      "Approve a PENDING change request of an NGO of the user's territory: its values are applied to the NGO with the NGO's own checks (audited as `approveNgoChangeRequest` on the NGO and the request) and the representatives are notified. INVALID_TRANSITION once decided.",
  })
  approveNgoChangeRequest(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("note", () => String, { nullable: true, description: "An optional note to the representative." })
    note: string | null,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<NgoChangeRequest> {
    return inTransaction(ctx.db, CONSTRAINTS, async (em) => {
      const request = await findForWrite(em, ctx, NgoChangeRequest, id, LABEL, expectedVersion);
      assertPending(request.status);
      const before = { ...request };
      const ngo = await findForWrite(em, ctx, Ngo, request.ngoId, "سمن");
      const ngoBefore = { ...ngo };
      await applyNgoInput(em, ngo, valuesToApply(request.changes));
      const savedNgo = await em.save(ngo);
      await recordChange(em, ctx, "approveNgoChangeRequest", "Ngo", { before: ngoBefore, after: savedNgo });
      Object.assign(request, {
        status: NgoChangeRequestStatus.APPROVED,
        decidedBy: requireUser(ctx).username,
        decidedAt: new Date(),
        decisionNote: checkedDecisionNote(note, false),
      });
      const saved = await em.save(request);
      await recordChange(em, ctx, "approveNgoChangeRequest", "NgoChangeRequest", { before, after: saved });
      await notifyDecision(em, saved, savedNgo.name);
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoChangeRequest, {
    description:
      "Reject a PENDING change request of an NGO of the user's territory with a reason (3–1000 characters); the NGO is unchanged and the representatives are notified. INVALID_TRANSITION once decided.",
  })
  rejectNgoChangeRequest(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @Arg("reason", () => String, { description: "Why it is rejected, for the representative (3–1000 characters)." })
    reason: string,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<NgoChangeRequest> {
    return inTransaction(ctx.db, CONSTRAINTS, async (em) => {
      const request = await findForWrite(em, ctx, NgoChangeRequest, id, LABEL, expectedVersion);
      assertPending(request.status);
      const before = { ...request };
      Object.assign(request, {
        status: NgoChangeRequestStatus.REJECTED,
        decidedBy: requireUser(ctx).username,
        decidedAt: new Date(),
        decisionNote: checkedDecisionNote(reason, true),
      });
      const saved = await em.save(request);
      await recordChange(em, ctx, "rejectNgoChangeRequest", "NgoChangeRequest", { before, after: saved });
      const ngo = await ngoById(ctx).load(saved.ngoId);
      await notifyDecision(em, saved, ngo?.name ?? "سمن");
      return saved;
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The NGO." })
  ngo(@Root() request: NgoChangeRequest, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(request.ngoId);
  }
}
