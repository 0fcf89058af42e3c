import { assertTransition, DEMAND_MACHINE } from "../rules/transitions";
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
  uuidsForFilter,
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
import { SelectQueryBuilder } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand, DemandStatus } from "../entities/Demand";
import { Meeting } from "../entities/Meeting";
import { Agency, Ngo } from "../entities/references";
import { demandById, MEETING_TERRITORY, meetingById, requestScopeOf } from "../loaders";
import { PeriodLocks } from "../locks";
import { tehranToday } from "../util/time";
import { oneUuid, trimOrNull, whereListBasics } from "./common";
import { actionOfStatus, whereOverdue } from "./requestActionRules";
import { recordRequestAction } from "./agencyAnswers";
import { DemandCreateInput, DemandFilter, DemandPage, DemandUpdateInput } from "./requestInputs";
import { chosenDemandTopic } from "../demandTopic/demandTopicLoaders";
import { DEMAND_TOPIC_FILTER } from "../demandTopic/demandTopicRules";
import {
  DEMAND_SORTABLE,
  REQUEST_CONSTRAINTS,
  applyDemandFields,
  checkDemandFields,
  buildRequest,
  checkMeetingLink,
} from "./requestRules";

/** The write outline of demands. */
const WRITABLE: Writable<Demand> = {
  entity: Demand,
  typeName: "Demand",
  label: "مطالبه",
  constraints: REQUEST_CONSTRAINTS,
};

@Resolver(() => Demand)
export class DemandResolver {
  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => DemandPage, {
    description: `Demands of the user's territory (an agency's inbox with \`agencyId\`; an NGO representative: its NGO's; an agency respondent: those addressed to its agency), newest first by default. Sortable by ${Object.keys(
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
      requestScopeOf("demand"),
    );
    whereListBasics(query, "demand", "titleNormalized", filter);
    if (filter?.ngoId) query.andWhere("demand.ngoId = :ngoId", { ngoId: oneUuid(filter.ngoId) });
    if (filter?.agencyId) query.andWhere("demand.agencyId = :agencyId", { agencyId: oneUuid(filter.agencyId) });
    if (filter?.meetingId) query.andWhere("demand.meetingId = :meetingId", { meetingId: oneUuid(filter.meetingId) });
    if (filter?.category) query.andWhere("demand.category = :category", { category: filter.category });
    if (filter?.topicId) query.andWhere(DEMAND_TOPIC_FILTER, { topicId: oneUuid(filter.topicId) });
    if (filter?.status) query.andWhere("demand.status = :status", { status: filter.status });
    if (filter?.answered !== undefined) query.andWhere(`demand.respondedOn IS ${filter.answered ? "NOT " : ""}NULL`);
    if (filter?.overdue !== undefined) whereOverdue(query, "demand", "raisedOn", filter.overdue);
    if (filter?.unrouted) query.andWhere("demand.agencyId IS NULL");
    if (filter?.raisedFrom) query.andWhere("demand.raisedOn >= :from", { from: filter.raisedFrom });
    if (filter?.raisedTo) query.andWhere("demand.raisedOn <= :to", { to: filter.raisedTo });
    return paginate(query, page, DEMAND_SORTABLE, { field: "raisedOn", order: SortOrder.DESC });
  }

  @Allow(ALL_ROLES, Role.NGO_REPRESENTATIVE, Role.AGENCY_RESPONDENT)
  @Query(() => Demand, {
    nullable: true,
    description:
      "One demand by id; empty when outside the user's territory (or, for invited users, not raised by their NGO or addressed to their agency).",
  })
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
    const topic = await chosenDemandTopic(ctx, input, true);
    return createRecord(ctx, WRITABLE, { input, idempotencyKey }, (em) =>
      buildRequest(em, ctx, Demand, input, {
        check: (v) => checkDemandFields(v, input, true),
        defaults: {
          status: DemandStatus.RAISED,
          response: null,
          respondedOn: null,
          description: null,
          agencyId: null,
          meetingId: null,
        },
        apply: (demand) => {
          applyDemandFields(demand, input);
          Object.assign(demand, topic);
        },
        lockLabel: "مطالبه",
        day: (demand) => demand.raisedOn,
      }),
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
    const topic = await chosenDemandTopic(ctx, input, false);
    return updateRecord(
      ctx,
      WRITABLE,
      { id, expectedVersion },
      {
        prepare: (em) => PeriodLocks.forWrite(em),
        change: async (em, demand, { prepared: locks }) => {
          const v = new Validator();
          checkDemandFields(v, input, false);
          v.done();
          if (input.agencyId !== undefined || input.raisedOn !== undefined || input.meetingId !== undefined) {
            locks.assertDatesOpen(demand.provinceId, "طرح و ارجاع این مطالبه", demand.raisedOn, input.raisedOn);
          }
          applyDemandFields(demand, input);
          if (topic) Object.assign(demand, topic);
          if (input.meetingId !== undefined) await checkMeetingLink(em, ctx, demand);
          if (input.status && input.status !== demand.status) {
            const from = demand.status;
            const to = input.status;
            assertTransition(DEMAND_MACHINE, from, to);
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
            const step = actionOfStatus(to);
            const on = demand.respondedOn && to !== DemandStatus.UNDER_REVIEW ? demand.respondedOn : tehranToday();
            if (step) await recordRequestAction(em, ctx, { demandId: demand.id }, step, on, input.response);
          } else if (input.response !== undefined) {
            if (demand.respondedOn && !input.response?.trim())
              throw invalidTransition("پاسخ مطالبهِ پاسخ‌داده‌شده را نمی‌توان پاک کرد.", {
                from: demand.status,
                to: demand.status,
              });
            demand.response = trimOrNull(input.response);
          }
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Demand, {
    description:
      "Delete a demand entered by mistake; returns it as it was. Refused when an agenda item answers it (CONFLICT) or it was raised in a locked evaluation year (LOCKED).",
  })
  deleteDemand(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Demand> {
    return deleteRecord(ctx, WRITABLE, id, {
      prepare: (em) => PeriodLocks.forWrite(em),
      guard: (_em, demand, locks) =>
        locks.assertDatesOpen(demand.provinceId, "این مطالبه", demand.raisedOn, demand.respondedOn),
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
