import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  containsPattern,
  FilterArg,
  IdArg,
  InputArg,
  OFFICERS,
  PageArgs,
  paginate,
  RequestContext,
  requireUser,
  SortOrder,
  uuidsForFilter,
  whereInTerritory,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  createRecord,
  updateRecord,
  deleteRecord,
} from "@hamafza/common";
import { Agency } from "../entities/Agency";
import { County } from "../entities/County";
import { FacilitationOffice } from "../entities/FacilitationOffice";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";
import { Ngo } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import {
  agencyById,
  areaById,
  facilitationOfficeById,
  officesByOperatorNgo,
  operatorIdsByOffice,
} from "../organisationLoaders";

import {
  FacilitationOfficeCreateInput,
  FacilitationOfficeFilter,
  FacilitationOfficePage,
  FacilitationOfficeUpdateInput,
} from "./facilitationOfficeInputs";
import { applyOfficeInput, OFFICE_SORTABLE, OFFICES } from "./facilitationOfficeRules";
export {
  FacilitationOfficePage,
  FacilitationOfficeFilter,
  FacilitationOfficeCreateInput,
  FacilitationOfficeUpdateInput,
} from "./facilitationOfficeInputs";
export { FACILITATION_OFFICE_CONSTRAINTS } from "./facilitationOfficeRules";

@Resolver(() => FacilitationOffice)
export class FacilitationOfficeResolver {
  @Allow(ALL_ROLES)
  @Query(() => FacilitationOfficePage, {
    description: `Facilitation offices of the user's territory; \`filter: { hasDedicatedSpace: false }\` lists those without a space of their own. Sortable by ${Object.keys(
      OFFICE_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async facilitationOffices(
    @Ctx() ctx: RequestContext,
    @FilterArg(FacilitationOfficeFilter) filter: FacilitationOfficeFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<FacilitationOfficePage> {
    const query = whereInTerritory(
      ctx.db.getRepository(FacilitationOffice).createQueryBuilder("office"),
      requireUser(ctx),
      { province: "office.provinceId", county: "office.countyId" },
    );
    if (filter?.ids) query.andWhere("office.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.areaId) query.andWhere("office.areaId IN (:...areaIds)", { areaIds: uuidsForFilter([filter.areaId]) });
    if (filter?.countyId) query.andWhere("office.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.provinceId) query.andWhere("office.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.partnerAgencyId)
      query.andWhere("office.partnerAgencyId IN (:...agencyIds)", {
        agencyIds: uuidsForFilter([filter.partnerAgencyId]),
      });
    if (filter?.hasDedicatedSpace !== undefined && filter.hasDedicatedSpace !== null)
      query.andWhere("office.hasDedicatedSpace = :space", { space: filter.hasDedicatedSpace });
    if (filter?.q) query.andWhere("office.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    if (filter?.operatorNgoId) {
      query.andWhere(
        "office.id IN (SELECT o.facilitation_office_id FROM facilitation_office_operator o WHERE o.ngo_id IN (:...operatorIds))",
        {
          operatorIds: uuidsForFilter([filter.operatorNgoId]),
        },
      );
    }
    return paginate(query, page, OFFICE_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => FacilitationOffice, {
    nullable: true,
    description: "One facilitation office by id; empty when it does not exist or is outside the user's territory.",
  })
  facilitationOffice(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<FacilitationOffice | null> {
    return facilitationOfficeById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => FacilitationOffice, {
    description:
      "Register a facilitation office in an informal-settlement area of the user's territory, with the NGOs running it and its partner agency.",
  })
  async createFacilitationOffice(
    @Ctx() ctx: RequestContext,
    @InputArg(FacilitationOfficeCreateInput) input: FacilitationOfficeCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<FacilitationOffice> {
    return createRecord(ctx, OFFICES, { input, idempotencyKey }, async (em) => {
      const office = em.create(FacilitationOffice, { hasDedicatedSpace: false, notes: null });
      return { row: office, related: await applyOfficeInput(em, ctx, office, input, []) };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => FacilitationOffice, {
    description:
      "Change a facilitation office (within the user's territory, before and after), e.g. record that it got a dedicated space.",
  })
  async updateFacilitationOffice(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(FacilitationOfficeUpdateInput) input: FacilitationOfficeUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<FacilitationOffice> {
    return updateRecord(
      ctx,
      OFFICES,
      { id, expectedVersion },
      {
        change: (em, office, { current }) => applyOfficeInput(em, ctx, office, input, current ?? []),
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => FacilitationOffice, {
    description: "Delete a facilitation office registered by mistake; returns it as it was.",
  })
  async deleteFacilitationOffice(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<FacilitationOffice> {
    return deleteRecord(ctx, OFFICES, id);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() office: FacilitationOffice, @Ctx() ctx: RequestContext): Promise<County | null> {
    return countyById(ctx).load(office.countyId);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() office: FacilitationOffice, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(office.provinceId);
  }

  @FieldResolver(() => InformalSettlementArea, {
    nullable: true,
    description: "The informal-settlement area the office serves.",
  })
  area(@Root() office: FacilitationOffice, @Ctx() ctx: RequestContext): Promise<InformalSettlementArea | null> {
    return areaById(ctx).load(office.areaId);
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: "The partner agency (empty when outside the user's territory).",
  })
  partnerAgency(@Root() office: FacilitationOffice, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return agencyById(ctx).load(office.partnerAgencyId);
  }

  @FieldResolver(() => [Ngo], {
    description: "The NGOs running the office, by name; only NGOs of the user's territory.",
  })
  async operators(@Root() office: FacilitationOffice, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    const ids = await operatorIdsByOffice(ctx).load(office.id);
    const ngos = await ngoById(ctx).loadMany(ids);
    return ngos.filter((ngo): ngo is Ngo => ngo !== null && !(ngo instanceof Error));
  }
}

@Resolver(() => Ngo)
export class FacilitationOfficesOfNgoResolver {
  @FieldResolver(() => [FacilitationOffice], {
    description: "Facilitation offices the NGO runs (within the user's territory).",
  })
  facilitationOffices(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<FacilitationOffice[]> {
    return officesByOperatorNgo(ctx).load(ngo.id);
  }
}
