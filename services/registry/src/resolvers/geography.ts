import { Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  FilterArg,
  IdArg,
  containsPattern,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  SortOrder,
} from "@hamafza/common";
import { County } from "../entities/County";
import { Province } from "../entities/Province";
import { countyById, provinceById } from "../loaders";

@ObjectType({ description: "A page of provinces." })
export class ProvincePage extends PageOf(Province) {}

@ObjectType({ description: "A page of counties." })
export class CountyPage extends PageOf(County) {}

@InputType({ description: "Filter provinces." })
export class ProvinceFilter {
  @Field(() => [ID], { nullable: true, description: "Only these province codes." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the Persian or English name (spelling variants match)." })
  q?: string;
}

@InputType({ description: "Filter counties." })
export class CountyFilter {
  @Field(() => [ID], { nullable: true, description: "Only these county codes." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the Persian or English name (spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only counties of this province." })
  provinceId?: string;
}

@Resolver(() => Province)
export class ProvinceResolver {
  @Allow(ALL_ROLES)
  @Query(() => ProvincePage, { description: "Provinces. Sortable by `id` (= `code`), `name`, `nameEn`." })
  async provinces(
    @Ctx() ctx: RequestContext,
    @FilterArg(ProvinceFilter) filter: ProvinceFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ProvincePage> {
    const query = ctx.db.getRepository(Province).createQueryBuilder("province");
    if (filter?.ids) query.andWhere("province.id IN (:...ids)", { ids: filter.ids.length ? filter.ids : [null] });
    if (filter?.q)
      query.andWhere("(province.nameNormalized LIKE :q OR replace(lower(province.nameEn), ' ', '') LIKE :q)", {
        q: containsPattern(filter.q),
      });
    return paginate(
      query,
      page,
      { id: "province.id", code: "province.id", name: "province.nameNormalized", nameEn: "province.nameEn" },
      { field: "id", order: SortOrder.ASC },
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => Province, { nullable: true, description: "One province by its code." })
  province(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Province | null> {
    return provinceById(ctx).load(id);
  }
}

@Resolver(() => County)
export class CountyResolver {
  @Allow(ALL_ROLES)
  @Query(() => CountyPage, { description: "Counties. Sortable by `id` (= `code`), `name`, `nameEn`, `provinceId`." })
  async counties(
    @Ctx() ctx: RequestContext,
    @FilterArg(CountyFilter) filter: CountyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<CountyPage> {
    const query = ctx.db.getRepository(County).createQueryBuilder("county");
    if (filter?.ids) query.andWhere("county.id IN (:...ids)", { ids: filter.ids.length ? filter.ids : [null] });
    if (filter?.provinceId) query.andWhere("county.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.q)
      query.andWhere("(county.nameNormalized LIKE :q OR replace(lower(county.nameEn), ' ', '') LIKE :q)", {
        q: containsPattern(filter.q),
      });
    return paginate(
      query,
      page,
      {
        id: "county.id",
        code: "county.id",
        name: "county.nameNormalized",
        nameEn: "county.nameEn",
        provinceId: "county.provinceId",
      },
      { field: "id", order: SortOrder.ASC },
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => County, { nullable: true, description: "One county by its code." })
  county(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<County | null> {
    return countyById(ctx).load(id);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() county: County, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(county.provinceId);
  }
}
