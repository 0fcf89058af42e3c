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
  assertNotReferenced,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  createRecord,
  updateRecord,
  deleteRecord,
  Writable,
} from "@hamafza/common";
import { County } from "../entities/County";
import { Ngo } from "../entities/Ngo";
import { NgoHouse, NgoHouseMember } from "../entities/NgoHouse";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { housesByMemberNgo, membershipsByHouse, ngoHouseById } from "../organisationLoaders";
import { MemberRow, NgoHouseCreateInput, NgoHouseFilter, NgoHousePage, NgoHouseUpdateInput } from "./ngoHouseInputs";
import {
  HOUSE_SORTABLE,
  LABEL,
  NGO_HOUSE_CONSTRAINTS,
  applyHouseInput,
  membersOf,
  replaceMembers,
} from "./ngoHouseRules";
export {
  NgoHousePage,
  NgoHouseFilter,
  NgoHouseMemberInput,
  NgoHouseCreateInput,
  NgoHouseUpdateInput,
} from "./ngoHouseInputs";
export { NGO_HOUSE_CONSTRAINTS } from "./ngoHouseRules";

/** The write outline of NGO Houses: the record with its memberships. */
const HOUSES: Writable<NgoHouse, MemberRow> = {
  entity: NgoHouse,
  typeName: "NgoHouse",
  label: LABEL,
  constraints: NGO_HOUSE_CONSTRAINTS,
  related: { field: "members", read: membersOf, replace: replaceMembers },
};

@Resolver(() => NgoHouse)
export class NgoHouseResolver {
  @Allow(ALL_ROLES)
  @Query(() => NgoHousePage, {
    description: `NGO Houses of the user's territory. Sortable by ${Object.keys(HOUSE_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async ngoHouses(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoHouseFilter) filter: NgoHouseFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoHousePage> {
    const query = whereInTerritory(ctx.db.getRepository(NgoHouse).createQueryBuilder("house"), requireUser(ctx), {
      province: "house.provinceId",
      county: "house.countyId",
    });
    if (filter?.ids) query.andWhere("house.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.provinceId) query.andWhere("house.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("house.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.provincial === true) query.andWhere("house.countyId IS NULL");
    if (filter?.provincial === false) query.andWhere("house.countyId IS NOT NULL");
    if (filter?.q) query.andWhere("house.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    if (filter?.memberNgoId) {
      query.andWhere(
        "house.id IN (SELECT m.ngo_house_id FROM ngo_house_member m WHERE m.ngo_id IN (:...memberNgoIds))",
        { memberNgoIds: uuidsForFilter([filter.memberNgoId]) },
      );
    }
    return paginate(query, page, HOUSE_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => NgoHouse, {
    nullable: true,
    description: "One NGO House by id; empty when it does not exist or is outside the user's territory.",
  })
  ngoHouse(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoHouse | null> {
    return ngoHouseById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoHouse, {
    description:
      "Register the NGO House of a province or county in the user's territory, with its members (NGOs of that territory).",
  })
  async createNgoHouse(
    @Ctx() ctx: RequestContext,
    @InputArg(NgoHouseCreateInput) input: NgoHouseCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<NgoHouse> {
    return createRecord(ctx, HOUSES, { input, idempotencyKey }, async (em) => {
      const house = em.create(NgoHouse, {
        facilities: [],
        address: null,
        managerName: null,
        managerPhone: null,
        openedOn: null,
        countyId: null,
      });
      return { row: house, related: await applyHouseInput(em, ctx, house, input, []) };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoHouse, {
    description:
      "Change an NGO House (within the user's territory, before and after); `members` replaces the member list.",
  })
  async updateNgoHouse(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoHouseUpdateInput) input: NgoHouseUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<NgoHouse> {
    return updateRecord(
      ctx,
      HOUSES,
      { id, expectedVersion },
      {
        change: (em, house, { current }) => applyHouseInput(em, ctx, house, input, current ?? []),
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoHouse, {
    description: "Delete an NGO House registered by mistake, with its memberships; returns it as it was.",
  })
  async deleteNgoHouse(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoHouse> {
    return deleteRecord(ctx, HOUSES, id, {
      // after the territory check: nothing is told about records out of reach
      guard: () => assertNotReferenced(ctx, "NgoHouse", id, "خانه سمن‌ها"),
    });
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() house: NgoHouse, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(house.provinceId);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() house: NgoHouse, @Ctx() ctx: RequestContext): Promise<County | null> {
    return house.countyId ? countyById(ctx).load(house.countyId) : Promise.resolve(null);
  }

  @FieldResolver(() => [NgoHouseMember], {
    description: "Memberships (NGO and joining day), earliest first; only NGOs of the user's territory.",
  })
  memberships(@Root() house: NgoHouse, @Ctx() ctx: RequestContext): Promise<NgoHouseMember[]> {
    return membershipsByHouse(ctx).load(house.id);
  }

  @FieldResolver(() => [Ngo], { description: "Member NGOs, earliest member first; only NGOs of the user's territory." })
  async members(@Root() house: NgoHouse, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    const memberships = await membershipsByHouse(ctx).load(house.id);
    const ngos = await ngoById(ctx).loadMany(memberships.map((m) => m.ngoId));
    return ngos.filter((ngo): ngo is Ngo => ngo !== null && !(ngo instanceof Error));
  }
}

@Resolver(() => NgoHouseMember)
export class NgoHouseMembershipResolver {
  @FieldResolver(() => Ngo, {
    nullable: true,
    description: "The member NGO (empty when outside the user's territory).",
  })
  ngo(@Root() membership: NgoHouseMember, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return ngoById(ctx).load(membership.ngoId);
  }
}

@Resolver(() => Ngo)
export class NgoHousesOfNgoResolver {
  @FieldResolver(() => [NgoHouse], { description: "NGO Houses the NGO is a member of (within the user's territory)." })
  ngoHouses(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoHouse[]> {
    return housesByMemberNgo(ctx).load(ngo.id);
  }
}
