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
  assertCanWrite,
  containsPattern,
  DateScalar,
  FilterArg,
  IdArg,
  inTransaction,
  InputArg,
  normalizePersian,
  OFFICERS,
  PageArgs,
  PageOf,
  paginate,
  recordChange,
  RequestContext,
  requireUser,
  SortOrder,
  tidyDisplayText,
  uuidsForFilter,
  Validator,
  whereInTerritory,
  assertNotReferenced,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { County } from "../entities/County";
import { Ngo } from "../entities/Ngo";
import { NgoHouse, NgoHouseMember } from "../entities/NgoHouse";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { housesByMemberNgo, membershipsByHouse, ngoHouseById } from "../organisationLoaders";
import { isNotInFuture, normalizePhone } from "../validation";
import { duplicates, resolveTerritory, visibleNgos } from "./organisationSupport";

@ObjectType({ description: "A page of NGO Houses." })
export class NgoHousePage extends PageOf(NgoHouse) {}

@InputType({ description: "Filter NGO Houses; all given conditions must hold." })
export class NgoHouseFilter {
  @Field(() => [ID], { nullable: true, description: "Only these houses." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only houses of this province (provincial and county houses)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only the house of this county." })
  countyId?: string;

  @Field({ nullable: true, description: "`true`: only provincial houses; `false`: only county houses." })
  provincial?: boolean;

  @Field(() => ID, { nullable: true, description: "Only houses this NGO is a member of." })
  memberNgoId?: string;
}

@InputType({ description: "A member NGO of a house and the day it joined." })
export class NgoHouseMemberInput {
  @Field(() => ID, {
    description: "The NGO; it must be of the house's province (provincial house) or county (county house).",
  })
  ngoId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day the NGO joined (not in the future, not before the house opened).",
  })
  joinedOn?: string | null;
}

@InputType({ description: "A new NGO House of a province (no county) or a county." })
export class NgoHouseCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => ID, { nullable: true, description: "Code of the province; derived from the county for a county house." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county, for a county house." })
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "Name of the house's manager." })
  managerName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Phone of the house's manager (mobile or landline with area code).",
  })
  managerPhone?: string | null;

  @Field(() => [String], { nullable: true, description: "Facilities, one text per facility." })
  facilities?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the house opened (not in the future)." })
  openedOn?: string | null;

  @Field(() => [NgoHouseMemberInput], { nullable: true, description: "Member NGOs." })
  members?: NgoHouseMemberInput[] | null;
}

@InputType({
  description: "Changes to an NGO House; omitted fields keep their value, `null` clears an optional field.",
})
export class NgoHouseUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "Code of the province." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county; `null` makes the house provincial." })
  countyId?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "Name of the house's manager." })
  managerName?: string | null;

  @Field(() => String, { nullable: true, description: "Phone of the house's manager." })
  managerPhone?: string | null;

  @Field(() => [String], { nullable: true, description: "Facilities; replaces the list." })
  facilities?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the house opened." })
  openedOn?: string | null;

  @Field(() => [NgoHouseMemberInput], {
    nullable: true,
    description: "Member NGOs; replaces the whole list (`[]` or `null` removes every member).",
  })
  members?: NgoHouseMemberInput[] | null;
}

export const NGO_HOUSE_CONSTRAINTS = {
  ngo_house_territory_unique:
    "این استان یا شهرستان پیش‌تر خانه سمن‌ها دارد؛ هر استان یک خانه استانی و هر شهرستان یک خانه دارد.",
};

const HOUSE_SORTABLE = {
  name: "house.nameNormalized",
  provinceId: "house.provinceId",
  countyId: "house.countyId",
  openedOn: "house.openedOn",
  createdAt: "house.createdAt",
  updatedAt: "house.updatedAt",
};

const LABEL = "خانه سمن‌ها";

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
    return inTransaction(ctx.db, NGO_HOUSE_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createNgoHouse",
        idempotencyKey,
        input,
        async () => {
          const house = em.create(NgoHouse, {
            facilities: [],
            address: null,
            managerName: null,
            managerPhone: null,
            openedOn: null,
            countyId: null,
          });
          const members = await applyHouseInput(em, ctx, house, input, []);
          assertCanWrite(requireUser(ctx), house);
          const saved = await em.save(house);
          await replaceMembers(em, saved.id, members ?? []);
          const after = { ...saved, members: members ?? [] };
          await recordChange(em, ctx, "createNgoHouse", "NgoHouse", { before: null, after });
          return saved;
        },
        (id) => em.findOneBy(NgoHouse, { id }),
      ),
    );
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
    return inTransaction(ctx.db, NGO_HOUSE_CONSTRAINTS, async (em) => {
      const house = await findForWrite(em, ctx, NgoHouse, id, LABEL, expectedVersion);
      const current = await membersOf(em, id);
      const before = { ...house, members: current };
      const members = await applyHouseInput(em, ctx, house, input, current);
      assertCanWrite(requireUser(ctx), house);
      const saved = await em.save(house);
      if (members) await replaceMembers(em, id, members);
      await recordChange(em, ctx, "updateNgoHouse", "NgoHouse", {
        before,
        after: { ...saved, members: members ?? current },
      });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => NgoHouse, {
    description: "Delete an NGO House registered by mistake, with its memberships; returns it as it was.",
  })
  async deleteNgoHouse(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<NgoHouse> {
    return inTransaction(ctx.db, NGO_HOUSE_CONSTRAINTS, async (em) => {
      const house = await findForWrite(em, ctx, NgoHouse, id, LABEL);
      await assertNotReferenced(ctx, "NgoHouse", id, "خانه سمن‌ها"); // after the territory check: nothing is told about records out of reach
      const members = await membersOf(em, id);
      await em.delete(NgoHouse, { id });
      await recordChange(em, ctx, "deleteNgoHouse", "NgoHouse", { before: { ...house, members }, after: null });
      return Object.assign(new NgoHouse(), house, { id });
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

interface MemberRow {
  ngoId: string;
  joinedOn: string | null;
}

async function membersOf(em: EntityManager, houseId: string): Promise<MemberRow[]> {
  const rows = await em.find(NgoHouseMember, { where: { ngoHouseId: houseId }, order: { ngoId: "ASC" } });
  return rows.map((row) => ({ ngoId: row.ngoId, joinedOn: row.joinedOn }));
}

async function replaceMembers(em: EntityManager, houseId: string, members: MemberRow[]): Promise<void> {
  await em.delete(NgoHouseMember, { ngoHouseId: houseId });
  if (members.length)
    await em.insert(
      NgoHouseMember,
      members.map((m) => ({ ngoHouseId: houseId, ngoId: m.ngoId, joinedOn: m.joinedOn })),
    );
}

/**
 * Validates every given field (reporting all problems at once), copies them onto the house and returns the new
 * member list (undefined when `members` was omitted). Members must be NGOs the user can see, of the house's
 * territory after the change — kept members too, so a house cannot move away from its members.
 */
async function applyHouseInput(
  em: EntityManager,
  ctx: RequestContext,
  house: NgoHouse,
  input: NgoHouseCreateInput | NgoHouseUpdateInput,
  current: MemberRow[],
): Promise<MemberRow[] | undefined> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام خانه", { min: 3, max: 200 });
  v.text(input.address, "address", "نشانی", { max: 500, required: false });
  v.text(input.managerName, "managerName", "نام مدیر خانه", { min: 3, max: 200, required: false });
  const phone = input.managerPhone ? normalizePhone(input.managerPhone) : null;
  v.check(
    !(input.managerPhone && phone === null),
    "managerPhone",
    "شماره تلفن مدیر خانه معتبر نیست؛ شماره همراه ۰۹xxxxxxxxx یا تلفن ثابت با پیش‌شماره (۱۱ رقم) وارد کنید.",
  );
  const facilities = (input.facilities ?? []).map((f) => tidyDisplayText(f)).filter((f) => f.length > 0);
  v.check(
    facilities.length <= 50 && facilities.every((f) => f.length <= 200),
    "facilities",
    "امکانات: حداکثر ۵۰ مورد، هر یک حداکثر ۲۰۰ نویسه.",
  );
  v.check(!input.openedOn || isNotInFuture(input.openedOn), "openedOn", "تاریخ گشایش نمی‌تواند در آینده باشد.");
  const territory = await resolveTerritory(em, v, input, {
    provinceId: house.provinceId ?? null,
    countyId: house.countyId ?? null,
  });
  v.check(
    !!house.provinceId || input.provinceId !== undefined || input.countyId !== undefined,
    "provinceId",
    "استان یا شهرستان خانه را وارد کنید.",
  );

  const members =
    input.members === undefined
      ? undefined
      : (input.members ?? []).map((m) => ({ ngoId: m.ngoId, joinedOn: m.joinedOn ?? null }));
  const effective = members ?? current;
  const repeated = duplicates(effective.map((m) => m.ngoId));
  v.check(repeated.length === 0, "members", "هر سمن تنها یک بار می‌تواند عضو خانه باشد.");
  const provinceId = territory?.provinceId ?? house.provinceId;
  const countyId = territory ? territory.countyId : house.countyId;
  const openedOn = input.openedOn === undefined ? house.openedOn : input.openedOn;
  if (effective.length && provinceId) {
    const known = await visibleNgos(
      em,
      ctx,
      effective.map((m) => m.ngoId),
    );
    effective.forEach((member, i) => {
      const ngo = known.get(member.ngoId);
      const field = `members.${i}.ngoId`;
      if (!ngo) v.check(false, field, `سمنی با شناسه «${member.ngoId}» پیدا نشد.`);
      else if (countyId)
        v.check(
          ngo.countyId === countyId,
          field,
          `«${ngo.name}» سمن این شهرستان نیست و نمی‌تواند عضو خانه سمن‌های شهرستان باشد.`,
        );
      else
        v.check(
          ngo.provinceId === provinceId,
          field,
          `«${ngo.name}» سمن این استان نیست و نمی‌تواند عضو خانه سمن‌های استان باشد.`,
        );
      if (member.joinedOn) {
        v.check(isNotInFuture(member.joinedOn), `members.${i}.joinedOn`, "تاریخ عضویت نمی‌تواند در آینده باشد.");
        v.check(
          !openedOn || member.joinedOn >= openedOn,
          `members.${i}.joinedOn`,
          "تاریخ عضویت نمی‌تواند پیش از گشایش خانه باشد.",
        );
      }
    });
  }
  v.done();

  if (input.name !== undefined) {
    house.name = tidyDisplayText(input.name);
    house.nameNormalized = normalizePersian(input.name);
  }
  if (territory) {
    house.provinceId = territory.provinceId;
    house.countyId = territory.countyId;
  }
  if (input.address !== undefined) house.address = input.address?.trim() ? tidyDisplayText(input.address) : null;
  if (input.managerName !== undefined)
    house.managerName = input.managerName?.trim() ? tidyDisplayText(input.managerName) : null;
  if (input.managerPhone !== undefined) house.managerPhone = phone;
  if (input.facilities !== undefined) house.facilities = facilities;
  if (input.openedOn !== undefined) house.openedOn = input.openedOn;
  return members;
}
