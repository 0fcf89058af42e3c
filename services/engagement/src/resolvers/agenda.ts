import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  containsPattern,
  FilterArg,
  IdArg,
  InputArg,
  inTransaction,
  OFFICERS,
  PageArgs,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  Role,
  SortOrder,
  uuidsForFilter,
  whereInTerritory,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand } from "../entities/Demand";
import { Meeting } from "../entities/Meeting";
import { SocialHarm } from "../entities/SocialHarm";
import { agendaItemById, demandById, MEETING_TERRITORY, meetingById, socialHarmById } from "../loaders";
import { PeriodLocks } from "../locks";
import { oneUuid } from "./common";
import {
  AgendaItemCreateInput,
  AgendaItemFilter,
  AgendaItemPage,
  AgendaItemUpdateInput,
  SocialHarmCreateInput,
  SocialHarmFilter,
  SocialHarmPage,
  SocialHarmUpdateInput,
} from "./agendaInputs";
import { AGENDA_SORTABLE, applyAgendaInput, findItemForUpdate, socialHarms, withTerritory } from "./agendaRules";
export {
  SocialHarmPage,
  SocialHarmFilter,
  SocialHarmCreateInput,
  SocialHarmUpdateInput,
  AgendaItemPage,
  AgendaItemFilter,
  AgendaItemCreateInput,
  AgendaItemUpdateInput,
} from "./agendaInputs";

@Resolver(() => SocialHarm)
export class SocialHarmResolver {
  @Allow(ALL_ROLES)
  @Query(() => SocialHarmPage, {
    description: `The national catalogue of social harms (آسیب‌های اجتماعی). Sortable by ${Object.keys(
      socialHarms.spec.sortable,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}; by \`sortOrder\` by default.`,
  })
  socialHarms(
    @Ctx() ctx: RequestContext,
    @FilterArg(SocialHarmFilter) filter: SocialHarmFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<SocialHarmPage> {
    return socialHarms.list(ctx, filter, page);
  }

  @Allow(ALL_ROLES)
  @Query(() => SocialHarm, { nullable: true, description: "One social harm by id." })
  socialHarm(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<SocialHarm | null> {
    return socialHarmById(ctx).load(id);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => SocialHarm, { description: "Administrators: add a social harm to the catalogue." })
  createSocialHarm(
    @Ctx() ctx: RequestContext,
    @InputArg(SocialHarmCreateInput) input: SocialHarmCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<SocialHarm> {
    return socialHarms.create(ctx, input, idempotencyKey);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => SocialHarm, {
    description: "Administrators: rename, describe, reorder or retire a social harm (the code never changes).",
  })
  updateSocialHarm(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(SocialHarmUpdateInput) input: SocialHarmUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<SocialHarm> {
    return socialHarms.update(ctx, id, input, expectedVersion);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => SocialHarm, {
    description:
      "Administrators: delete a social harm never used on an agenda (CONFLICT otherwise: retire it instead); returns it as it was.",
  })
  deleteSocialHarm(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<SocialHarm> {
    return socialHarms.delete(ctx, id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @Allow(ALL_ROLES)
  @Query(() => AgendaItemPage, {
    description: `Agenda items of meetings in the user's territory. Sortable by ${Object.keys(AGENDA_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  agendaItems(
    @Ctx() ctx: RequestContext,
    @FilterArg(AgendaItemFilter) filter: AgendaItemFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AgendaItemPage> {
    const query = ctx.db
      .getRepository(AgendaItem)
      .createQueryBuilder("item")
      .innerJoin(Meeting, "meeting", "meeting.id = item.meetingId");
    whereInTerritory(query, requireUser(ctx), MEETING_TERRITORY);
    if (filter?.ids) query.andWhere("item.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.meetingId) query.andWhere("item.meetingId = :meetingId", { meetingId: oneUuid(filter.meetingId) });
    if (filter?.socialHarmId) query.andWhere("item.socialHarmId = :harmId", { harmId: oneUuid(filter.socialHarmId) });
    if (filter?.demandId) query.andWhere("item.demandId = :demandId", { demandId: oneUuid(filter.demandId) });
    if (filter?.q) query.andWhere("item.topicNormalized LIKE :q", { q: containsPattern(filter.q) });
    return paginate(query, page, AGENDA_SORTABLE, { field: "position", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => AgendaItem, {
    nullable: true,
    description: "One agenda item by id; empty when its meeting is outside the user's territory.",
  })
  agendaItem(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<AgendaItem | null> {
    return agendaItemById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => AgendaItem, {
    description:
      "Add an item to the agenda of a meeting of the user's territory (LOCKED for a held meeting of a locked year).",
  })
  createAgendaItem(
    @Ctx() ctx: RequestContext,
    @InputArg(AgendaItemCreateInput) input: AgendaItemCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<AgendaItem> {
    return inTransaction(ctx.db, {}, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createAgendaItem",
        idempotencyKey,
        input,
        async () => {
          const locks = await PeriodLocks.forWrite(em);
          const meeting = await findForWrite(em, ctx, Meeting, input.meetingId, "نشست");
          locks.assertMeetingOpen(meeting, "دستور جلسه این نشست");
          const item = em.create(AgendaItem, {
            meetingId: meeting.id,
            socialHarmId: null,
            demandId: null,
            notes: null,
          });
          await applyAgendaInput(em, ctx, item, meeting, input, true);
          if (!input.position) {
            const last = await em
              .createQueryBuilder(AgendaItem, "item")
              .select("coalesce(max(item.position), 0)", "max")
              .where("item.meetingId = :id", { id: meeting.id })
              .getRawOne<{ max: number }>();
            item.position = Number(last?.max ?? 0) + 1;
          }
          const saved = await em.save(item);
          await recordChange(em, ctx, "createAgendaItem", "AgendaItem", {
            before: null,
            after: withTerritory(saved, meeting),
          });
          return saved;
        },
        (id) => em.findOneBy(AgendaItem, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => AgendaItem, { description: "Change an agenda item (LOCKED for a held meeting of a locked year)." })
  updateAgendaItem(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(AgendaItemUpdateInput) input: AgendaItemUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<AgendaItem> {
    return inTransaction(ctx.db, {}, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { item, meeting } = await findItemForUpdate(em, ctx, id, expectedVersion);
      locks.assertMeetingOpen(meeting, "دستور جلسه این نشست");
      const before = withTerritory({ ...item }, meeting);
      await applyAgendaInput(em, ctx, item, meeting, input, false);
      const saved = await em.save(item);
      await recordChange(em, ctx, "updateAgendaItem", "AgendaItem", { before, after: withTerritory(saved, meeting) });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => AgendaItem, {
    description: "Remove an agenda item; returns it as it was (LOCKED for a held meeting of a locked year).",
  })
  deleteAgendaItem(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<AgendaItem> {
    return inTransaction(ctx.db, {}, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { item, meeting } = await findItemForUpdate(em, ctx, id);
      locks.assertMeetingOpen(meeting, "دستور جلسه این نشست");
      await em.delete(AgendaItem, { id });
      await recordChange(em, ctx, "deleteAgendaItem", "AgendaItem", {
        before: withTerritory(item, meeting),
        after: null,
      });
      return Object.assign(new AgendaItem(), item);
    });
  }

  @FieldResolver(() => SocialHarm, { nullable: true, description: "The social harm it addresses." })
  socialHarm(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<SocialHarm | null> | null {
    return item.socialHarmId ? socialHarmById(ctx).load(item.socialHarmId) : null;
  }

  @FieldResolver(() => Demand, {
    nullable: true,
    description: "The demand it answers (empty when outside the user's territory).",
  })
  demand(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Demand | null> | null {
    return item.demandId ? demandById(ctx).load(item.demandId) : null;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting." })
  meeting(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return meetingById(ctx).load(item.meetingId);
  }
}
