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
  DateScalar,
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
import { Agency } from "../entities/Agency";
import { County } from "../entities/County";
import { FacilitationOffice, FacilitationOfficeOperator } from "../entities/FacilitationOffice";
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
import { isNotInFuture } from "../validation";
import { duplicates, visibleAgency, visibleNgos } from "./organisationSupport";

@ObjectType({ description: "A page of facilitation offices." })
export class FacilitationOfficePage extends PageOf(FacilitationOffice) {}

@InputType({ description: "Filter facilitation offices; all given conditions must hold." })
export class FacilitationOfficeFilter {
  @Field(() => [ID], { nullable: true, description: "Only these offices." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only offices in this informal-settlement area." })
  areaId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices of this province." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices with this partner agency." })
  partnerAgencyId?: string;

  @Field(() => ID, { nullable: true, description: "Only offices this NGO runs." })
  operatorNgoId?: string;

  @Field({
    nullable: true,
    description:
      "`false`: only offices without a dedicated space (the problem seed 004 names); `true`: only those with one.",
  })
  hasDedicatedSpace?: boolean;
}

@InputType({ description: "A new facilitation office." })
export class FacilitationOfficeCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => ID, { description: "The informal-settlement area; the office's county and province are the area's." })
  areaId!: string;

  @Field(() => [ID], { description: "The NGOs running the office (at least one), of the area's province." })
  operatorNgoIds!: string[];

  @Field(() => ID, { description: "The partner agency: of the area's county, or provincial in the area's province." })
  partnerAgencyId!: string;

  @Field(() => DateScalar, { description: "Day the office opened (not in the future)." })
  openedOn!: string;

  @Field({ nullable: true, description: "Whether the office has a dedicated space; `false` when omitted." })
  hasDedicatedSpace?: boolean;

  @Field(() => String, { nullable: true, description: "Free notes." })
  notes?: string | null;
}

@InputType({
  description: "Changes to a facilitation office; omitted fields keep their value, `null` clears an optional field.",
})
export class FacilitationOfficeUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => ID, { nullable: true, description: "The informal-settlement area." })
  areaId?: string;

  @Field(() => [ID], { nullable: true, description: "The NGOs running the office; replaces the list (at least one)." })
  operatorNgoIds?: string[];

  @Field(() => ID, { nullable: true, description: "The partner agency." })
  partnerAgencyId?: string;

  @Field(() => DateScalar, { nullable: true, description: "Day the office opened." })
  openedOn?: string;

  @Field({ nullable: true, description: "Whether the office has a dedicated space." })
  hasDedicatedSpace?: boolean;

  @Field(() => String, { nullable: true, description: "Free notes." })
  notes?: string | null;
}

export const FACILITATION_OFFICE_CONSTRAINTS = {
  facilitation_office_name_in_county_unique:
    "دفتر تسهیل‌گری دیگری با همین نام در این شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  facilitation_office_area_fk: "محله یا سکونتگاه پیدا نشد.",
  facilitation_office_partner_agency_fk: "دستگاه همکار پیدا نشد.",
};

const OFFICE_SORTABLE = {
  name: "office.nameNormalized",
  openedOn: "office.openedOn",
  countyId: "office.countyId",
  provinceId: "office.provinceId",
  hasDedicatedSpace: "office.hasDedicatedSpace",
  createdAt: "office.createdAt",
  updatedAt: "office.updatedAt",
};

/** The write outline of facilitation offices: the record with its operator NGOs. */
const OFFICES: Writable<FacilitationOffice, string> = {
  entity: FacilitationOffice,
  typeName: "FacilitationOffice",
  label: "دفتر تسهیل‌گری",
  constraints: FACILITATION_OFFICE_CONSTRAINTS,
  related: { field: "operatorNgoIds", read: operatorIdsOf, replace: replaceOperators },
};

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

async function operatorIdsOf(em: EntityManager, officeId: string): Promise<string[]> {
  return (
    await em.find(FacilitationOfficeOperator, { where: { facilitationOfficeId: officeId }, order: { ngoId: "ASC" } })
  ).map((row) => row.ngoId);
}

async function replaceOperators(em: EntityManager, officeId: string, ngoIds: string[]): Promise<void> {
  await em.delete(FacilitationOfficeOperator, { facilitationOfficeId: officeId });
  if (ngoIds.length)
    await em.insert(
      FacilitationOfficeOperator,
      ngoIds.map((ngoId) => ({ facilitationOfficeId: officeId, ngoId })),
    );
}

/**
 * Validates every given field (reporting all problems at once), copies them onto the office and returns the
 * operator ids after the change. The area (visible to the user) decides the territory; operators must be NGOs the
 * user can see, of the area's province; the partner agency must be of the area's county or provincial in its province.
 */
async function applyOfficeInput(
  em: EntityManager,
  ctx: RequestContext,
  office: FacilitationOffice,
  input: FacilitationOfficeCreateInput | FacilitationOfficeUpdateInput,
  current: string[],
): Promise<string[]> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام دفتر", { min: 3, max: 200 });
  v.text(input.notes, "notes", "یادداشت", { max: 2000, required: false });
  v.check(input.openedOn !== null, "openedOn", "تاریخ گشایش دفتر را وارد کنید.");
  if (input.openedOn) v.check(isNotInFuture(input.openedOn), "openedOn", "تاریخ گشایش نمی‌تواند در آینده باشد.");
  v.check(input.hasDedicatedSpace !== null, "hasDedicatedSpace", "داشتن یا نداشتن مکان اختصاصی را مشخص کنید.");

  let area: InformalSettlementArea | null | undefined;
  if (input.areaId !== undefined) {
    area = input.areaId && isUuid(input.areaId) ? await areaForWrite(em, ctx, input.areaId) : null;
    v.check(area !== null, "areaId", `محله یا سکونتگاهی با شناسه «${input.areaId}» پیدا نشد.`);
  }
  const countyId = area?.countyId ?? office.countyId;
  const provinceId = area?.provinceId ?? office.provinceId;

  const operators = input.operatorNgoIds === undefined ? current : (input.operatorNgoIds ?? []);
  v.check(operators.length > 0, "operatorNgoIds", "دست‌کم یک سمن گرداننده دفتر را انتخاب کنید.");
  v.check(duplicates(operators).length === 0, "operatorNgoIds", "هر سمن تنها یک بار می‌تواند گرداننده دفتر باشد.");
  if (provinceId && operators.length) {
    const known = await visibleNgos(em, ctx, operators);
    operators.forEach((id, i) => {
      const ngo = known.get(id);
      v.check(!!ngo, `operatorNgoIds.${i}`, `سمنی با شناسه «${id}» پیدا نشد.`);
      if (ngo)
        v.check(
          ngo.provinceId === provinceId,
          `operatorNgoIds.${i}`,
          `«${ngo.name}» سمن این استان نیست و نمی‌تواند گرداننده این دفتر باشد.`,
        );
    });
  }

  const agencyId = input.partnerAgencyId ?? office.partnerAgencyId;
  v.check(input.partnerAgencyId !== null, "partnerAgencyId", "دستگاه همکار را انتخاب کنید.");
  if (agencyId && provinceId) {
    const agency = input.partnerAgencyId
      ? await visibleAgency(em, ctx, agencyId)
      : await em.findOneBy(Agency, { id: agencyId });
    v.check(!!agency, "partnerAgencyId", `دستگاهی با شناسه «${agencyId}» پیدا نشد.`);
    if (agency) {
      v.check(
        agency.provinceId === provinceId && (agency.countyId === null || agency.countyId === countyId),
        "partnerAgencyId",
        `«${agency.name}» دستگاه این شهرستان یا دستگاه استانیِ این استان نیست.`,
      );
    }
  }
  v.done();

  if (input.name !== undefined) {
    office.name = tidyDisplayText(input.name);
    office.nameNormalized = normalizePersian(input.name);
  }
  if (area) {
    office.areaId = area.id;
    office.countyId = area.countyId;
    office.provinceId = area.provinceId;
  }
  if (input.partnerAgencyId) office.partnerAgencyId = input.partnerAgencyId;
  if (input.openedOn) office.openedOn = input.openedOn;
  if (input.hasDedicatedSpace !== undefined && input.hasDedicatedSpace !== null)
    office.hasDedicatedSpace = input.hasDedicatedSpace;
  if (input.notes !== undefined) office.notes = input.notes?.trim() ? input.notes.trim() : null;
  return operators;
}

/** The area, if the user can see it (territory in SQL), locked so it cannot move while the office is saved. */
async function areaForWrite(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
): Promise<InformalSettlementArea | null> {
  const query = em
    .getRepository(InformalSettlementArea)
    .createQueryBuilder("area")
    .where("area.id = :id", { id })
    .setLock("pessimistic_read");
  whereInTerritory(query, requireUser(ctx), { province: "area.provinceId", county: "area.countyId" });
  return query.getOne();
}
