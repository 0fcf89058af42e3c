import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import {
  Allow,
  ALL_ROLES,
  AppError,
  assertCanWrite,
  canRead,
  FilterArg,
  IdArg,
  InputArg,
  OFFICERS,
  recordChange,
  requireUser,
  whereInTerritory,
  containsPattern,
  DateScalar,
  ErrorCode,
  inTransaction,
  isUuid,
  normalizePersian,
  notFound,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  SortOrder,
  tidyDisplayText,
  toAsciiDigits,
  uuidsForFilter,
  Validator,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { County } from "../entities/County";
import { Ngo, NgoStatus } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { isNotInFuture, isValidLegalNationalId, normalizePhone } from "../validation";

@ObjectType({ description: "A page of NGOs." })
export class NgoPage extends PageOf(Ngo) {}

@InputType({ description: "Filter NGOs; all given conditions must hold." })
export class NgoFilter {
  @Field(() => [ID], { nullable: true, description: "Only these NGOs." })
  ids?: string[];

  @Field({ nullable: true, description: "Search in the name; Arabic/Persian letters, ZWNJ, spacing and digits variants match." })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this home county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this province." })
  provinceId?: string;

  @Field(() => NgoStatus, { nullable: true, description: "Only NGOs in this status." })
  status?: NgoStatus;
}

@InputType({ description: "A new NGO." })
export class NgoCreateInput {
  @Field({ description: "Name as it should be displayed." })
  name!: string;

  @Field({ description: "National identifier (شناسه ملی), 11 digits; Persian digits are accepted." })
  nationalId!: string;

  @Field(() => String, { nullable: true, description: "Registration number." })
  registrationNumber?: string | null;

  @Field(() => ID, { description: "Code of the home county." })
  countyId!: string;

  @Field(() => NgoStatus, { nullable: true, description: "Status; ACTIVE when omitted." })
  status?: NgoStatus;

  @Field(() => DateScalar, { nullable: true, description: "Founding date." })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Contact phone (mobile or landline with area code)." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  membersCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  volunteersCount?: number | null;
}

@InputType({ description: "Changes to an NGO; omitted fields keep their value, `null` clears an optional field." })
export class NgoUpdateInput {
  @Field({ nullable: true, description: "Name as it should be displayed." })
  name?: string;

  @Field({ nullable: true, description: "National identifier (شناسه ملی), 11 digits." })
  nationalId?: string;

  @Field(() => String, { nullable: true, description: "Registration number." })
  registrationNumber?: string | null;

  @Field(() => ID, { nullable: true, description: "Code of the home county." })
  countyId?: string;

  @Field(() => NgoStatus, { nullable: true, description: "Status." })
  status?: NgoStatus;

  @Field(() => DateScalar, { nullable: true, description: "Founding date." })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Contact phone." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  membersCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  volunteersCount?: number | null;
}

const NGO_CONSTRAINTS = {
  ngo_national_id_unique: "سمن دیگری با همین شناسه ملی ثبت شده است.",
  ngo_name_in_county_unique: "سمن دیگری با همین نام در این شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
};

const NGO_SORTABLE = {
  name: "ngo.nameNormalized",
  nationalId: "ngo.nationalId",
  countyId: "ngo.countyId",
  provinceId: "ngo.provinceId",
  status: "ngo.status",
  foundedOn: "ngo.foundedOn",
  createdAt: "ngo.createdAt",
  updatedAt: "ngo.updatedAt",
};

@Resolver(() => Ngo)
export class NgoResolver {
  @Allow(ALL_ROLES)
  @Query(() => NgoPage, { description: `NGOs of the user's territory. Sortable by ${Object.keys(NGO_SORTABLE).map((f) => `\`${f}\``).join(", ")}.` })
  async ngos(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoFilter) filter: NgoFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoPage> {
    const query = whereInTerritory(ctx.db.getRepository(Ngo).createQueryBuilder("ngo"), requireUser(ctx), { province: "ngo.provinceId", county: "ngo.countyId" });
    if (filter?.ids) query.andWhere("ngo.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
    if (filter?.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: filter.countyId });
    if (filter?.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: filter.provinceId });
    if (filter?.status) query.andWhere("ngo.status = :status", { status: filter.status });
    if (filter?.q) query.andWhere("ngo.nameNormalized LIKE :q", { q: containsPattern(filter.q) });
    return paginate(query, page, NGO_SORTABLE, { field: "name", order: SortOrder.ASC });
  }

  @Allow(ALL_ROLES)
  @Query(() => Ngo, { nullable: true, description: "One NGO by id; empty when it does not exist or is outside the user's territory." })
  ngo(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo | null> {
    return ngoById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, { description: "Register an NGO in the user's territory. Refused if its national identifier, or its normalised name in the county, exists." })
  async createNgo(@Ctx() ctx: RequestContext, @InputArg(NgoCreateInput) input: NgoCreateInput): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = em.create(Ngo, { status: NgoStatus.ACTIVE });
      await applyNgoInput(em, ngo, input);
      assertCanWrite(requireUser(ctx), ngo);
      const saved = await em.save(ngo);
      await recordChange(em, ctx, "createNgo", "Ngo", { before: null, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, { description: "Change an NGO's details (within the user's territory, before and after)." })
  async updateNgo(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoUpdateInput) input: NgoUpdateInput,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await findNgoForUpdate(em, ctx, id);
      const before = { ...ngo };
      await applyNgoInput(em, ngo, input);
      assertCanWrite(requireUser(ctx), ngo);
      const saved = await em.save(ngo);
      await recordChange(em, ctx, "updateNgo", "Ngo", { before, after: saved });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, { description: "Delete an NGO registered by mistake; returns it as it was. Prefer status DISSOLVED for real NGOs." })
  async deleteNgo(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await findNgoForUpdate(em, ctx, id);
      await em.delete(Ngo, { id });
      await recordChange(em, ctx, "deleteNgo", "Ngo", { before: ngo, after: null });
      return Object.assign(new Ngo(), ngo, { id });
    });
  }

  @FieldResolver(() => County, { nullable: true })
  county(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<County | null> {
    return countyById(ctx).load(ngo.countyId);
  }

  @FieldResolver(() => Province, { nullable: true })
  province(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<Province | null> {
    return provinceById(ctx).load(ngo.provinceId);
  }
}

/** The NGO, locked for the transaction; outside the user's territory it is "not found", outside its write scope forbidden. */
async function findNgoForUpdate(em: EntityManager, ctx: RequestContext, id: string): Promise<Ngo> {
  const user = requireUser(ctx);
  const ngo = isUuid(id) ? await em.findOne(Ngo, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!ngo || !canRead(user, ngo)) throw notFound("سمن", id);
  assertCanWrite(user, ngo);
  return ngo;
}

/** Validates every given field (reporting all problems at once) and copies them onto the entity. */
async function applyNgoInput(em: EntityManager, ngo: Ngo, input: NgoCreateInput | NgoUpdateInput): Promise<void> {
  const v = new Validator();
  const nationalId = input.nationalId === undefined ? undefined : toAsciiDigits(input.nationalId.trim());
  const phone = input.phone ? normalizePhone(input.phone) : input.phone;
  if (input.name !== undefined) v.text(input.name, "name", "نام سمن", { min: 2, max: 200 });
  if (nationalId !== undefined) {
    v.check(isValidLegalNationalId(nationalId), "nationalId", "شناسه ملی باید ۱۱ رقم و معتبر باشد (رقم کنترل درست نیست).");
  }
  v.check(!(input.phone && phone === null), "phone", "شماره تلفن معتبر نیست؛ شماره همراه ۰۹xxxxxxxxx یا تلفن ثابت با پیش‌شماره (۱۱ رقم) وارد کنید.");
  v.check(!input.foundedOn || isNotInFuture(input.foundedOn), "foundedOn", "تاریخ تأسیس نمی‌تواند در آینده باشد.");
  v.text(input.address, "address", "نشانی", { max: 500, required: false });
  v.text(input.registrationNumber, "registrationNumber", "شماره ثبت", { max: 50, required: false });
  v.nonNegativeInt(input.membersCount, "membersCount", "تعداد اعضا");
  v.nonNegativeInt(input.volunteersCount, "volunteersCount", "تعداد داوطلبان");
  const county = input.countyId !== undefined ? await em.findOneBy(County, { id: input.countyId }) : undefined;
  v.check(county !== null, "countyId", `شهرستانی با کد «${input.countyId}» وجود ندارد.`);
  v.done();

  if (input.name !== undefined) {
    ngo.name = tidyDisplayText(input.name);
    ngo.nameNormalized = normalizePersian(input.name);
  }
  if (nationalId !== undefined) ngo.nationalId = nationalId;
  if (county) {
    ngo.countyId = county.id;
    ngo.provinceId = county.provinceId;
  }
  if (input.status !== undefined && input.status !== null) ngo.status = input.status;
  if (input.registrationNumber !== undefined) ngo.registrationNumber = input.registrationNumber?.trim() || null;
  if (input.foundedOn !== undefined) ngo.foundedOn = input.foundedOn;
  if (input.phone !== undefined) ngo.phone = phone ?? null;
  if (input.address !== undefined) ngo.address = input.address ? tidyDisplayText(input.address) : null;
  if (input.membersCount !== undefined) ngo.membersCount = input.membersCount;
  if (input.volunteersCount !== undefined) ngo.volunteersCount = input.volunteersCount;
  if (!ngo.name || !ngo.nationalId || !ngo.countyId) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "نام، شناسه ملی و شهرستان سمن الزامی است.");
  }
}
