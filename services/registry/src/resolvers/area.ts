import {
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
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
  conflict,
  containsPattern,
  FilterArg,
  IdArg,
  InputArg,
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
  assertNotReferenced,
  ExpectedVersionArg,
  IdempotencyKeyArg,
  createRecord,
  updateRecord,
  deleteRecord,
  Writable,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { County } from "../entities/County";
import { FacilitationOffice } from "../entities/FacilitationOffice";
import { AreaKind, InformalSettlementArea } from "../entities/InformalSettlementArea";
import { NeedsAssessment } from "../entities/NeedsAssessment";
import { Province } from "../entities/Province";
import { countyById, provinceById } from "../loaders";
import { areaById, areasByCounty, officesByArea } from "../organisationLoaders";

@ObjectType({ description: "A page of informal-settlement areas." })
export class InformalSettlementAreaPage extends PageOf(InformalSettlementArea) {}

@InputType({ description: "Filter informal-settlement areas; all given conditions must hold." })
export class InformalSettlementAreaFilter {
  @Field(() => [ID], { nullable: true, description: "Only these areas." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only areas of this county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only areas of this province." })
  provinceId?: string;

  @Field(() => AreaKind, { nullable: true, description: "Only areas of this kind." })
  kind?: AreaKind;
}

@InputType({ description: "A new informal-settlement area." })
export class InformalSettlementAreaCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field(() => AreaKind, { description: "Informal settlement, neighbourhood or inefficient urban area." })
  kind!: AreaKind;

  @Field(() => ID, { description: "Code of the county the area is in." })
  countyId!: string;

  @Field(() => Int, { nullable: true, description: "Estimated population." })
  estimatedPopulation?: number | null;

  @Field(() => String, { nullable: true, description: "Free notes." })
  notes?: string | null;
}

@InputType({ description: "Changes to an area; omitted fields keep their value, `null` clears an optional field." })
export class InformalSettlementAreaUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => AreaKind, { nullable: true, description: "Kind of area." })
  kind?: AreaKind;

  @Field(() => ID, {
    nullable: true,
    description: "Code of the county (refused while the area has facilitation offices).",
  })
  countyId?: string;

  @Field(() => Int, { nullable: true, description: "Estimated population." })
  estimatedPopulation?: number | null;

  @Field(() => String, { nullable: true, description: "Free notes." })
  notes?: string | null;
}

export const AREA_CONSTRAINTS = {
  informal_settlement_area_name_in_county_unique:
    "محله یا سکونتگاه دیگری با همین نام در این شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  facilitation_office_area_fk: "در این محله دفتر تسهیل‌گری ثبت شده است؛ نخست دفترها را حذف یا جابه‌جا کنید.",
  informal_settlement_area_population_check: "جمعیت تخمینی باید عددی نامنفی باشد.",
  needs_assessment_area_fk: "برای این محله نیازسنجی ثبت شده است؛ نخست نیازسنجی‌ها را حذف کنید.",
};

const AREA_SORTABLE = {
  name: "area.nameNormalized",
  kind: "area.kind",
  countyId: "area.countyId",
  provinceId: "area.provinceId",
  estimatedPopulation: "area.estimatedPopulation",
  createdAt: "area.createdAt",
  updatedAt: "area.updatedAt",
};

const LABEL = "محله / سکونتگاه";

/** The write outline of InformalSettlementArea records. */
const AREAS: Writable<InformalSettlementArea> = {
  entity: InformalSettlementArea,
  typeName: "InformalSettlementArea",
  label: LABEL,
  constraints: AREA_CONSTRAINTS,
};

@Resolver(() => InformalSettlementArea)
export class InformalSettlementAreaResolver {
  @Allow(ALL_ROLES)
  @Query(() => InformalSettlementAreaPage, {
    description: `Informal settlements, neighbourhoods and inefficient urban areas of the user's territory. Sortable by ${Object.keys(
      AREA_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async informalSettlementAreas(
    @Ctx() ctx: RequestContext,
    @FilterArg(InformalSettlementAreaFilter) filter: InformalSettlementAreaFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<InformalSettlementAreaPage> {
    const query = whereInTerritory(
      ctx.db.getRepository(InformalSettlementArea).createQueryBuilder("area"),
      requireUser(ctx),
      { province: "area.provinceId", county: "area.countyId" },
    );
    if (filter?.ids) query.andWhere("area.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.countyId) query.andWhere("area.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.provinceId) query.andWhere("area.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.kind) query.andWhere("area.kind = :kind", { kind: filter.kind });
    if (filter?.q) query.andWhere("area.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    return paginate(query, page, AREA_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => InformalSettlementArea, {
    nullable: true,
    description: "One area by id; empty when it does not exist or is outside the user's territory.",
  })
  informalSettlementArea(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<InformalSettlementArea | null> {
    return areaById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => InformalSettlementArea, {
    description:
      "Register an informal settlement or neighbourhood in a county of the user's territory. Refused if its normalised name exists in the county.",
  })
  async createInformalSettlementArea(
    @Ctx() ctx: RequestContext,
    @InputArg(InformalSettlementAreaCreateInput) input: InformalSettlementAreaCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<InformalSettlementArea> {
    return createRecord(ctx, AREAS, { input, idempotencyKey }, async (em) => {
      const area = em.create(InformalSettlementArea, {});
      await applyAreaInput(em, area, input);
      return { row: area };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => InformalSettlementArea, {
    description:
      "Change an area (within the user's territory, before and after). Its county cannot change while it has facilitation offices.",
  })
  async updateInformalSettlementArea(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(InformalSettlementAreaUpdateInput) input: InformalSettlementAreaUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<InformalSettlementArea> {
    return updateRecord(
      ctx,
      AREAS,
      { id, expectedVersion },
      {
        change: async (em, area, { before }) => {
          await applyAreaInput(em, area, input);
          assertCanWrite(requireUser(ctx), area);
          if (area.countyId !== before.countyId && (await em.countBy(FacilitationOffice, { areaId: id })) > 0) {
            throw conflict("این محله دفتر تسهیل‌گری دارد و شهرستان آن را نمی‌توان تغییر داد.");
          }
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => InformalSettlementArea, {
    description:
      "Delete an area registered by mistake; returns it as it was. Refused while it has facilitation offices.",
  })
  async deleteInformalSettlementArea(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<InformalSettlementArea> {
    return deleteRecord(ctx, AREAS, id, {
      guard: async (em) => {
        await assertNotReferenced(ctx, "InformalSettlementArea", id, "محله یا سکونتگاه"); // after the territory check: nothing is told about records out of reach
        const offices = await em.countBy(FacilitationOffice, { areaId: id });
        if (offices > 0)
          throw conflict(
            `در این محله ${offices.toLocaleString("fa-IR")} دفتر تسهیل‌گری ثبت شده است؛ نخست آن‌ها را حذف کنید.`,
          );
        const assessments = await em.countBy(NeedsAssessment, { areaId: id });
        if (assessments > 0)
          throw conflict(
            `برای این محله ${assessments.toLocaleString("fa-IR")} نیازسنجی ثبت شده است؛ نخست آن‌ها را حذف کنید.`,
          );
      },
    });
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() area: InformalSettlementArea, @Ctx() ctx: RequestContext): Promise<County | null> {
    return countyById(ctx).load(area.countyId);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() area: InformalSettlementArea, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(area.provinceId);
  }

  @FieldResolver(() => [FacilitationOffice], {
    description: "Facilitation offices in the area (within the user's territory).",
  })
  facilitationOffices(@Root() area: InformalSettlementArea, @Ctx() ctx: RequestContext): Promise<FacilitationOffice[]> {
    return officesByArea(ctx).load(area.id);
  }
}

@Resolver(() => County)
export class CountyAreasResolver {
  @FieldResolver(() => [InformalSettlementArea], {
    description: "Informal settlements and neighbourhoods of the county (within the user's territory), by name.",
  })
  areas(@Root() county: County, @Ctx() ctx: RequestContext): Promise<InformalSettlementArea[]> {
    return areasByCounty(ctx).load(county.id);
  }
}

/** Validates every given field (reporting all problems at once) and copies them onto the area. */
async function applyAreaInput(
  em: EntityManager,
  area: InformalSettlementArea,
  input: InformalSettlementAreaCreateInput | InformalSettlementAreaUpdateInput,
): Promise<void> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام محله", { min: 2, max: 200 });
  v.check(input.kind !== null, "kind", "نوع محله را انتخاب کنید.");
  v.nonNegativeInt(input.estimatedPopulation, "estimatedPopulation", "جمعیت تخمینی");
  v.check(
    input.estimatedPopulation === undefined ||
      input.estimatedPopulation === null ||
      input.estimatedPopulation <= 10_000_000,
    "estimatedPopulation",
    "جمعیت تخمینی بیش از اندازه است.",
  );
  v.text(input.notes, "notes", "یادداشت", { max: 2000, required: false });
  v.check(input.countyId !== null, "countyId", "شهرستان را وارد کنید.");
  const county = input.countyId ? await em.findOneBy(County, { id: input.countyId }) : undefined;
  v.check(county !== null, "countyId", `شهرستانی با کد «${input.countyId}» وجود ندارد.`);
  v.done();

  if (input.name !== undefined) {
    area.name = tidyDisplayText(input.name);
    area.nameNormalized = normalizePersian(input.name);
  }
  if (input.kind) area.kind = input.kind;
  if (county) {
    area.countyId = county.id;
    area.provinceId = county.provinceId;
  }
  if (input.estimatedPopulation !== undefined) area.estimatedPopulation = input.estimatedPopulation;
  if (input.notes !== undefined) area.notes = input.notes?.trim() ? input.notes.trim() : null;
}
