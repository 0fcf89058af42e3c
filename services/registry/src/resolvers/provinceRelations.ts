import { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import {
  childPageLoader,
  FilterArg,
  groupByKeys,
  PageArgs,
  RequestContext,
  requireUser,
  SortOrder,
  whereInTerritory,
} from "@hamafza/common";
import { In } from "typeorm";
import { County } from "../entities/County";
import { Ngo } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { AgencyFilter, AgencyPage, agencyListQuery, AGENCY_SORTABLE } from "./agency";
import { managerListQuery, ManagerFilter, ManagerPage } from "./manager";
import { MANAGER_SORTABLE } from "./managerRules";
import { NgoFilter, NgoPage } from "./ngoInputs";
import { applyNgoFilter, NGO_SORTABLE } from "./ngoRules";

/**
 * The navigable graph of the registry: a province's counties, and the NGOs, agencies and managers of a province or
 * county as pages. Each nested list is the root list (`ngos`, `agencies`, `managers`) with the same territory and
 * filter, narrowed to the parent — so it never shows what the root list would not — and is loaded for every parent
 * of the request in one SQL statement (`childPageLoader`).
 */

const BY_NAME = { field: "name", order: SortOrder.ASC };
const sortNote = (sortable: object) =>
  `Sortable by ${Object.keys(sortable)
    .map((f) => `\`${f}\``)
    .join(", ")}.`;

function ngoQuery(ctx: RequestContext, filter: NgoFilter | undefined) {
  const query = whereInTerritory(ctx.db.getRepository(Ngo).createQueryBuilder("ngo"), requireUser(ctx), {
    province: "ngo.provinceId",
    county: "ngo.countyId",
  });
  applyNgoFilter(query, filter);
  return query;
}

function ngoPage(
  ctx: RequestContext,
  parentColumn: string,
  filter: NgoFilter | undefined,
  page: PageArgs,
  info: GraphQLResolveInfo,
) {
  return childPageLoader(ctx, {
    name: `ngos:${parentColumn}`,
    build: () => ngoQuery(ctx, filter),
    parentColumn,
    filter,
    page,
    info,
    sortable: NGO_SORTABLE,
    defaultSort: BY_NAME,
  });
}

function agencyPage(
  ctx: RequestContext,
  parentColumn: string,
  filter: AgencyFilter | undefined,
  page: PageArgs,
  info: GraphQLResolveInfo,
) {
  return childPageLoader(ctx, {
    name: `agencies:${parentColumn}`,
    build: () => agencyListQuery(ctx, filter),
    parentColumn,
    filter,
    page,
    info,
    sortable: AGENCY_SORTABLE,
    defaultSort: BY_NAME,
  });
}

function managerPage(
  ctx: RequestContext,
  parentColumn: string,
  filter: ManagerFilter | undefined,
  page: PageArgs,
  info: GraphQLResolveInfo,
) {
  return childPageLoader(ctx, {
    name: `managers:${parentColumn}`,
    build: () => managerListQuery(ctx, filter),
    parentColumn,
    filter,
    page,
    info,
    sortable: MANAGER_SORTABLE,
    defaultSort: BY_NAME,
  });
}

@Resolver(() => Province)
export class ProvinceRelationsResolver {
  @FieldResolver(() => [County], {
    description: "The province's counties (reference data, readable by everyone), by code.",
  })
  counties(@Root() province: Province, @Ctx() ctx: RequestContext): Promise<County[]> {
    return ctx.loaders
      .get<string, County[]>("countiesByProvince", async (ids) =>
        groupByKeys(
          ids,
          await ctx.db.getRepository(County).find({ where: { provinceId: In([...ids]) }, order: { id: "ASC" } }),
          (county) => county.provinceId,
        ),
      )
      .load(province.id);
  }

  @FieldResolver(() => NgoPage, {
    description: `NGOs of the province within the user's territory (as the root \`ngos\` list, narrowed to the province), by name. ${sortNote(NGO_SORTABLE)}`,
  })
  ngos(
    @Root() province: Province,
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoFilter) filter: NgoFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NgoPage> {
    return ngoPage(ctx, "ngo.provinceId", filter, page, info).load(province.id);
  }

  @FieldResolver(() => AgencyPage, {
    description: `Agencies of the province, provincial and county-level, within the user's territory (as the root \`agencies\` list, narrowed to the province), by name. ${sortNote(AGENCY_SORTABLE)}`,
  })
  agencies(
    @Root() province: Province,
    @Ctx() ctx: RequestContext,
    @FilterArg(AgencyFilter) filter: AgencyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AgencyPage> {
    return agencyPage(ctx, "agency.provinceId", filter, page, info).load(province.id);
  }

  @FieldResolver(() => ManagerPage, {
    description: `Managers of the province's positions, current and past, within the user's territory (as the root \`managers\` list, narrowed to the province), by name. ${sortNote(MANAGER_SORTABLE)}`,
  })
  managers(
    @Root() province: Province,
    @Ctx() ctx: RequestContext,
    @FilterArg(ManagerFilter) filter: ManagerFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ManagerPage> {
    return managerPage(ctx, "manager.provinceId", filter, page, info).load(province.id);
  }
}

@Resolver(() => County)
export class CountyRelationsResolver {
  @FieldResolver(() => NgoPage, {
    description: `NGOs whose home county this is, within the user's territory (as the root \`ngos\` list, narrowed to the county), by name. ${sortNote(NGO_SORTABLE)}`,
  })
  ngos(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoFilter) filter: NgoFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NgoPage> {
    return ngoPage(ctx, "ngo.countyId", filter, page, info).load(county.id);
  }

  @FieldResolver(() => AgencyPage, {
    description: `County-level agencies of the county (its county governorate and the agencies' county offices), within the user's territory, by name. ${sortNote(AGENCY_SORTABLE)}`,
  })
  agencies(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @FilterArg(AgencyFilter) filter: AgencyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AgencyPage> {
    return agencyPage(ctx, "agency.countyId", filter, page, info).load(county.id);
  }

  @FieldResolver(() => ManagerPage, {
    description: `Managers of the county's positions (county governor, heads of county offices), current and past, within the user's territory, by name. ${sortNote(MANAGER_SORTABLE)}`,
  })
  managers(
    @Root() county: County,
    @Ctx() ctx: RequestContext,
    @FilterArg(ManagerFilter) filter: ManagerFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ManagerPage> {
    return managerPage(ctx, "manager.countyId", filter, page, info).load(county.id);
  }
}
