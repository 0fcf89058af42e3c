import { Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
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
  SortOrder,
  whereInTerritory,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  createRecord,
  updateRecord,
  Writable,
} from "@hamafza/common";
import { workingGroupReferences } from "../rules/references";
import { Meeting, MeetingStatus } from "../entities/Meeting";
import { Project } from "../entities/Project";
import { Agency, Manager } from "../entities/references";
import { WorkingGroup, WorkingGroupMember } from "../entities/WorkingGroup";
import {
  membersByWorkingGroup,
  projectsByWorkingGroup,
  sessionsByWorkingGroup,
  territoryOf,
  workingGroupById,
} from "../loaders";
import { PeriodLocks } from "../locks";
import { tehranToday } from "../util/time";
import { oneUuid, whereListBasics } from "./common";
import {
  WorkingGroupCreateInput,
  WorkingGroupFilter,
  WorkingGroupPage,
  WorkingGroupUpdateInput,
} from "./workingGroupInputs";
import { GROUP_CONSTRAINTS, GROUP_SORTABLE, applyGroupInput } from "./workingGroupRules";
import { applyBodyChoice } from "../governingBody/committeeBody";
export {
  WorkingGroupPage,
  WorkingGroupMemberPage,
  WorkingGroupFilter,
  WorkingGroupCreateInput,
  WorkingGroupUpdateInput,
  WorkingGroupMemberFilter,
  WorkingGroupMemberCreateInput,
  WorkingGroupMemberUpdateInput,
} from "./workingGroupInputs";

/** The write outline of WorkingGroup records. */
const GROUPS: Writable<WorkingGroup> = {
  entity: WorkingGroup,
  typeName: "WorkingGroup",
  label: "کارگروه",
  constraints: GROUP_CONSTRAINTS,
};

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Allow(ALL_ROLES)
  @Query(() => WorkingGroupPage, {
    description: `Working groups of the user's territory. Sortable by ${Object.keys(GROUP_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}; by name by default.`,
  })
  workingGroups(
    @Ctx() ctx: RequestContext,
    @FilterArg(WorkingGroupFilter) filter: WorkingGroupFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<WorkingGroupPage> {
    const query = whereInTerritory(
      ctx.db.getRepository(WorkingGroup).createQueryBuilder("wg"),
      requireUser(ctx),
      territoryOf("wg"),
    );
    whereListBasics(query, "wg", "nameNormalized", filter);
    if (filter?.dimension) query.andWhere("wg.dimension = :dimension", { dimension: filter.dimension });
    if (filter?.chairManagerId)
      query.andWhere("wg.chairManagerId = :chairManagerId", { chairManagerId: oneUuid(filter.chairManagerId) });
    if (filter?.chairAgencyId)
      query.andWhere("wg.chairAgencyId = :chairAgencyId", { chairAgencyId: oneUuid(filter.chairAgencyId) });
    if (filter?.parentNgoHouseId)
      query.andWhere("wg.parentNgoHouseId = :house", { house: oneUuid(filter.parentNgoHouseId) });
    if (filter?.ngoId)
      query.andWhere(
        "EXISTS (SELECT 1 FROM working_group_member m WHERE m.working_group_id = wg.id AND m.ngo_id = :ngoId)",
        { ngoId: oneUuid(filter.ngoId) },
      );
    if (filter?.memberAgencyId)
      query.andWhere(
        "EXISTS (SELECT 1 FROM working_group_member m WHERE m.working_group_id = wg.id AND m.agency_id = :memberAgencyId)",
        { memberAgencyId: oneUuid(filter.memberAgencyId) },
      );
    if (filter?.active !== undefined)
      query.andWhere(
        filter.active ? "(wg.dissolvedOn IS NULL OR wg.dissolvedOn >= :today)" : "wg.dissolvedOn < :today",
        { today: tehranToday() },
      );
    return paginate(query, page, GROUP_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => WorkingGroup, {
    nullable: true,
    description: "One working group by id; empty when outside the user's territory.",
  })
  workingGroup(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<WorkingGroup | null> {
    return workingGroupById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => WorkingGroup, { description: "Form a working group in the user's territory." })
  async createWorkingGroup(
    @Ctx() ctx: RequestContext,
    @InputArg(WorkingGroupCreateInput) input: WorkingGroupCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<WorkingGroup> {
    await checkReferences(ctx, workingGroupReferences(input));
    return createRecord(ctx, GROUPS, { input, idempotencyKey }, async (em) => {
      const group = em.create(WorkingGroup, {
        parentBody: null,
        bodyId: null,
        parentNgoHouseId: null,
        chairManagerId: null,
        chairAgencyId: null,
        description: null,
        establishedOn: null,
        dissolvedOn: null,
      });
      applyGroupInput(group, input, true);
      await applyBodyChoice(ctx, group, input.bodyId);
      return { row: group };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => WorkingGroup, {
    description: "Change a working group of the user's territory (name, chair, dissolution …).",
  })
  async updateWorkingGroup(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(WorkingGroupUpdateInput) input: WorkingGroupUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<WorkingGroup> {
    await checkReferences(ctx, workingGroupReferences(input));
    return updateRecord(
      ctx,
      GROUPS,
      { id, expectedVersion },
      {
        change: async (em, group) => {
          applyGroupInput(group, input, false);
          await applyBodyChoice(ctx, group, input.bodyId);
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => WorkingGroup, {
    description:
      "Delete a working group entered by mistake (with its memberships); refused when it has sessions or projects (record its dissolution instead). Returns it as it was.",
  })
  deleteWorkingGroup(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<WorkingGroup> {
    return inTransaction(ctx.db, GROUP_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const group = await findForWrite(em, ctx, WorkingGroup, id, "کارگروه");
      const members = await em.find(WorkingGroupMember, { where: { workingGroupId: id } });
      for (const member of members)
        locks.assertDatesOpen(group.provinceId, "عضویت در این کارگروه", member.joinedOn, member.leftOn);
      await em.delete(WorkingGroup, { id });
      await recordChange(em, ctx, "deleteWorkingGroup", "WorkingGroup", { before: { ...group, members }, after: null });
      return Object.assign(new WorkingGroup(), group);
    });
  }

  @FieldResolver(() => [WorkingGroupMember], { description: "Members (agencies and NGOs), past and current." })
  members(@Root() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<WorkingGroupMember[]> {
    return membersByWorkingGroup(ctx).load(group.id);
  }

  @FieldResolver(() => [Meeting], {
    description: "Its sessions (meetings of kind WORKING_GROUP_SESSION), oldest first.",
  })
  sessions(@Root() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return sessionsByWorkingGroup(ctx).load(group.id);
  }

  @FieldResolver(() => Int, { description: "How many of its sessions were held." })
  async sessionsHeld(@Root() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<number> {
    return (await sessionsByWorkingGroup(ctx).load(group.id)).filter((m) => m.status === MeetingStatus.HELD).length;
  }

  @FieldResolver(() => [Project], { description: "Projects it defined." })
  projects(@Root() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<Project[]> {
    return projectsByWorkingGroup(ctx).load(group.id);
  }

  @FieldResolver(() => Manager, { nullable: true, description: "The chairing manager (registry)." })
  chairManager(@Root() group: WorkingGroup): Manager | null {
    return group.chairManagerId ? { id: group.chairManagerId } : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The chairing agency (registry)." })
  chairAgency(@Root() group: WorkingGroup): Agency | null {
    return group.chairAgencyId ? { id: group.chairAgencyId } : null;
  }

  @FieldResolver({ description: "Whether it is working (not dissolved as of Tehran today)." })
  active(@Root() group: WorkingGroup): boolean {
    return group.dissolvedOn === null || group.dissolvedOn >= tehranToday();
  }
}
