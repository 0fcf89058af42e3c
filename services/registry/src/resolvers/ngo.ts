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
  AppError,
  assertCanWrite,
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
  normalizePersian,
  PageArgs,
  PageOf,
  paginate,
  RequestContext,
  SortOrder,
  tidyDisplayText,
  toAsciiDigits,
  uuidsForFilter,
  Validator,
  assertNotReferenced,
  ExpectedVersionArg,
  findForWrite,
  IdempotencyKeyArg,
  idempotentCreate,
} from "@hamafza/common";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { County } from "../entities/County";
import { LicenceState } from "../entities/Licence";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { Province } from "../entities/Province";
import { countyById, ngoById, provinceById } from "../loaders";
import { isNotInFuture, isValidLegalNationalId, normalizeCode, normalizePhone } from "../validation";
import { currentLicenceStateSql, licenceStateParams } from "./licenceState";
import {
  BoardMemberInput,
  checkProfileInput,
  loadNgoRefs,
  NgoAwardInput,
  NgoCapabilityInput,
  NgoProfileInput,
  NgoRefs,
  PHONE_MESSAGE,
  profileRefIds,
  profileSnapshot,
  saveNgoProfile,
  TrainingNeedInput,
} from "./ngoProfile";

@ObjectType({ description: "A page of NGOs." })
export class NgoPage extends PageOf(Ngo) {}

@InputType({ description: "Filter NGOs; all given conditions must hold." })
export class NgoFilter {
  @Field(() => [ID], { nullable: true, description: "Only these NGOs." })
  ids?: string[];

  @Field({
    nullable: true,
    description:
      "Search in the name: Arabic/Persian letters, ZWNJ, spacing, diacritics and digit variants match, and so do close spellings (trigram similarity, pg_trgm); ranked by similarity unless a sort is given. Digits also match the national id (prefix) and the registration number.",
  })
  q?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this home county." })
  countyId?: string;

  @Field(() => ID, { nullable: true, description: "Only NGOs of this province." })
  provinceId?: string;

  @Field(() => NgoStatus, { nullable: true, description: "Only NGOs in this status." })
  status?: NgoStatus;

  @Field(() => NgoScope, { nullable: true, description: "Only NGOs of this scope." })
  scope?: NgoScope;

  @Field(() => ID, { nullable: true, description: "Only NGOs working in this field of activity." })
  fieldId?: string;

  @Field(() => LicenceState, {
    nullable: true,
    description: "Only NGOs whose current licence is in this state today (NONE: without a licence).",
  })
  licenceState?: LicenceState;
}

@InputType({ description: "A new NGO, with its profile lists." })
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

  @Field(() => NgoScope, { nullable: true, description: "Scope of activity; COUNTY when omitted." })
  scope?: NgoScope;

  @Field(() => DateScalar, { nullable: true, description: "Founding date." })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Main contact phone (mobile or landline with area code)." })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: "Further contact phones (mobile or landline with area code)." })
  otherPhones?: string[] | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  membersCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  volunteersCount?: number | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the NGO's fields of activity." })
  fieldIds?: string[] | null;

  @Field(() => [BoardMemberInput], { nullable: true, description: "Board members." })
  boardMembers?: BoardMemberInput[] | null;

  @Field(() => [NgoCapabilityInput], {
    nullable: true,
    description: "Capabilities (services, coverage areas, volunteers).",
  })
  capabilities?: NgoCapabilityInput[] | null;

  @Field(() => [NgoAwardInput], { nullable: true, description: "Awards." })
  awards?: NgoAwardInput[] | null;

  @Field(() => [TrainingNeedInput], { nullable: true, description: "Declared training needs." })
  trainingNeeds?: TrainingNeedInput[] | null;
}

@InputType({
  description:
    "Changes to an NGO; omitted fields keep their value, `null` clears an optional field. A given list (`fieldIds`, `otherPhones`, `boardMembers`, `capabilities`, `awards`, `trainingNeeds`) replaces the NGO's list; items carrying the id of an existing record keep it.",
})
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

  @Field(() => NgoScope, { nullable: true, description: "Scope of activity." })
  scope?: NgoScope;

  @Field(() => DateScalar, { nullable: true, description: "Founding date." })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Main contact phone." })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: "Further contact phones (replaces the list)." })
  otherPhones?: string[] | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of members." })
  membersCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Number of volunteers." })
  volunteersCount?: number | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the NGO's fields of activity (replaces the list)." })
  fieldIds?: string[] | null;

  @Field(() => [BoardMemberInput], { nullable: true, description: "Board members (replaces the board)." })
  boardMembers?: BoardMemberInput[] | null;

  @Field(() => [NgoCapabilityInput], { nullable: true, description: "Capabilities (replaces the list)." })
  capabilities?: NgoCapabilityInput[] | null;

  @Field(() => [NgoAwardInput], { nullable: true, description: "Awards (replaces the list)." })
  awards?: NgoAwardInput[] | null;

  @Field(() => [TrainingNeedInput], { nullable: true, description: "Declared training needs (replaces the list)." })
  trainingNeeds?: TrainingNeedInput[] | null;
}

export const NGO_CONSTRAINTS = {
  ngo_national_id_unique: "سمن دیگری با همین شناسه ملی ثبت شده است.",
  ngo_name_in_county_unique: "سمن دیگری با همین نام در این شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  board_member_national_code_unique: "یک نفر دو بار در هیئت‌مدیره این سمن آمده است.",
  board_member_single_role_unique: "این سمت هیئت‌مدیره را تنها یک نفر می‌تواند داشته باشد.",
  ngo_field_field_fk: "حوزه فعالیت انتخاب‌شده وجود ندارد.",
  ngo_capability_field_fk: "حوزه فعالیت انتخاب‌شده وجود ندارد.",
};

const NGO_SORTABLE = {
  name: "ngo.nameNormalized",
  nationalId: "ngo.nationalId",
  countyId: "ngo.countyId",
  provinceId: "ngo.provinceId",
  status: "ngo.status",
  scope: "ngo.scope",
  foundedOn: "ngo.foundedOn",
  membersCount: "ngo.membersCount",
  volunteersCount: "ngo.volunteersCount",
  createdAt: "ngo.createdAt",
  updatedAt: "ngo.updatedAt",
};

/**
 * Relevance of a name to the normalised search text, for ranking (pg_trgm lives in schema `public`): names that
 * contain the text first, then by word similarity (the best-matching part of the name), then by overall
 * similarity (closer, shorter names first).
 */
export const NAME_RELEVANCE_SQL =
  "(CASE WHEN ngo.name_normalized LIKE :pattern THEN 1 ELSE 0 END + public.word_similarity(:searchText, ngo.name_normalized) + public.similarity(:searchText, ngo.name_normalized) / 2)";

/**
 * Adds an `NgoFilter`'s conditions (not the territory) to a query on `ngo` aliased `ngo`. Returns whether a
 * search text was given (the list ranks by similarity then).
 */
export function applyNgoFilter(query: SelectQueryBuilder<Ngo>, filter: NgoFilter | undefined): boolean {
  if (filter?.ids) query.andWhere("ngo.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
  if (filter?.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.status) query.andWhere("ngo.status = :status", { status: filter.status });
  if (filter?.scope) query.andWhere("ngo.scope = :scope", { scope: filter.scope });
  if (filter?.fieldId) {
    query.andWhere("EXISTS (SELECT 1 FROM ngo_field nf WHERE nf.ngo_id = ngo.id AND nf.field_id = :fieldId)", {
      fieldId: uuidsForFilter([filter.fieldId])[0],
    });
  }
  if (filter?.licenceState) {
    query.andWhere(`${currentLicenceStateSql("ngo.id")} = :licenceState`, {
      ...licenceStateParams(),
      licenceState: filter.licenceState,
    });
  }
  const searchText = filter?.q ? normalizePersian(filter.q) : "";
  if (!searchText) return false;
  const conditions = ["ngo.nameNormalized LIKE :pattern", ":searchText OPERATOR(public.<%) ngo.name_normalized"];
  const digits = toAsciiDigits(filter!.q!).replace(/\s/g, "");
  if (/^\d{3,11}$/.test(digits))
    conditions.push("ngo.nationalId LIKE :digitsPrefix", "ngo.registrationNumber = :digits");
  query.andWhere(`(${conditions.join(" OR ")})`, {
    pattern: containsPattern(filter!.q!),
    searchText,
    digits,
    digitsPrefix: `${digits}%`,
  });
  return true;
}

@Resolver(() => Ngo)
export class NgoResolver {
  @Allow(ALL_ROLES)
  @Query(() => NgoPage, {
    description: `NGOs of the user's territory. Sortable by ${[...Object.keys(NGO_SORTABLE), "relevance"].map((f) => `\`${f}\``).join(", ")} (\`relevance\`: similarity to \`filter.q\`, the default order when \`q\` is given).`,
  })
  async ngos(
    @Ctx() ctx: RequestContext,
    @FilterArg(NgoFilter) filter: NgoFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<NgoPage> {
    const query = whereInTerritory(ctx.db.getRepository(Ngo).createQueryBuilder("ngo"), requireUser(ctx), {
      province: "ngo.provinceId",
      county: "ngo.countyId",
    });
    const searching = applyNgoFilter(query, filter);
    if (!searching) return paginate(query, page, NGO_SORTABLE, { field: "name", order: SortOrder.ASC });
    query.addSelect(NAME_RELEVANCE_SQL, "relevance");
    return paginate(
      query,
      page,
      { ...NGO_SORTABLE, relevance: "relevance" },
      { field: "relevance", order: SortOrder.DESC },
    );
  }

  @Allow(ALL_ROLES)
  @Query(() => Ngo, {
    nullable: true,
    description: "One NGO by id; empty when it does not exist or is outside the user's territory.",
  })
  ngo(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo | null> {
    return ngoById(ctx).load(id);
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description:
      "Register an NGO in the user's territory, with its fields of activity, board, capabilities, awards and training needs. Refused if its national identifier, or its normalised name in the county, exists.",
  })
  async createNgo(
    @Ctx() ctx: RequestContext,
    @InputArg(NgoCreateInput) input: NgoCreateInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, (em) =>
      idempotentCreate(
        em,
        ctx,
        "createNgo",
        idempotencyKey,
        input,
        async () => {
          const ngo = em.create(Ngo, { status: NgoStatus.ACTIVE, scope: NgoScope.COUNTY, otherPhones: [] });
          await applyNgoInput(em, ngo, input);
          assertCanWrite(requireUser(ctx), ngo);
          const saved = await em.save(ngo);
          const profile = await saveNgoProfile(em, saved.id, input);
          await recordChange(em, ctx, "createNgo", "Ngo", { before: null, after: { ...saved, ...profile } });
          return saved;
        },
        (id) => em.findOneBy(Ngo, { id }),
      ),
    );
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description: "Change an NGO's details and profile lists (within the user's territory, before and after).",
  })
  async updateNgo(
    @Ctx() ctx: RequestContext,
    @IdArg() id: string,
    @InputArg(NgoUpdateInput) input: NgoUpdateInput,
    @ExpectedVersionArg() expectedVersion: number | null,
  ): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await findForWrite(em, ctx, Ngo, id, "سمن", expectedVersion);
      const before = { ...ngo, ...(await profileSnapshot(em, id, input)) };
      await applyNgoInput(em, ngo, input);
      assertCanWrite(requireUser(ctx), ngo);
      const saved = await em.save(ngo);
      const profile = await saveNgoProfile(em, saved.id, input);
      await recordChange(em, ctx, "updateNgo", "Ngo", { before, after: { ...saved, ...profile } });
      return saved;
    });
  }

  @Allow(OFFICERS)
  @Mutation(() => Ngo, {
    description:
      "Delete an NGO registered by mistake, with its profile and licences; returns it as it was. Prefer status DISSOLVED for real NGOs.",
  })
  async deleteNgo(@Ctx() ctx: RequestContext, @IdArg() id: string): Promise<Ngo> {
    return inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      const ngo = await findForWrite(em, ctx, Ngo, id, "سمن");
      await assertNotReferenced(ctx, "Ngo", id, "سمن"); // after the territory check: nothing is told about records out of reach
      const profile = await profileSnapshot(em, id, "all");
      await em.delete(Ngo, { id });
      await recordChange(em, ctx, "deleteNgo", "Ngo", { before: { ...ngo, ...profile }, after: null });
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

/** The NGO's own values in an input (create, update, or a row of an imported file). */
export type NgoValues = Partial<Omit<NgoCreateInput, keyof NgoProfileInput>>;

export const MAX_OTHER_PHONES = 10;

/**
 * The checks of an NGO's own values, shared by the mutations and the CSV import: every problem is reported into
 * `v` (nothing thrown). `refs` must hold the county named by `countyId`.
 */
export function checkNgoValues(v: Validator, input: NgoValues, refs: NgoRefs): void {
  if (input.name !== undefined) v.text(input.name, "name", "نام سمن", { min: 2, max: 200 });
  if (input.nationalId !== undefined) {
    v.check(
      isValidLegalNationalId(toAsciiDigits((input.nationalId ?? "").trim())),
      "nationalId",
      "شناسه ملی باید ۱۱ رقم و معتبر باشد (رقم کنترل درست نیست).",
    );
  }
  v.check(!(input.phone && normalizePhone(input.phone) === null), "phone", PHONE_MESSAGE);
  for (const [i, phone] of (input.otherPhones ?? []).entries())
    v.check(normalizePhone(phone ?? "") !== null, `otherPhones.${i}`, PHONE_MESSAGE);
  v.check(
    (input.otherPhones ?? []).length <= MAX_OTHER_PHONES,
    "otherPhones",
    `حداکثر ${MAX_OTHER_PHONES.toLocaleString("fa-IR")} شماره دیگر مجاز است.`,
  );
  v.check(!input.foundedOn || isNotInFuture(input.foundedOn), "foundedOn", "تاریخ تأسیس نمی‌تواند در آینده باشد.");
  v.check(
    !input.foundedOn || input.foundedOn >= "1900-01-01",
    "foundedOn",
    "تاریخ تأسیس درست نیست (پیش از سال ۱۲۷۹ شمسی).",
  );
  v.text(input.address, "address", "نشانی", { max: 500, required: false });
  v.text(input.registrationNumber, "registrationNumber", "شماره ثبت", { max: 50, required: false });
  v.nonNegativeInt(input.membersCount, "membersCount", "تعداد اعضا");
  v.nonNegativeInt(input.volunteersCount, "volunteersCount", "تعداد داوطلبان");
  if (input.countyId !== undefined)
    v.check(refs.counties.has(input.countyId), "countyId", `شهرستانی با کد «${input.countyId}» وجود ندارد.`);
}

/** Copies checked values onto the entity (omitted keep, `null` clears). */
export function assignNgoValues(ngo: Ngo, input: NgoValues, refs: NgoRefs): void {
  if (input.name !== undefined) {
    ngo.name = tidyDisplayText(input.name);
    ngo.nameNormalized = normalizePersian(input.name);
  }
  if (input.nationalId !== undefined) ngo.nationalId = toAsciiDigits(input.nationalId.trim());
  const county = input.countyId !== undefined ? refs.counties.get(input.countyId) : undefined;
  if (county) {
    ngo.countyId = county.id;
    ngo.provinceId = county.provinceId;
  }
  if (input.status !== undefined && input.status !== null) ngo.status = input.status;
  if (input.scope !== undefined && input.scope !== null) ngo.scope = input.scope;
  if (input.registrationNumber !== undefined)
    ngo.registrationNumber = input.registrationNumber ? normalizeCode(input.registrationNumber) || null : null;
  if (input.foundedOn !== undefined) ngo.foundedOn = input.foundedOn;
  if (input.phone !== undefined) ngo.phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.otherPhones !== undefined) ngo.otherPhones = (input.otherPhones ?? []).map((p) => normalizePhone(p)!);
  // The main phone is not repeated among the others, nor is any other number.
  ngo.otherPhones = [...new Set(ngo.otherPhones ?? [])].filter((p) => p !== ngo.phone);
  if (input.address !== undefined) ngo.address = input.address ? tidyDisplayText(input.address) : null;
  if (input.membersCount !== undefined) ngo.membersCount = input.membersCount;
  if (input.volunteersCount !== undefined) ngo.volunteersCount = input.volunteersCount;
}

/** Validates every given field and profile list (reporting all problems at once) and copies the NGO's own values. */
async function applyNgoInput(em: EntityManager, ngo: Ngo, input: NgoCreateInput | NgoUpdateInput): Promise<void> {
  const profileIds = profileRefIds(input);
  const refs = await loadNgoRefs(
    em,
    [...(input.countyId !== undefined ? [input.countyId] : []), ...profileIds.countyIds],
    profileIds.fieldIds,
  );
  const v = new Validator();
  checkNgoValues(v, input, refs);
  checkProfileInput(v, input, refs);
  v.done();
  assignNgoValues(ngo, input, refs);
  if (!ngo.name || !ngo.nationalId || !ngo.countyId) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "نام، شناسه ملی و شهرستان سمن الزامی است.");
  }
}
