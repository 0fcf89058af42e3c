import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Allow, ALL_ROLES, FilterArg, PageArgs, RequestContext } from "@hamafza/common";
import { CountyPage } from "../resolvers/geography";
import { InformalSettlementAreaPage } from "../resolvers/area";
import { AreaCoverageFilter, CountyCoverageFilter } from "./coverageInputs";
import { areasWithGap, countiesWithoutOffice } from "./coverageQueries";

/** Coverage gaps (seed 004: facilitation offices soon in every county; docs/coverage.md). */
@Resolver()
export class CoverageResolver {
  @Allow(ALL_ROLES)
  @Query(() => CountyPage, {
    description:
      "Counties of the user's territory without any facilitation office in their areas (seed 004: offices soon in every county). Sortable by `id`, `name`, `provinceId`.",
  })
  countiesWithoutFacilitationOffice(
    @Ctx() ctx: RequestContext,
    @FilterArg(CountyCoverageFilter) filter: CountyCoverageFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<CountyPage> {
    return countiesWithoutOffice(ctx, filter, page);
  }

  @Allow(ALL_ROLES)
  @Query(() => InformalSettlementAreaPage, {
    description:
      "Informal-settlement areas of the user's territory without a facilitation office. Sortable by `name`, `kind`, `countyId`, `provinceId`, `estimatedPopulation`.",
  })
  areasWithoutFacilitationOffice(
    @Ctx() ctx: RequestContext,
    @FilterArg(AreaCoverageFilter) filter: AreaCoverageFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InformalSettlementAreaPage> {
    return areasWithGap(ctx, "office", filter, page);
  }

  @Allow(ALL_ROLES)
  @Query(() => InformalSettlementAreaPage, {
    description:
      "Informal-settlement areas of the user's territory that no NGO covers: no NGO runs a facilitation office there and none took part in a needs assessment of the area. Sortable like `areasWithoutFacilitationOffice`.",
  })
  areasWithoutNgo(
    @Ctx() ctx: RequestContext,
    @FilterArg(AreaCoverageFilter) filter: AreaCoverageFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InformalSettlementAreaPage> {
    return areasWithGap(ctx, "ngo", filter, page);
  }
}
