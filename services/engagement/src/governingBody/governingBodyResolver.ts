import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  checkReferences,
  conflict,
  containsPattern,
  createRecord,
  deleteRecord,
  ExpectedVersionArg,
  FilterArg,
  IdArg,
  IdempotencyKeyArg,
  InputArg,
  OFFICERS,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  SortOrder,
  updateRecord,
  uuidsForFilter,
  whereInTerritory,
  Writable,
} from "@hamafza/common";
import { GoverningBody } from "../entities/GoverningBody";
import { Project } from "../entities/Project";
import { WorkingGroup, WorkingGroupMember } from "../entities/WorkingGroup";
import {
  governingBodyById,
  membersByWorkingGroup,
  projectsByWorkingGroup,
  territoryOf,
  workingGroupsByBody,
} from "../loaders";
import { workingGroupReferences } from "../rules/references";
import {
  GoverningBodyCreateInput,
  GoverningBodyFilter,
  GoverningBodyPage,
  GoverningBodyUpdateInput,
} from "./governingBodyInputs";
import { applyBodyInput, GOVERNING_BODY_CONSTRAINTS } from "./governingBodyRules";

const SORTABLE = { name: "body.nameNormalized", provinceId: "body.provinceId", countyId: "body.countyId" };

const BODIES: Writable<GoverningBody> = {
  entity: GoverningBody,
  typeName: "GoverningBody",
  label: "نهاد بالادست",
  constraints: GOVERNING_BODY_CONSTRAINTS,
};

@Resolver(() => GoverningBody)
export class GoverningBodyResolver {
  @Allow(ALL_ROLES)
  @Query(() => GoverningBodyPage, {
    description:
      "Bodies committees belong to (e.g. Qazvin's secretariat for empowering inefficient urban areas), of the user's territory. Sortable by `name`, `provinceId`, `countyId`.",
  })
  governingBodies(
    @Ctx() ctx: RequestContext,
    @FilterArg(GoverningBodyFilter) filter: GoverningBodyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<GoverningBodyPage> {
    const query = whereInTerritory(
      ctx.db.getRepository(GoverningBody).createQueryBuilder("body"),
      requireUser(ctx),
      territoryOf("body"),
    );
    if (filter?.ids) query.andWhere("body.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.q) query.andWhere("body.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    if (filter?.provinceId) query.andWhere("body.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("body.countyId = :countyId", { countyId: filter.countyId });
    return paginate(query, page, SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => GoverningBody, { nullable: true, description: "One body; empty when outside the user's territory." })
  governingBody(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<GoverningBody | null> {
    return governingBodyById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => GoverningBody, { description: "Register a body of the user's territory." })
  async createGoverningBody(
    @Ctx() ctx: RequestContext,
    @InputArg(GoverningBodyCreateInput) input: GoverningBodyCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<GoverningBody> {
    await checkReferences(ctx, workingGroupReferences({ provinceId: input.provinceId, countyId: input.countyId }));
    return createRecord(ctx, BODIES, { input, idempotencyKey }, async (em) => {
      const body = em.create(GoverningBody, { description: null, countyId: null });
      applyBodyInput(body, input, true);
      return { row: body };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => GoverningBody, { description: "Rename or describe a body of the user's territory." })
  updateGoverningBody(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(GoverningBodyUpdateInput) input: GoverningBodyUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<GoverningBody> {
    return updateRecord(
      ctx,
      BODIES,
      { id, expectedVersion },
      {
        change: async (_em, body) => applyBodyInput(body, input, false),
        // Old clients read the committees' free-text parentBody: it follows the body's name.
        afterSave: async (em, saved) => {
          await em.update(WorkingGroup, { bodyId: saved.id }, { parentBody: saved.name });
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => GoverningBody, {
    description: "Delete a body registered by mistake; refused while committees belong to it. Returns it as it was.",
  })
  deleteGoverningBody(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<GoverningBody> {
    return deleteRecord(ctx, BODIES, id, {
      guard: async (em) => {
        const committees = await em.countBy(WorkingGroup, { bodyId: id });
        if (committees > 0)
          throw conflict(
            `${committees.toLocaleString("fa-IR")} کمیته به این نهاد وابسته است؛ نخست آن‌ها را از نهاد جدا کنید.`,
          );
      },
    });
  }

  @FieldResolver(() => [WorkingGroup], {
    description: "Its committees (working groups) of the user's territory, by name.",
  })
  workingGroups(@Root() body: GoverningBody, @Ctx() ctx: RequestContext): Promise<WorkingGroup[]> {
    return workingGroupsByBody(ctx).load(body.id);
  }

  @FieldResolver(() => [WorkingGroupMember], { description: "The members (agencies and NGOs) of its committees." })
  async members(@Root() body: GoverningBody, @Ctx() ctx: RequestContext): Promise<WorkingGroupMember[]> {
    const groups = await workingGroupsByBody(ctx).load(body.id);
    return (await membersByWorkingGroup(ctx).loadMany(groups.map((g) => g.id))).flatMap((m) =>
      Array.isArray(m) ? m : [],
    );
  }

  @FieldResolver(() => [Project], { description: "The projects its committees defined." })
  async projects(@Root() body: GoverningBody, @Ctx() ctx: RequestContext): Promise<Project[]> {
    const groups = await workingGroupsByBody(ctx).load(body.id);
    return (await projectsByWorkingGroup(ctx).loadMany(groups.map((g) => g.id))).flatMap((p) =>
      Array.isArray(p) ? p : [],
    );
  }
}

/** A committee's body. */
@Resolver(() => WorkingGroup)
export class WorkingGroupBodyResolver {
  @FieldResolver(() => GoverningBody, { nullable: true, description: "The body the committee belongs to, if any." })
  body(@Root() group: WorkingGroup, @Ctx() ctx: RequestContext): Promise<GoverningBody | null> {
    return group.bodyId ? governingBodyById(ctx).load(group.bodyId) : Promise.resolve(null);
  }
}
