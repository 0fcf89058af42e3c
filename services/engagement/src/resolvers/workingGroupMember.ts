import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
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
  uuidsForFilter,
  Validator,
  whereInTerritory,
  checkReferences,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { memberReferences } from "../rules/references";
import { Agency, Ngo } from "../entities/references";
import { WorkingGroup, WorkingGroupMember, WorkingGroupMemberKind } from "../entities/WorkingGroup";
import { memberById, territoryOf, workingGroupById } from "../loaders";
import { PeriodLocks } from "../locks";
import { tehranToday } from "../util/time";
import { checkUuid, oneUuid, trimOrNull } from "./common";
import {
  WorkingGroupMemberCreateInput,
  WorkingGroupMemberFilter,
  WorkingGroupMemberPage,
  WorkingGroupMemberUpdateInput,
} from "./workingGroupInputs";
import { GROUP_CONSTRAINTS, MEMBER_SORTABLE, checkMemberDates, findMemberForUpdate } from "./workingGroupRules";
@Resolver(() => WorkingGroupMember)
export class WorkingGroupMemberResolver {
  @Allow(ALL_ROLES)
  @Query(() => WorkingGroupMemberPage, {
    description: `Memberships of working groups of the user's territory. Sortable by ${Object.keys(MEMBER_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  workingGroupMembers(
    @Ctx() ctx: RequestContext,
    @FilterArg(WorkingGroupMemberFilter) filter: WorkingGroupMemberFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<WorkingGroupMemberPage> {
    const query = ctx.db
      .getRepository(WorkingGroupMember)
      .createQueryBuilder("member")
      .innerJoin(WorkingGroup, "wg", "wg.id = member.workingGroupId");
    whereInTerritory(query, requireUser(ctx), territoryOf("wg"));
    if (filter?.ids) query.andWhere("member.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.workingGroupId) query.andWhere("member.workingGroupId = :wg", { wg: oneUuid(filter.workingGroupId) });
    if (filter?.kind) query.andWhere("member.kind = :kind", { kind: filter.kind });
    if (filter?.ngoId) query.andWhere("member.ngoId = :ngoId", { ngoId: oneUuid(filter.ngoId) });
    if (filter?.agencyId) query.andWhere("member.agencyId = :agencyId", { agencyId: oneUuid(filter.agencyId) });
    if (filter?.current)
      query.andWhere("member.joinedOn <= :today AND (member.leftOn IS NULL OR member.leftOn >= :today)", {
        today: tehranToday(),
      });
    return paginate(query, page, MEMBER_SORTABLE, { field: "joinedOn", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => WorkingGroupMember, {
    nullable: true,
    description: "One membership by id; empty when its group is outside the user's territory.",
  })
  workingGroupMember(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<WorkingGroupMember | null> {
    return memberById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => WorkingGroupMember, {
    description:
      "Add an agency or NGO to a working group of the user's territory (LOCKED when a day falls in a locked evaluation year).",
  })
  async createWorkingGroupMember(
    @Ctx() ctx: RequestContext,
    @InputArg(WorkingGroupMemberCreateInput) input: WorkingGroupMemberCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<WorkingGroupMember> {
    await checkReferences(ctx, memberReferences(input));
    return inTransaction(ctx.db, GROUP_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createWorkingGroupMember",
        idempotencyKey,
        input,
        async () => {
          const locks = await PeriodLocks.forWrite(em);
          const group = await findForWrite(em, ctx, WorkingGroup, input.workingGroupId, "کارگروه");
          const v = new Validator();
          v.check(!!input.agencyId !== !!input.ngoId, "agencyId", "یکی از دستگاه یا سمن را (و فقط یکی را) مشخص کنید.");
          checkUuid(v, input.agencyId, "agencyId", "دستگاه");
          checkUuid(v, input.ngoId, "ngoId", "سمن");
          checkMemberDates(v, input.joinedOn, input.leftOn ?? null);
          if (input.role) v.text(input.role, "role", "نقش", { max: 200, required: false });
          v.done();
          locks.assertDatesOpen(group.provinceId, "عضویت در کارگروه", input.joinedOn, input.leftOn);
          const member = em.create(WorkingGroupMember, {
            workingGroupId: group.id,
            kind: input.agencyId ? WorkingGroupMemberKind.AGENCY : WorkingGroupMemberKind.NGO,
            agencyId: input.agencyId || null,
            ngoId: input.ngoId || null,
            role: trimOrNull(input.role),
            joinedOn: input.joinedOn,
            leftOn: input.leftOn || null,
          });
          const saved = await em.save(member);
          await recordChange(em, ctx, "createWorkingGroupMember", "WorkingGroupMember", {
            before: null,
            after: { ...saved, provinceId: group.provinceId, countyId: group.countyId },
          });
          return saved;
        },
        (id) => em.findOneBy(WorkingGroupMember, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => WorkingGroupMember, {
    description:
      "Change a membership (role, join or leave day); days inside a locked evaluation year cannot be written or erased (LOCKED).",
  })
  updateWorkingGroupMember(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(WorkingGroupMemberUpdateInput) input: WorkingGroupMemberUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<WorkingGroupMember> {
    return inTransaction(ctx.db, GROUP_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { member, group } = await findMemberForUpdate(em, ctx, id, expectedVersion);
      const before = { ...member };
      const joinedOn = input.joinedOn ?? member.joinedOn;
      const leftOn = input.leftOn !== undefined ? input.leftOn || null : member.leftOn;
      const v = new Validator();
      checkMemberDates(v, joinedOn, leftOn);
      if (input.role) v.text(input.role, "role", "نقش", { max: 200, required: false });
      v.done();
      if (joinedOn !== member.joinedOn) locks.assertDatesOpen(group.provinceId, "روز عضویت", member.joinedOn, joinedOn);
      if (leftOn !== member.leftOn)
        locks.assertDatesOpen(group.provinceId, "روز خروج از کارگروه", member.leftOn, leftOn);
      Object.assign(member, { joinedOn, leftOn });
      if (input.role !== undefined) member.role = trimOrNull(input.role);
      const saved = await em.save(member);
      const territory = { provinceId: group.provinceId, countyId: group.countyId };
      await recordChange(em, ctx, "updateWorkingGroupMember", "WorkingGroupMember", {
        before: { ...before, ...territory },
        after: { ...saved, ...territory },
      });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => WorkingGroupMember, {
    description:
      "Remove a membership entered by mistake (record a leave day for real departures); returns it as it was.",
  })
  deleteWorkingGroupMember(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<WorkingGroupMember> {
    return inTransaction(ctx.db, GROUP_CONSTRAINTS, async (em) => {
      const locks = await PeriodLocks.forWrite(em);
      const { member, group } = await findMemberForUpdate(em, ctx, id);
      locks.assertDatesOpen(group.provinceId, "عضویت در کارگروه", member.joinedOn, member.leftOn);
      await em.delete(WorkingGroupMember, { id });
      await recordChange(em, ctx, "deleteWorkingGroupMember", "WorkingGroupMember", {
        before: { ...member, provinceId: group.provinceId, countyId: group.countyId },
        after: null,
      });
      return Object.assign(new WorkingGroupMember(), member);
    });
  }

  @FieldResolver(() => Ngo, { nullable: true, description: "The member NGO (registry)." })
  ngo(@Root() member: WorkingGroupMember): Ngo | null {
    return member.ngoId ? { id: member.ngoId } : null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The member agency (registry)." })
  agency(@Root() member: WorkingGroupMember): Agency | null {
    return member.agencyId ? { id: member.agencyId } : null;
  }

  @FieldResolver(() => WorkingGroup, { nullable: true, description: "The working group." })
  workingGroup(@Root() member: WorkingGroupMember, @Ctx() ctx: RequestContext): Promise<WorkingGroup | null> {
    return workingGroupById(ctx).load(member.workingGroupId);
  }
}
