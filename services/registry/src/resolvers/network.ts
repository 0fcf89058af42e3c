import {
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  containsPattern,
  FilterArg,
  IdArg,
  InputArg,
  isUuid,
  normalizePersian,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  createRecord,
  updateRecord,
  deleteRecord,
  Writable,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo } from "../entities/Ngo";
import { NgoNetwork, NgoNetworkMember } from "../entities/NgoNetwork";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { memberIdsByNetwork, networksByMemberNgo, networksCoordinatedBy, ngoNetworkById } from "../organisationLoaders";
import { fieldOfActivityById } from "./fieldOfActivity";
import { duplicates, resolveTerritory, visibleNgos } from "./organisationSupport";

@ObjectType({ description: "A page of networks of aligned NGOs." })
export class NgoNetworkPage extends PageOf(NgoNetwork) {}

@InputType({ description: "Filter networks of aligned NGOs; all given conditions must hold." })
export class NgoNetworkFilter {
  @Field(() => [ID], { nullable: true, description: "Only these networks." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only networks of this field of activity." })
  fieldId?: string;

  @Field(() => ID, { nullable: true, description: "Only networks of this province (provincial and county networks)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only networks of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only networks this NGO coordinates or is a member of." })
  ngoId?: string;
}

@InputType({ description: "A new network of aligned NGOs." })
export class NgoNetworkCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => ID, { description: "The network's field of activity." })
  fieldId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Code of the province; derived from the county for a county network.",
  })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county, for a county network." })
  countyId?: string | null;

  @Field(() => ID, { description: "The coordinating NGO; it becomes a member too." })
  coordinatorNgoId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: "Member NGOs (of the network's province, or county for a county network).",
  })
  memberNgoIds?: string[] | null;
}

@InputType({ description: "Changes to a network; omitted fields keep their value, `null` clears an optional field." })
export class NgoNetworkUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "The network's field of activity." })
  fieldId?: string;

  @Field(() => ID, { nullable: true, description: "Code of the province." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county; `null` makes the network provincial." })
  countyId?: string | null;

  @Field(() => ID, { nullable: true, description: "The coordinating NGO; it becomes a member too." })
  coordinatorNgoId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: "Member NGOs; replaces the list (the coordinator stays a member).",
  })
  memberNgoIds?: string[] | null;
}

export const NGO_NETWORK_CONSTRAINTS = {
  ngo_network_name_in_territory_unique:
    "شبکه دیگری با همین نام در این استان یا شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  ngo_network_field_fk: "حوزه فعالیت پیدا نشد.",
};

const NETWORK_SORTABLE = {
  name: "network.nameNormalized",
  provinceId: "network.provinceId",
  countyId: "network.countyId",
  createdAt: "network.createdAt",
  updatedAt: "network.updatedAt",
};

/** The write outline of networks: the record with its member NGOs. */
const NETWORKS: Writable<NgoNetwork, string> = {
  entity: NgoNetwork,
  typeName: "NgoNetwork",
  label: "شبکه تشکل‌های همسو",
  constraints: NGO_NETWORK_CONSTRAINTS,
  related: { field: "memberNgoIds", read: memberIdsOf, replace: replaceMembers },
};

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

async function memberIdsOf(em: EntityManager, networkId: string): Promise<string[]> {
  return (await em.find(NgoNetworkMember, { where: { ngoNetworkId: networkId }, order: { ngoId: "ASC" } })).map(
    (row) => row.ngoId,
  );
}

async function replaceMembers(em: EntityManager, networkId: string, ngoIds: string[]): Promise<void> {
  await em.delete(NgoNetworkMember, { ngoNetworkId: networkId });
  if (ngoIds.length)
    await em.insert(
      NgoNetworkMember,
      ngoIds.map((ngoId) => ({ ngoNetworkId: networkId, ngoId })),
    );
}

/**
 * Validates every given field (reporting all problems at once), copies them onto the network and returns the
 * member ids after the change (the coordinator always among them). Coordinator and members must be NGOs the user
 * can see, of the network's territory after the change.
 */
async function applyNetworkInput(
  em: EntityManager,
  ctx: RequestContext,
  network: NgoNetwork,
  input: NgoNetworkCreateInput | NgoNetworkUpdateInput,
  current: string[],
): Promise<string[]> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام شبکه", { min: 3, max: 200 });
  v.check(input.fieldId !== null, "fieldId", "حوزه فعالیت شبکه را انتخاب کنید.");
  v.check(input.coordinatorNgoId !== null, "coordinatorNgoId", "سمن هماهنگ‌کننده را انتخاب کنید.");
  if (input.fieldId) {
    const field = isUuid(input.fieldId) ? await em.findOneBy(FieldOfActivity, { id: input.fieldId }) : null;
    v.check(field !== null, "fieldId", `حوزه فعالیتی با شناسه «${input.fieldId}» وجود ندارد.`);
  }
  const territory = await resolveTerritory(em, v, input, {
    provinceId: network.provinceId ?? null,
    countyId: network.countyId ?? null,
  });
  v.check(
    !!network.provinceId || input.provinceId !== undefined || input.countyId !== undefined,
    "provinceId",
    "استان یا شهرستان شبکه را وارد کنید.",
  );

  const coordinatorId = input.coordinatorNgoId ?? network.coordinatorNgoId;
  const given = input.memberNgoIds === undefined ? current : (input.memberNgoIds ?? []);
  v.check(duplicates(given).length === 0, "memberNgoIds", "هر سمن تنها یک بار می‌تواند عضو شبکه باشد.");
  const memberIds = [...new Set(coordinatorId ? [coordinatorId, ...given] : given)];
  const provinceId = territory?.provinceId ?? network.provinceId;
  const countyId = territory ? territory.countyId : network.countyId;
  if (provinceId) {
    const known = await visibleNgos(em, ctx, memberIds);
    const place = (ngo: Ngo) => (countyId ? ngo.countyId === countyId : ngo.provinceId === provinceId);
    const outside = countyId ? "این شهرستان" : "این استان";
    if (coordinatorId) {
      const coordinator = known.get(coordinatorId);
      v.check(!!coordinator, "coordinatorNgoId", `سمنی با شناسه «${coordinatorId}» پیدا نشد.`);
      if (coordinator)
        v.check(
          place(coordinator),
          "coordinatorNgoId",
          `«${coordinator.name}» سمن ${outside} نیست و نمی‌تواند هماهنگ‌کننده شبکه باشد.`,
        );
    }
    given.forEach((id, i) => {
      const ngo = known.get(id);
      v.check(!!ngo, `memberNgoIds.${i}`, `سمنی با شناسه «${id}» پیدا نشد.`);
      if (ngo) v.check(place(ngo), `memberNgoIds.${i}`, `«${ngo.name}» سمن ${outside} نیست و نمی‌تواند عضو شبکه باشد.`);
    });
  }
  v.done();

  if (input.name !== undefined) {
    network.name = tidyDisplayText(input.name);
    network.nameNormalized = normalizePersian(input.name);
  }
  if (input.fieldId) network.fieldId = input.fieldId;
  if (input.coordinatorNgoId) network.coordinatorNgoId = input.coordinatorNgoId;
  if (territory) {
    network.provinceId = territory.provinceId;
    network.countyId = territory.countyId;
  }
  return memberIds;
}
