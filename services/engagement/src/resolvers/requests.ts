import {
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  assertCanWrite,
  canRead,
  ConstraintMessages,
  DateScalar,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
  invalidTransition,
} from "@hamafza/common";
import { requestReferences } from "../rules/references";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand, DemandCategory, DemandStatus } from "../entities/Demand";
import { Meeting } from "../entities/Meeting";
import { Proposal, ProposalStatus } from "../entities/Proposal";
import { Agency, Ngo } from "../entities/references";
import { demandById, MEETING_TERRITORY, meetingById, proposalById, territoryOf } from "../loaders";
import { PeriodLocks } from "../locks";
import { tehranToday } from "../util/time";
import { assertSameTerritory, checkTerritory, checkUuid, oneUuid, trimOrNull, whereListBasics } from "./common";

/** A field-of-activity code of the registry taxonomy (UPPER_SNAKE). */
const FIELD_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

@ObjectType({ description: "A page of proposals." })
export class ProposalPage extends PageOf(Proposal) {}

@ObjectType({ description: "A page of demands." })
export class DemandPage extends PageOf(Demand) {}

@InputType({ description: "Filter proposals; all given conditions must hold." })
export class ProposalFilter {
  @Field(() => [ID], { nullable: true, description: "Only these proposals." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the topic (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals of this NGO." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals submitted to this agency (its inbox)." })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals of this county." })
  countyId?: string;

  @Field(() => ProposalStatus, { nullable: true, description: "Only proposals in this status." })
  status?: ProposalStatus;

  @Field({ nullable: true, description: "Only proposals of this field of activity (code)." })
  fieldCode?: string;

  @Field(() => ID, { nullable: true, description: "Only proposals presented at this meeting." })
  meetingId?: string;

  @Field({
    nullable: true,
    description: "true: only proposals with the agency's response; false: only those still waiting.",
  })
  answered?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Only proposals submitted on or after this day." })
  submittedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only proposals submitted on or before this day." })
  submittedTo?: string;
}

@InputType({ description: "A new proposal of an NGO." })
export class ProposalCreateInput {
  @Field(() => ID, { description: "The submitting NGO (registry)." })
  ngoId!: string;

  @Field(() => ID, { description: "Province code of the NGO." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code of the NGO (for a county NGO)." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Agency it is submitted to (an agency or a council is required)." })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Council it is submitted to, as typed." })
  councilName?: string | null;

  @Field({ description: "Topic." })
  topic!: string;

  @Field(() => String, { nullable: true, description: "Summary." })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Field of activity code (registry taxonomy, e.g. `YOUTH`)." })
  fieldCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was presented (same province)." })
  meetingId?: string | null;

  @Field(() => DateScalar, { description: "Day it was submitted; not in the future." })
  submittedOn!: string;
}

@InputType({
  description:
    "Changes to a proposal; omitted fields keep their value, null clears. The NGO and territory do not change.",
})
export class ProposalUpdateInput {
  @Field(() => ID, { nullable: true, description: "Agency it is submitted to." })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: "Council it is submitted to." })
  councilName?: string | null;

  @Field({ nullable: true, description: "Topic." })
  topic?: string;

  @Field(() => String, { nullable: true, description: "Summary." })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: "Field of activity code." })
  fieldCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was presented." })
  meetingId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was submitted." })
  submittedOn?: string;

  @Field(() => ProposalStatus, {
    nullable: true,
    description:
      "Next status: SUBMITTED → UNDER_REVIEW → ACCEPTED or REJECTED (with `response`) → IMPLEMENTED (from ACCEPTED).",
  })
  status?: ProposalStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Day of the status step (review start, response or implementation); today (Tehran) when omitted; not in the future.",
  })
  statusOn?: string;

  @Field(() => String, { nullable: true, description: "The agency's response (required for ACCEPTED and REJECTED)." })
  response?: string | null;
}

@InputType({ description: "Filter demands; all given conditions must hold." })
export class DemandFilter {
  @Field(() => [ID], { nullable: true, description: "Only these demands." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the title (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only demands of this NGO." })
  ngoId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands routed to this agency (its inbox)." })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only demands raised at this meeting." })
  meetingId?: string;

  @Field(() => DemandCategory, { nullable: true, description: "Only demands of this category." })
  category?: DemandCategory;

  @Field(() => DemandStatus, { nullable: true, description: "Only demands in this status." })
  status?: DemandStatus;

  @Field({ nullable: true, description: "true: only answered demands; false: only those still waiting." })
  answered?: boolean;

  @Field({ nullable: true, description: "true: only demands not yet routed to an agency." })
  unrouted?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Only demands raised on or after this day." })
  raisedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Only demands raised on or before this day." })
  raisedTo?: string;
}

@InputType({ description: "A new demand of an NGO." })
export class DemandCreateInput {
  @Field(() => ID, { description: "The NGO raising it (registry)." })
  ngoId!: string;

  @Field(() => ID, { description: "Province code of the NGO." })
  provinceId!: string;

  @Field(() => ID, { nullable: true, description: "County code of the NGO (for a county NGO)." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was raised (same province)." })
  meetingId?: string | null;

  @Field(() => DemandCategory, { description: "Category." })
  category!: DemandCategory;

  @Field({ description: "Short title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Details." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Agency it is routed to (registry)." })
  agencyId?: string | null;

  @Field(() => DateScalar, { description: "Day it was raised; not in the future." })
  raisedOn!: string;
}

@InputType({
  description:
    "Changes to a demand; omitted fields keep their value, null clears. The NGO and territory do not change.",
})
export class DemandUpdateInput {
  @Field(() => DemandCategory, { nullable: true, description: "Category." })
  category?: DemandCategory;

  @Field({ nullable: true, description: "Title." })
  title?: string;

  @Field(() => String, { nullable: true, description: "Details." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "Agency it is routed to." })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: "Meeting where it was raised." })
  meetingId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Day it was raised." })
  raisedOn?: string;

  @Field(() => DemandStatus, {
    nullable: true,
    description: "Next status: RAISED → UNDER_REVIEW; RAISED or UNDER_REVIEW → RESOLVED or REJECTED (with `response`).",
  })
  status?: DemandStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the response (RESOLVED, REJECTED); today (Tehran) when omitted; not in the future.",
  })
  respondedOn?: string;

  @Field(() => String, { nullable: true, description: "The agency's response." })
  response?: string | null;
}

const PROPOSAL_SORTABLE = {
  submittedOn: "proposal.submittedOn",
  respondedOn: "proposal.respondedOn",
  status: "proposal.status",
  topic: "proposal.topicNormalized",
  createdAt: "proposal.createdAt",
};
const DEMAND_SORTABLE = {
  raisedOn: "demand.raisedOn",
  respondedOn: "demand.respondedOn",
  status: "demand.status",
  category: "demand.category",
  title: "demand.titleNormalized",
  createdAt: "demand.createdAt",
};
const REQUEST_CONSTRAINTS: ConstraintMessages = {
  proposal_addressee_check: "دستگاه یا شورایی را که طرح به آن ارائه شده مشخص کنید.",
  proposal_dates_check: "تاریخ‌های بررسی، پاسخ و اجرا نمی‌توانند پیش از تاریخ ارائه طرح باشند.",
  demand_response_date_check: "روز پاسخ نمی‌تواند پیش از روز طرح مطالبه باشد.",
  agenda_item_demand_fk: "این مطالبه در دستور جلسه نشستی آمده است و حذف نمی‌شود.",
};

const PROPOSAL_TRANSITIONS: Record<ProposalStatus, ProposalStatus[]> = {
  SUBMITTED: [ProposalStatus.UNDER_REVIEW],
  UNDER_REVIEW: [ProposalStatus.ACCEPTED, ProposalStatus.REJECTED],
  ACCEPTED: [ProposalStatus.IMPLEMENTED],
  REJECTED: [],
  IMPLEMENTED: [],
};
const PROPOSAL_LABELS: Record<ProposalStatus, string> = {
  SUBMITTED: "ارسال‌شده",
  UNDER_REVIEW: "در حال بررسی",
  ACCEPTED: "پذیرفته‌شده",
  REJECTED: "ردشده",
  IMPLEMENTED: "اجراشده",
};
const DEMAND_TRANSITIONS: Record<DemandStatus, DemandStatus[]> = {
  RAISED: [DemandStatus.UNDER_REVIEW, DemandStatus.RESOLVED, DemandStatus.REJECTED],
  UNDER_REVIEW: [DemandStatus.RESOLVED, DemandStatus.REJECTED],
  RESOLVED: [],
  REJECTED: [],
};
const DEMAND_LABELS: Record<DemandStatus, string> = {
  RAISED: "طرح‌شده",
  UNDER_REVIEW: "در حال پیگیری",
  RESOLVED: "رفع‌شده",
  REJECTED: "ردشده",
};

@Resolver(() => Proposal)
export class ProposalResolver {
  @Allow(ALL_ROLES)
  @Query(() => ProposalPage, {
    description: `Proposals of the user's territory (an agency's inbox with \`agencyId\`), newest first by default. Sortable by ${Object.keys(
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
      territoryOf("proposal"),
    );
    whereListBasics(query, "proposal", "topicNormalized", filter);
    if (filter?.ngoId) query.andWhere("proposal.ngoId = :ngoId", { ngoId: oneUuid(filter.ngoId) });
    if (filter?.agencyId) query.andWhere("proposal.agencyId = :agencyId", { agencyId: oneUuid(filter.agencyId) });
    if (filter?.status) query.andWhere("proposal.status = :status", { status: filter.status });
    if (filter?.fieldCode) query.andWhere("proposal.fieldCode = :fieldCode", { fieldCode: filter.fieldCode });
    if (filter?.meetingId) query.andWhere("proposal.meetingId = :meetingId", { meetingId: oneUuid(filter.meetingId) });
    if (filter?.answered !== undefined) query.andWhere(`proposal.respondedOn IS ${filter.answered ? "NOT " : ""}NULL`);
    if (filter?.submittedFrom) query.andWhere("proposal.submittedOn >= :from", { from: filter.submittedFrom });
    if (filter?.submittedTo) query.andWhere("proposal.submittedOn <= :to", { to: filter.submittedTo });
    return paginate(query, page, PROPOSAL_SORTABLE, { field: "submittedOn", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Proposal, {
    nullable: true,
    description: "One proposal by id; empty when outside the user's territory.",
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
    return inTransaction(ctx.db, REQUEST_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createProposal",
        idempotencyKey,
        input,
        async () => {
          const locks = await PeriodLocks.forWrite(em);
          const v = new Validator();
          v.check(isUuid(input.ngoId), "ngoId", "شناسه سمن معتبر نیست.");
          checkTerritory(v, input.provinceId, input.countyId);
          checkProposalFields(v, input, true);
          v.done();
          const proposal = em.create(Proposal, {
            ngoId: input.ngoId,
            provinceId: input.provinceId,
            countyId: input.countyId || null,
            status: ProposalStatus.SUBMITTED,
            reviewStartedOn: null,
            response: null,
            respondedOn: null,
            implementedOn: null,
          });
          applyProposalFields(proposal, input);
          assertCanWrite(requireUser(ctx), proposal);
          await checkMeetingLink(em, ctx, proposal);
          locks.assertDatesOpen(proposal.provinceId, "طرح ارائه‌شده", proposal.submittedOn);
          const saved = await em.save(proposal);
          await recordChange(em, ctx, "createProposal", "Proposal", { before: null, after: saved });
          return saved;
        },
        (id) => em.findOneBy(Proposal, { id }),
      ),
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
    return inTransaction(ctx.db, REQUEST_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const proposal = await findForWrite(em, ctx, Proposal, id, "طرح", expectedVersion);
      const before = { ...proposal };
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
        if (!PROPOSAL_TRANSITIONS[from].includes(to))
          throw invalidTransition(
            `تغییر وضعیت طرح از «${PROPOSAL_LABELS[from]}» به «${PROPOSAL_LABELS[to]}» ممکن نیست.`,
            { from, to },
          );
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
      } else if (input.response !== undefined) {
        proposal.response = trimOrNull(input.response);
        if (proposal.respondedOn && !proposal.response)
          throw invalidTransition("پاسخ طرحِ پاسخ‌داده‌شده را نمی‌توان پاک کرد.", {
            from: proposal.status,
            to: proposal.status,
          });
      }
      const saved = await em.save(proposal);
      await recordChange(em, ctx, "updateProposal", "Proposal", { before, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Proposal, {
    description:
      "Delete a proposal entered by mistake; returns it as it was (LOCKED when submitted in a locked evaluation year).",
  })
  deleteProposal(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Proposal> {
    return inTransaction(ctx.db, REQUEST_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const proposal = await findForWrite(em, ctx, Proposal, id, "طرح");
      locks.assertDatesOpen(proposal.provinceId, "این طرح", proposal.submittedOn, proposal.respondedOn);
      await em.delete(Proposal, { id });
      await recordChange(em, ctx, "deleteProposal", "Proposal", { before: proposal, after: null });
      return Object.assign(new Proposal(), proposal);
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

@Resolver(() => Demand)
export class DemandResolver {
  @Allow(ALL_ROLES)
  @Query(() => DemandPage, {
    description: `Demands of the user's territory (an agency's inbox with \`agencyId\`), newest first by default. Sortable by ${Object.keys(
      DEMAND_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  demands(
    @Ctx() ctx: RequestContext,
    @FilterArg(DemandFilter) filter: DemandFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<DemandPage> {
    const query: SelectQueryBuilder<Demand> = whereInTerritory(
      ctx.db.getRepository(Demand).createQueryBuilder("demand"),
      requireUser(ctx),
      territoryOf("demand"),
    );
    whereListBasics(query, "demand", "titleNormalized", filter);
    if (filter?.ngoId) query.andWhere("demand.ngoId = :ngoId", { ngoId: oneUuid(filter.ngoId) });
    if (filter?.agencyId) query.andWhere("demand.agencyId = :agencyId", { agencyId: oneUuid(filter.agencyId) });
    if (filter?.meetingId) query.andWhere("demand.meetingId = :meetingId", { meetingId: oneUuid(filter.meetingId) });
    if (filter?.category) query.andWhere("demand.category = :category", { category: filter.category });
    if (filter?.status) query.andWhere("demand.status = :status", { status: filter.status });
    if (filter?.answered !== undefined) query.andWhere(`demand.respondedOn IS ${filter.answered ? "NOT " : ""}NULL`);
    if (filter?.unrouted) query.andWhere("demand.agencyId IS NULL");
    if (filter?.raisedFrom) query.andWhere("demand.raisedOn >= :from", { from: filter.raisedFrom });
    if (filter?.raisedTo) query.andWhere("demand.raisedOn <= :to", { to: filter.raisedTo });
    return paginate(query, page, DEMAND_SORTABLE, { field: "raisedOn", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Demand, { nullable: true, description: "One demand by id; empty when outside the user's territory." })
  demand(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Demand | null> {
    return demandById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Demand, { description: "Record a demand an NGO of the user's territory raised (status RAISED)." })
  async createDemand(
    @Ctx() ctx: RequestContext,
    @InputArg(DemandCreateInput) input: DemandCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Demand> {
    await checkReferences(ctx, requestReferences(input));
    return inTransaction(ctx.db, REQUEST_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createDemand",
        idempotencyKey,
        input,
        async () => {
          const locks = await PeriodLocks.forWrite(em);
          const v = new Validator();
          v.check(isUuid(input.ngoId), "ngoId", "شناسه سمن معتبر نیست.");
          checkTerritory(v, input.provinceId, input.countyId);
          checkDemandFields(v, input, true);
          v.done();
          const demand = em.create(Demand, {
            ngoId: input.ngoId,
            provinceId: input.provinceId,
            countyId: input.countyId || null,
            status: DemandStatus.RAISED,
            response: null,
            respondedOn: null,
            description: null,
            agencyId: null,
            meetingId: null,
          });
          applyDemandFields(demand, input);
          assertCanWrite(requireUser(ctx), demand);
          await checkMeetingLink(em, ctx, demand);
          locks.assertDatesOpen(demand.provinceId, "مطالبه", demand.raisedOn);
          const saved = await em.save(demand);
          await recordChange(em, ctx, "createDemand", "Demand", { before: null, after: saved });
          return saved;
        },
        (id) => em.findOneBy(Demand, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Demand, {
    description:
      "Change a demand, route it to an agency or record the agency's dated response (INVALID_TRANSITION for a status change not allowed). A demand raised in a locked evaluation year keeps its routing and day, and no response may be dated inside a locked year (LOCKED).",
  })
  async updateDemand(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(DemandUpdateInput) input: DemandUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Demand> {
    await checkReferences(ctx, requestReferences(input));
    return inTransaction(ctx.db, REQUEST_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const demand = await findForWrite(em, ctx, Demand, id, "مطالبه", expectedVersion);
      const before = { ...demand };
      const v = new Validator();
      checkDemandFields(v, input, false);
      v.done();
      if (input.agencyId !== undefined || input.raisedOn !== undefined || input.meetingId !== undefined) {
        locks.assertDatesOpen(demand.provinceId, "طرح و ارجاع این مطالبه", demand.raisedOn, input.raisedOn);
      }
      applyDemandFields(demand, input);
      if (input.meetingId !== undefined) await checkMeetingLink(em, ctx, demand);
      if (input.status && input.status !== demand.status) {
        const from = demand.status;
        const to = input.status;
        if (!DEMAND_TRANSITIONS[from].includes(to))
          throw invalidTransition(
            `تغییر وضعیت مطالبه از «${DEMAND_LABELS[from]}» به «${DEMAND_LABELS[to]}» ممکن نیست.`,
            { from, to },
          );
        if (to === DemandStatus.RESOLVED || to === DemandStatus.REJECTED) {
          const on = input.respondedOn ?? tehranToday();
          const sv = new Validator();
          sv.check(!!input.response?.trim(), "response", "پاسخ دستگاه را بنویسید.");
          sv.check(on <= tehranToday(), "respondedOn", "روز پاسخ نمی‌تواند در آینده باشد.");
          sv.check(on >= demand.raisedOn, "respondedOn", "روز پاسخ نمی‌تواند پیش از روز طرح مطالبه باشد.");
          sv.done();
          locks.assertDatesOpen(demand.provinceId, "پاسخ به مطالبه", on);
          Object.assign(demand, { respondedOn: on, response: tidyDisplayText(input.response!) });
        }
        demand.status = to;
      } else if (input.response !== undefined) {
        if (demand.respondedOn && !input.response?.trim())
          throw invalidTransition("پاسخ مطالبهِ پاسخ‌داده‌شده را نمی‌توان پاک کرد.", {
            from: demand.status,
            to: demand.status,
          });
        demand.response = trimOrNull(input.response);
      }
      const saved = await em.save(demand);
      await recordChange(em, ctx, "updateDemand", "Demand", { before, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Demand, {
    description:
      "Delete a demand entered by mistake; returns it as it was. Refused when an agenda item answers it (CONFLICT) or it was raised in a locked evaluation year (LOCKED).",
  })
  deleteDemand(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Demand> {
    return inTransaction(ctx.db, REQUEST_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const demand = await findForWrite(em, ctx, Demand, id, "مطالبه");
      locks.assertDatesOpen(demand.provinceId, "این مطالبه", demand.raisedOn, demand.respondedOn);
      await em.delete(Demand, { id });
      await recordChange(em, ctx, "deleteDemand", "Demand", { before: demand, after: null });
      return Object.assign(new Demand(), demand);
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The NGO that raised it (registry)." })
  ngo(@Root() demand: Demand): Ngo {
    return { id: demand.ngoId };
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency it was routed to (registry)." })
  agency(@Root() demand: Demand): Agency | null {
    return demand.agencyId ? { id: demand.agencyId } : null;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting where it was raised." })
  meeting(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<Meeting | null> | null {
    return demand.meetingId ? meetingById(ctx).load(demand.meetingId) : null;
  }

  @FieldResolver(() => [AgendaItem], {
    description: "Agenda items that answer it (of meetings in the user's territory).",
  })
  async agendaItems(@Root() demand: Demand, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return ctx.loaders
      .get<string, AgendaItem[]>("agendaByDemand", async (ids) => {
        const query = ctx.db
          .getRepository(AgendaItem)
          .createQueryBuilder("item")
          .innerJoin(Meeting, "meeting", "meeting.id = item.meetingId")
          .where("item.demandId IN (:...ids)", { ids: uuidsForFilter([...ids]) })
          .orderBy("item.createdAt", "ASC");
        const rows = await whereInTerritory(query, requireUser(ctx), MEETING_TERRITORY).getMany();
        return ids.map((id) => rows.filter((row) => row.demandId === id));
      })
      .load(demand.id);
  }
}

/** A linked meeting must be visible to the user and of the same province (and county, for a county meeting). */
async function checkMeetingLink(em: EntityManager, ctx: RequestContext, row: Proposal | Demand): Promise<void> {
  if (!row.meetingId) return;
  const meeting = await em.findOne(Meeting, { where: { id: row.meetingId } });
  if (!meeting || !canRead(requireUser(ctx), meeting)) throw notFound("نشست", row.meetingId);
  assertSameTerritory(
    { provinceId: row.provinceId, countyId: meeting.countyId === null ? null : row.countyId },
    meeting,
    "meetingId",
    "نشست باید در همان استان (و شهرستانِ) سمن باشد.",
  );
}

function checkProposalFields(v: Validator, input: ProposalCreateInput | ProposalUpdateInput, creating: boolean): void {
  if (creating || input.topic !== undefined) v.text(input.topic, "topic", "موضوع طرح", { min: 3, max: 300 });
  checkUuid(v, input.agencyId, "agencyId", "دستگاه");
  checkUuid(v, input.meetingId, "meetingId", "نشست");
  if (input.fieldCode)
    v.check(FIELD_CODE.test(input.fieldCode), "fieldCode", "کد حوزه فعالیت باید با حروف بزرگ لاتین باشد (مثل YOUTH).");
  if (input.councilName) v.text(input.councilName, "councilName", "نام شورا", { max: 300, required: false });
  if (input.summary) v.text(input.summary, "summary", "خلاصه طرح", { max: 4000, required: false });
  if (creating)
    v.check(
      !!input.agencyId || !!input.councilName?.trim(),
      "agencyId",
      "دستگاه یا شورایی را که طرح به آن ارائه شده مشخص کنید.",
    );
  if (input.submittedOn)
    v.check(input.submittedOn <= tehranToday(), "submittedOn", "روز ارائه نمی‌تواند در آینده باشد.");
}

function applyProposalFields(proposal: Proposal, input: ProposalCreateInput | ProposalUpdateInput): void {
  if (input.topic !== undefined)
    Object.assign(proposal, { topic: tidyDisplayText(input.topic!), topicNormalized: normalizePersian(input.topic) });
  if (input.agencyId !== undefined) proposal.agencyId = input.agencyId || null;
  if (input.councilName !== undefined) proposal.councilName = trimOrNull(input.councilName);
  if (input.summary !== undefined) proposal.summary = trimOrNull(input.summary);
  if (input.fieldCode !== undefined) proposal.fieldCode = input.fieldCode || null;
  if (input.meetingId !== undefined) proposal.meetingId = input.meetingId || null;
  if (input.submittedOn) proposal.submittedOn = input.submittedOn;
  proposal.agencyId ??= null;
  proposal.councilName ??= null;
  proposal.summary ??= null;
  proposal.fieldCode ??= null;
  proposal.meetingId ??= null;
}

function checkDemandFields(v: Validator, input: DemandCreateInput | DemandUpdateInput, creating: boolean): void {
  if (creating || input.title !== undefined) v.text(input.title, "title", "عنوان مطالبه", { min: 3, max: 300 });
  checkUuid(v, input.agencyId, "agencyId", "دستگاه");
  checkUuid(v, input.meetingId, "meetingId", "نشست");
  if (input.description) v.text(input.description, "description", "شرح مطالبه", { max: 4000, required: false });
  if (input.raisedOn) v.check(input.raisedOn <= tehranToday(), "raisedOn", "روز طرح مطالبه نمی‌تواند در آینده باشد.");
}

function applyDemandFields(demand: Demand, input: DemandCreateInput | DemandUpdateInput): void {
  if (input.title !== undefined)
    Object.assign(demand, { title: tidyDisplayText(input.title!), titleNormalized: normalizePersian(input.title) });
  if (input.category) demand.category = input.category;
  if (input.description !== undefined) demand.description = trimOrNull(input.description);
  if (input.agencyId !== undefined) demand.agencyId = input.agencyId || null;
  if (input.meetingId !== undefined) demand.meetingId = input.meetingId || null;
  if (input.raisedOn) demand.raisedOn = input.raisedOn;
}
