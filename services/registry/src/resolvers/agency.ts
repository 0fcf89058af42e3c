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
  Role,
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
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { Agency, AgencyKind, COUNTY_AGENCY_KINDS, PROVINCIAL_AGENCY_KINDS } from "../entities/Agency";
import { County } from "../entities/County";
import { FacilitationOffice } from "../entities/FacilitationOffice";
import { Manager } from "../entities/Manager";
import { Province } from "../entities/Province";
import { countyById, provinceById } from "../loaders";
import { agencyBoundColumns, agencyById, managersByAgency, officesByPartnerAgency } from "../organisationLoaders";
import { resolveTerritory } from "./organisationSupport";

@ObjectType({ description: "A page of agencies." })
export class AgencyPage extends PageOf(Agency) {}

@InputType({ description: "Filter agencies; all given conditions must hold." })
export class AgencyFilter {
  @Field(() => [ID], { nullable: true, description: "Only these agencies." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name (Persian spelling variants match)." })
  q?: string;

  @Field(() => AgencyKind, { nullable: true, description: "Only agencies of this kind." })
  kind?: AgencyKind;

  @Field(() => ID, { nullable: true, description: "Only agencies of this province (provincial and county-level)." })
  provinceId?: string;

  @Field(() => ID, { nullable: true, description: "Only agencies of this county." })
  countyId?: string;

  @Field({
    nullable: true,
    description: "`true`: only provincial agencies (no county); `false`: only county-level ones.",
  })
  provincial?: boolean;
}

@InputType({ description: "A new agency." })
export class AgencyCreateInput {
  @Field({ description: "Name as it should be displayed, e.g. «اداره کل بهزیستی استان زنجان»." })
  name!: string;

  @Field(() => AgencyKind, {
    description:
      "Kind of agency; decides whether a county is required (county governorate, county department, municipality, city council) or refused (governorate, directorate-general).",
  })
  kind!: AgencyKind;

  @Field(() => ID, { nullable: true, description: "Code of the province; derived from the county when one is given." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county, for county-level agencies." })
  countyId?: string | null;
}

@InputType({
  description:
    "Changes to an agency; omitted fields keep their value, `null` clears an optional field. Kind and territory cannot change while the agency has managers or facilitation offices.",
})
export class AgencyUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field(() => AgencyKind, { nullable: true, description: "Kind of agency." })
  kind?: AgencyKind;

  @Field(() => ID, { nullable: true, description: "Code of the province." })
  provinceId?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the county; `null` makes the agency provincial." })
  countyId?: string | null;
}

export const AGENCY_CONSTRAINTS = {
  agency_name_in_territory_unique:
    "دستگاه دیگری با همین نام در این استان یا شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  agency_governorate_unique: "استانداری این استان پیش‌تر ثبت شده است؛ هر استان یک استانداری دارد.",
  agency_county_governorate_unique: "فرمانداری این شهرستان پیش‌تر ثبت شده است؛ هر شهرستان یک فرمانداری دارد.",
  agency_level_check: "نوع دستگاه با سطح آن (استانی یا شهرستانی) سازگار نیست.",
  manager_agency_fk: "برای این دستگاه مدیر ثبت شده است؛ نخست مدیران را حذف یا به دستگاه دیگری منتقل کنید.",
  facilitation_office_partner_agency_fk: "این دستگاه همکار دفتر تسهیل‌گری است؛ نخست دفترها را تغییر دهید.",
};

export const AGENCY_SORTABLE = {
  name: "agency.nameNormalized",
  kind: "agency.kind",
  provinceId: "agency.provinceId",
  countyId: "agency.countyId",
  createdAt: "agency.createdAt",
  updatedAt: "agency.updatedAt",
};

const LABEL = "دستگاه اجرایی";

/** The write outline of Agency records. */
const AGENCIES: Writable<Agency> = {
  entity: Agency,
  typeName: "Agency",
  label: LABEL,
  constraints: AGENCY_CONSTRAINTS,
};

@Resolver(() => Agency)
export class AgencyResolver {
  @Allow(ALL_ROLES, Role.AGENCY_RESPONDENT, Role.NGO_REPRESENTATIVE)
  @Query(() => AgencyPage, {
    description: `Agencies of the user's territory (an agency respondent: its own agency only; an NGO representative: the agencies of its NGO's province, to address demands and proposals to). Sortable by ${Object.keys(
      AGENCY_SORTABLE,
    )
      .map((f) => `\`${f}\``)
      .join(", ")}.`,
  })
  async agencies(
    @Ctx() ctx: RequestContext,
    @FilterArg(AgencyFilter) filter: AgencyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AgencyPage> {
    return paginate(agencyListQuery(ctx, filter), page, AGENCY_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES, Role.AGENCY_RESPONDENT, Role.NGO_REPRESENTATIVE)
  @Query(() => Agency, {
    nullable: true,
    description:
      "One agency by id; empty when it does not exist or is outside the user's territory (an agency respondent: not its own agency; an NGO representative: not of its NGO's province).",
  })
  agency(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Agency | null> {
    return agencyById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Agency, {
    description: "Register an agency in the user's territory (county officers: county-level agencies of their county).",
  })
  async createAgency(
    @Ctx() ctx: RequestContext,
    @InputArg(AgencyCreateInput) input: AgencyCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Agency> {
    return createRecord(ctx, AGENCIES, { input, idempotencyKey }, async (em) => {
      const agency = em.create(Agency, {});
      await applyAgencyInput(em, agency, input);
      return { row: agency };
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Agency, {
    description:
      "Change an agency (within the user's territory, before and after). Kind and territory are fixed while it has managers or facilitation offices.",
  })
  async updateAgency(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(AgencyUpdateInput) input: AgencyUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Agency> {
    return updateRecord(
      ctx,
      AGENCIES,
      { id, expectedVersion },
      {
        change: async (em, agency, { before }) => {
          await applyAgencyInput(em, agency, input);
          assertCanWrite(requireUser(ctx), agency);
          const moved =
            agency.kind !== before.kind ||
            agency.provinceId !== before.provinceId ||
            agency.countyId !== before.countyId;
          if (moved) {
            const [managers, offices] = await Promise.all([
              em.countBy(Manager, { agencyId: id }),
              em.countBy(FacilitationOffice, { partnerAgencyId: id }),
            ]);
            if (managers + offices > 0)
              throw conflict(
                "این دستگاه مدیر یا دفتر تسهیل‌گری ثبت‌شده دارد؛ نوع و استان یا شهرستان آن را نمی‌توان تغییر داد.",
              );
          }
        },
      },
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Agency, {
    description:
      "Delete an agency registered by mistake; returns it as it was. Refused while it has managers or facilitation offices.",
  })
  async deleteAgency(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Agency> {
    return deleteRecord(ctx, AGENCIES, id, {
      guard: async (em) => {
        await assertNotReferenced(ctx, "Agency", id, "دستگاه"); // after the territory check: nothing is told about records out of reach
        const [managers, offices] = await Promise.all([
          em.countBy(Manager, { agencyId: id }),
          em.countBy(FacilitationOffice, { partnerAgencyId: id }),
        ]);
        if (managers > 0) throw conflict(AGENCY_CONSTRAINTS.manager_agency_fk);
        if (offices > 0) throw conflict(AGENCY_CONSTRAINTS.facilitation_office_partner_agency_fk);
      },
    });
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(agency.provinceId);
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<County | null> {
    return agency.countyId ? countyById(ctx).load(agency.countyId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Manager], {
    description:
      "Managers of the agency's positions, current and past, latest tenure first (within the user's territory).",
  })
  managers(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<Manager[]> {
    return managersByAgency(ctx).load(agency.id);
  }

  @FieldResolver(() => [FacilitationOffice], {
    description: "Facilitation offices the agency is the partner of (within the user's territory).",
  })
  facilitationOffices(@Root() agency: Agency, @Ctx() ctx: RequestContext): Promise<FacilitationOffice[]> {
    return officesByPartnerAgency(ctx).load(agency.id);
  }
}

/** Validates every given field (reporting all problems at once) and copies them onto the agency. */
async function applyAgencyInput(
  em: EntityManager,
  agency: Agency,
  input: AgencyCreateInput | AgencyUpdateInput,
): Promise<void> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام دستگاه", { min: 2, max: 200 });
  v.check(input.kind !== null, "kind", "نوع دستگاه را انتخاب کنید.");
  const territory = await resolveTerritory(em, v, input, {
    provinceId: agency.provinceId ?? null,
    countyId: agency.countyId ?? null,
  });
  v.check(
    !!agency.provinceId || input.provinceId !== undefined || input.countyId !== undefined,
    "provinceId",
    "استان یا شهرستان دستگاه را وارد کنید.",
  );
  const kind = input.kind ?? agency.kind;
  const countyId = territory ? territory.countyId : agency.countyId;
  const territoryInvalid = (input.provinceId !== undefined || input.countyId !== undefined) && !territory;
  if (kind && !territoryInvalid && (territory || input.kind)) {
    v.check(
      !(COUNTY_AGENCY_KINDS.has(kind) && !countyId),
      "countyId",
      "برای فرمانداری، اداره شهرستان، شهرداری و شورای شهر، شهرستان را وارد کنید.",
    );
    v.check(
      !(PROVINCIAL_AGENCY_KINDS.has(kind) && countyId),
      "countyId",
      "استانداری و اداره کل دستگاه‌های استانی‌اند و شهرستان ندارند.",
    );
  }
  v.done();

  if (input.name !== undefined) {
    agency.name = tidyDisplayText(input.name);
    agency.nameNormalized = normalizePersian(input.name);
  }
  if (input.kind) agency.kind = input.kind;
  if (territory) {
    agency.provinceId = territory.provinceId;
    agency.countyId = territory.countyId;
  }
}

/** The `agencies` list query (territory and filter applied); nested lists page the same query. */
export function agencyListQuery(ctx: RequestContext, filter: AgencyFilter | undefined): SelectQueryBuilder<Agency> {
  const query = whereInTerritory(ctx.db.getRepository(Agency).createQueryBuilder("agency"), requireUser(ctx), {
    province: "agency.provinceId",
    county: "agency.countyId",
    ...agencyBoundColumns("agency"),
  });
  if (filter?.ids) query.andWhere("agency.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
  if (filter?.kind) query.andWhere("agency.kind = :kind", { kind: filter.kind });
  if (filter?.provinceId) query.andWhere("agency.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.countyId) query.andWhere("agency.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.provincial === true) query.andWhere("agency.countyId IS NULL");
  if (filter?.provincial === false) query.andWhere("agency.countyId IS NOT NULL");
  if (filter?.q) query.andWhere("agency.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
  return query;
}
