import { assertTransition, PROPOSAL_MACHINE } from "../rules/transitions";
import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  FilterArg,
  IdArg,
  InputArg,
  OFFICERS,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  tidyDisplayText,
  Validator,
  whereInTerritory,
  checkReferences,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  invalidTransition,
  createRecord,
  updateRecord,
  deleteRecord,
  Writable,
} from "@hamafza/common";
import { requestReferences } from "../rules/references";
import { Meeting } from "../entities/Meeting";
import { Proposal, ProposalStatus } from "../entities/Proposal";
import { Agency, Ngo } from "../entities/references";
import { meetingById, proposalById, requestScopeOf } from "../loaders";
import { PeriodLocks } from "../locks";
import { tehranToday } from "../util/time";
import { oneUuid, trimOrNull, whereListBasics } from "./common";
import { actionOfStatus, whereOverdue } from "./requestActionRules";
import { recordRequestAction } from "./agencyAnswers";
import { ProposalCreateInput, ProposalFilter, ProposalPage, ProposalUpdateInput } from "./requestInputs";
import {
  PROPOSAL_SORTABLE,
  REQUEST_CONSTRAINTS,
  applyProposalFields,
  buildRequest,
  checkMeetingLink,
  checkProposalFields,
} from "./requestRules";

/** The write outline of proposals. */
const WRITABLE: Writable<Proposal> = {
  entity: Proposal,
  typeName: "Proposal",
  label: "طرح",
  constraints: REQUEST_CONSTRAINTS,
};

@Resolver(() => Proposal)
export class ProposalResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => ProposalPage, {
    description: `Proposals of the user's territory (an agency's inbox with \`agencyId\`; an NGO representative: its NGO's; an agency respondent: those addressed to its agency), newest first by default. Sortable by ${Object.keys(
      PROPOSAL_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  proposals(
    @Ctx() ctx: RequestContext,
    @FilterArg(ProposalFilter) filter: ProposalFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ProposalPage> {
    const query = whereInTerritory(
      ctx.db.getRepository(Proposal).createQueryBuilder("proposal"),
      requireUser(ctx),
      requestScopeOf("proposal"),
    );
    whereListBasics(query, "proposal", "topicNormalized", filter);
    if (filter?.ngoId) query.andWhere("proposal.ngoId = :ngoId", { ngoId: oneUuid(filter.ngoId) });
    if (filter?.agencyId) query.andWhere("proposal.agencyId = :agencyId", { agencyId: oneUuid(filter.agencyId) });
    if (filter?.status) query.andWhere("proposal.status = :status", { status: filter.status });
    if (filter?.fieldCode) query.andWhere("proposal.fieldCode = :fieldCode", { fieldCode: filter.fieldCode });
    if (filter?.meetingId) query.andWhere("proposal.meetingId = :meetingId", { meetingId: oneUuid(filter.meetingId) });
    if (filter?.answered !== undefined) query.andWhere(`proposal.respondedOn IS ${filter.answered ? "NOT " : ""}NULL`);
    if (filter?.overdue !== undefined) whereOverdue(query, "proposal", "submittedOn", filter.overdue);
    if (filter?.submittedFrom) query.andWhere("proposal.submittedOn >= :from", { from: filter.submittedFrom });
    if (filter?.submittedTo) query.andWhere("proposal.submittedOn <= :to", { to: filter.submittedTo });
    return paginate(query, page, PROPOSAL_SORTABLE, { field: "submittedOn", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => Proposal, {
    nullable: true,
    description:
      "One proposal by id; empty when outside the user's territory (or, for invited users, not made by their NGO or addressed to their agency).",
  })
  proposal(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Proposal | null> {
    return proposalById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Proposal, {
    description: "Record a proposal an NGO of the user's territory submitted (status SUBMITTED).",
  })
  async createProposal(
    @Ctx() ctx: RequestContext,
    @InputArg(ProposalCreateInput) input: ProposalCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Proposal> {
    await checkReferences(ctx, requestReferences(input));
    return createRecord(ctx, WRITABLE, { input, idempotencyKey }, (em) =>
      buildRequest(em, ctx, Proposal, input, {
        check: (v) => checkProposalFields(v, input, true),
        defaults: {
          status: ProposalStatus.SUBMITTED,
          reviewStartedOn: null,
          response: null,
          respondedOn: null,
          implementedOn: null,
        },
        apply: (proposal) => applyProposalFields(proposal, input),
        lockLabel: "طرح ارائه‌شده",
        day: (proposal) => proposal.submittedOn,
      }),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Proposal, {
    description:
      "Change a proposal or move it to its next status with the agency's dated response (INVALID_TRANSITION for other changes). A proposal submitted in a locked evaluation year keeps its submission facts, and no step may be dated inside a locked year (LOCKED).",
  })
  async updateProposal(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(ProposalUpdateInput) input: ProposalUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Proposal> {
    await checkReferences(ctx, requestReferences(input));
    return updateRecord(
      ctx,
      WRITABLE,
      { id, expectedVersion },
      {
        prepare: (em) => PeriodLocks.forWrite(em),
        change: async (em, proposal, { prepared: locks }) => {
          const v = new Validator();
          checkProposalFields(v, input, false);
          v.done();
          if (
            input.agencyId !== undefined ||
            input.councilName !== undefined ||
            input.submittedOn !== undefined ||
            input.meetingId !== undefined
          ) {
            locks.assertDatesOpen(proposal.provinceId, "ارائه این طرح", proposal.submittedOn, input.submittedOn);
          }
          applyProposalFields(proposal, input);
          if (input.meetingId !== undefined) await checkMeetingLink(em, ctx, proposal);
          if (input.status && input.status !== proposal.status) {
            const from = proposal.status;
            const to = input.status;
            assertTransition(PROPOSAL_MACHINE, from, to);
            const on = input.statusOn ?? tehranToday();
            const sv = new Validator();
            sv.check(on <= tehranToday(), "statusOn", "روز این مرحله نمی‌تواند در آینده باشد.");
            sv.check(on >= proposal.submittedOn, "statusOn", "روز این مرحله نمی‌تواند پیش از ارائه طرح باشد.");
            if (to === ProposalStatus.ACCEPTED || to === ProposalStatus.REJECTED)
              sv.check(!!input.response?.trim(), "response", "پاسخ دستگاه را بنویسید.");
            if (to === ProposalStatus.IMPLEMENTED)
              sv.check(
                !proposal.respondedOn || on >= proposal.respondedOn,
                "statusOn",
                "روز اجرا نمی‌تواند پیش از روز پاسخ باشد.",
              );
            sv.done();
            locks.assertDatesOpen(proposal.provinceId, "این مرحله از پیگیری طرح", on);
            proposal.status = to;
            if (to === ProposalStatus.UNDER_REVIEW) proposal.reviewStartedOn = on;
            if (to === ProposalStatus.ACCEPTED || to === ProposalStatus.REJECTED)
              Object.assign(proposal, { respondedOn: on, response: tidyDisplayText(input.response!) });
            if (to === ProposalStatus.IMPLEMENTED) proposal.implementedOn = on;
            const step = actionOfStatus(to);
            if (step) await recordRequestAction(em, ctx, { proposalId: proposal.id }, step, on, input.response);
          } else if (input.response !== undefined) {
            proposal.response = trimOrNull(input.response);
            if (proposal.respondedOn && !proposal.response)
              throw invalidTransition("پاسخ طرحِ پاسخ‌داده‌شده را نمی‌توان پاک کرد.", {
                from: proposal.status,
                to: proposal.status,
              });
          }
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Proposal, {
    description:
      "Delete a proposal entered by mistake; returns it as it was (LOCKED when submitted in a locked evaluation year).",
  })
  deleteProposal(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Proposal> {
    return deleteRecord(ctx, WRITABLE, id, {
      prepare: (em) => PeriodLocks.forWrite(em),
      guard: (_em, proposal, locks) =>
        locks.assertDatesOpen(proposal.provinceId, "این طرح", proposal.submittedOn, proposal.respondedOn),
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The submitting NGO (registry)." })
  ngo(@Root() proposal: Proposal): Ngo {
    return { id: proposal.ngoId };
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency it was submitted to (registry)." })
  agency(@Root() proposal: Proposal): Agency | null {
    return proposal.agencyId ? { id: proposal.agencyId } : null;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting where it was presented." })
  meeting(@Root() proposal: Proposal, @Ctx() ctx: RequestContext): Promise<Meeting | null> | null {
    return proposal.meetingId ? meetingById(ctx).load(proposal.meetingId) : null;
  }
}
