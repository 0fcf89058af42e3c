import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Allow, ALL_ROLES, FilterArg, IdArg, containsPattern, requireUser, uuidsForFilter, whereInTerritory, PageArgs, PageOf, paginate, RequestContext, SortOrder } from "@hamafza/common";
import { County } from "../entities/County";
import { Manager } from "../entities/Manager";
import { Province } from "../entities/Province";
import { countyById, managerById, provinceById } from "../loaders";

@ObjectType({ description: "A page of managers." })
export class ManagerPage extends PageOf(Manager) {}

@InputType({ description: "Filter managers." })
export class ManagerFilter {
  @Field(() => [ID], { nullable: true, description: "Only these managers." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only managers of positions in this county." })
  countyId?: string;
}

const MANAGER_SORTABLE = { name: "manager.nameNormalized", provinceId: "manager.provinceId", countyId: "manager.countyId", createdAt: "manager.createdAt" };

@Resolver(() => Manager)
export class ManagerResolver {
  @Allow(ALL_ROLES)
  @Query(() => ManagerPage, { description: "Managers of the user's territory. Sortable by `name`, `provinceId`, `countyId`, `createdAt`." })
  async managers(
    @Ctx() ctx: RequestContext,
    @FilterArg(ManagerFilter) filter: ManagerFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ManagerPage> {
    const query = whereInTerritory(ctx.db.getRepository(Manager).createQueryBuilder("manager"), requireUser(ctx), { province: "manager.provinceId", county: "manager.countyId" });
    if (filter?.ids) query.andWhere("manager.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.provinceId) query.andWhere("manager.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("manager.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.q) query.andWhere("manager.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    return paginate(query, page, MANAGER_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Manager, { nullable: true, description: "One manager by id; empty when outside the user's territory." })
  manager(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Manager | null> {
    return managerById(ctx).load(id);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(manager.provinceId);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() manager: Manager, @Ctx() ctx: RequestContext): Promise<County | null> {
    return manager.countyId ? countyById(ctx).load(manager.countyId) : Promise.resolve(null);
  }
}
