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
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo } from "../entities/Ngo";
import { NgoNetwork } from "../entities/NgoNetwork";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { memberIdsByNetwork, networksByMemberNgo, networksCoordinatedBy, ngoNetworkById } from "../organisationLoaders";
import { fieldOfActivityById } from "./fieldOfActivity";

import { NgoNetworkCreateInput, NgoNetworkFilter, NgoNetworkPage, NgoNetworkUpdateInput } from "./networkInputs";
import { applyNetworkInput, NETWORK_SORTABLE, NETWORKS } from "./networkRules";
export { NgoNetworkPage, NgoNetworkFilter, NgoNetworkCreateInput, NgoNetworkUpdateInput } from "./networkInputs";
export { NGO_NETWORK_CONSTRAINTS } from "./networkRules";

@Resolver(() => NgoNetwork)
export class NgoNetworkResolver {
  @Allow(ALL_ROLES)
  @Query(() => NgoNetworkPage, {
    description: `Networks of aligned NGOs of the user's territory. Sortable by ${Object.keys(NETWORK_SORTABLE)
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async ngoNetworks(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoNetworkFilter) filter: NgoNetworkFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoNetworkPage> {
    const query = whereInTerritory(ctx.db.getRepository(NgoNetwork).createQueryBuilder("network"), requireUser(ctx), {
      province: "network.provinceId",
      county: "network.countyId",
    });
    if (filter?.ids) query.andWhere("network.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.fieldId)
      query.andWhere("network.fieldId IN (:...fieldIds)", { fieldIds: uuidsForFilter([filter.fieldId]) });
    if (filter?.provinceId) query.andWhere("network.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.countyId) query.andWhere("network.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.q) query.andWhere("network.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    if (filter?.ngoId) {
      query.andWhere(
        "(network.coordinatorNgoId IN (:...ngoIds) OR network.id IN (SELECT m.ngo_network_id FROM ngo_network_member m WHERE m.ngo_id IN (:...ngoIds)))",
        {
          ngoIds: uuidsForFilter([filter.ngoId]),
        },
      );
    }
    return paginate(query, page, NETWORK_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => NgoNetwork, {
    nullable: true,
    description: "One network by id; empty when it does not exist or is outside the user's territory.",
  })
  ngoNetwork(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoNetwork | null> {
    return ngoNetworkById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoNetwork, {
    description:
      "Register a network of aligned NGOs in the user's territory, with its coordinator and members (NGOs of that territory).",
  })
  async createNgoNetwork(
    @Ctx() ctx: RequestContext,
    @InputArg(NgoNetworkCreateInput) input: NgoNetworkCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<NgoNetwork> {
    return createRecord(ctx, NETWORKS, { input, idempotencyKey }, async (em) => {
      const network = em.create(NgoNetwork, { countyId: null });
      return { row: network, related: await applyNetworkInput(em, ctx, network, input, []) };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoNetwork, {
    description:
      "Change a network (within the user's territory, before and after); `memberNgoIds` replaces the member list.",
  })
  async updateNgoNetwork(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoNetworkUpdateInput) input: NgoNetworkUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<NgoNetwork> {
    return updateRecord(
      ctx,
      NETWORKS,
      { id, expectedVersion },
      {
        change: (em, network, { current }) => applyNetworkInput(em, ctx, network, input, current ?? []),
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoNetwork, {
    description: "Delete a network registered by mistake, with its memberships; returns it as it was.",
  })
  async deleteNgoNetwork(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoNetwork> {
    return deleteRecord(ctx, NETWORKS, id);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() network: NgoNetwork, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(network.provinceId);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() network: NgoNetwork, @Ctx() ctx: RequestContext): Promise<County | null> {
    return network.countyId ? countyById(ctx).load(network.countyId) : Promise.resolve(null);
  }

  @FieldResolver(() => FieldOfActivity, { nullable: true, description: "The network's field of activity." })
  field(@Root() network: NgoNetwork, @Ctx() ctx: RequestContext): Promise<FieldOfActivity | null> {
    return fieldOfActivityById(ctx).load(network.fieldId);
  }

  @FieldResolver(() => Ngo, {
    nullable: true,
    description: "The coordinating NGO (empty when outside the user's territory or deleted).",
  })
  coordinator(@Root() network: NgoNetwork, @Ctx() ctx: RequestContext): Promise<Ngo | null> {
    return network.coordinatorNgoId ? ngoById(ctx).load(network.coordinatorNgoId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Ngo], {
    description: "Member NGOs (the coordinator included), by name; only NGOs of the user's territory.",
  })
  async members(@Root() network: NgoNetwork, @Ctx() ctx: RequestContext): Promise<Ngo[]> {
    const ids = await memberIdsByNetwork(ctx).load(network.id);
    const ngos = await ngoById(ctx).loadMany(ids);
    return ngos.filter((ngo): ngo is Ngo => ngo !== null && !(ngo instanceof Error));
  }
}

@Resolver(() => Ngo)
export class NgoNetworksOfNgoResolver {
  @FieldResolver(() => [NgoNetwork], {
    description: "Networks of aligned NGOs the NGO is a member of (within the user's territory).",
  })
  networks(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoNetwork[]> {
    return networksByMemberNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => [NgoNetwork], {
    description: "Networks of aligned NGOs the NGO coordinates (within the user's territory).",
  })
  coordinatedNetworks(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoNetwork[]> {
    return networksCoordinatedBy(ctx).load(ngo.id);
  }
}
