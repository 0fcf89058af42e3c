import { Ctx, Field, FieldResolver, ID, InputType, Int, Resolver, Root } from "type-graphql";
import {
  groupByKeys,
  isUuid,
  normalizePersian,
  RequestContext,
  requireUser,
  tidyDisplayText,
  toAsciiDigits,
  uuidKeyedLoader,
  Validator,
  whereInTerritory,
} from "@hamafza/common";
import { EntityManager, In, ObjectLiteral } from "typeorm";
import { BoardMember, BoardRole, SINGLE_HOLDER_ROLES } from "../entities/BoardMember";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo, PersonalList } from "../entities/Ngo";
import { AwardLevel, NgoAward } from "../entities/NgoAward";
import { NgoCapability } from "../entities/NgoCapability";
import { NgoField } from "../entities/NgoField";
import { TrainingNeed, Urgency } from "../entities/TrainingNeed";
import { countyById } from "../loaders";
import { currentJalaliYear, fa, isValidNationalCode, normalizePhone } from "../validation";
import { fieldOfActivityById } from "./fieldOfActivity";

/*
 * The NGO's profile beyond its own columns: fields of activity, board members, capabilities, awards and training
 * needs. They are edited as nested lists of the NGO inputs (`NgoCreateInput` / `NgoUpdateInput`): a given list
 * replaces the NGO's list (items carrying the `id` of one of the NGO's records keep that id), `null` clears it,
 * an omitted list is left alone. Children take the NGO's territory: they are read only through a visible NGO and
 * their loaders join the NGO with the territory condition.
 */

const ITEM_ID = "Id of one of this NGO's existing records, to keep it (and its id); omit for a new record.";

@InputType({ description: "A board member, as an item of `boardMembers` (the list replaces the NGO's board)." })
export class BoardMemberInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "Full name." })
  name!: string;

  @Field(() => BoardRole, {
    description: "Role on the board; CHAIR, VICE_CHAIR, SECRETARY, TREASURER and CEO at most once per NGO.",
  })
  role!: BoardRole;

  @Field({ description: "National code (کد ملی), 10 digits with a valid checksum; Persian digits accepted." })
  nationalCode!: string;

  @Field(() => String, {
    nullable: true,
    description: "Personal phone (mobile 09xxxxxxxxx or landline with area code).",
  })
  phone?: string | null;
}

@InputType({ description: "A capability, as an item of `capabilities` (the list replaces the NGO's capabilities)." })
export class NgoCapabilityInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "The service the NGO can offer." })
  service!: string;

  @Field(() => ID, { nullable: true, description: "Field of activity of the service; empty: all the NGO's fields." })
  fieldId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Codes of the counties covered besides the home county." })
  coverageCountyIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Volunteers available for it." })
  volunteersAvailable?: number | null;
}

@InputType({ description: "An award, as an item of `awards` (the list replaces the NGO's awards)." })
export class NgoAwardInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "Title of the award." })
  title!: string;

  @Field(() => AwardLevel, { description: "National or international." })
  level!: AwardLevel;

  @Field(() => Int, { description: "Jalali year of the award (1300 to the current year)." })
  jalaliYear!: number;

  @Field(() => String, { nullable: true, description: "Who gave it." })
  awardedBy?: string | null;
}

@InputType({
  description: "A training need, as an item of `trainingNeeds` (the list replaces the NGO's declared needs).",
})
export class TrainingNeedInput {
  @Field(() => ID, { nullable: true, description: ITEM_ID })
  id?: string | null;

  @Field({ description: "Topic (one per item; the same topic twice is refused)." })
  topic!: string;

  @Field(() => String, { nullable: true, description: "Who should be trained." })
  audience?: string | null;

  @Field(() => Urgency, { nullable: true, description: "Urgency; MEDIUM when omitted." })
  urgency?: Urgency | null;
}

/** The profile lists of an NGO input (both create and update). */
export interface NgoProfileInput {
  fieldIds?: string[] | null;
  boardMembers?: BoardMemberInput[] | null;
  capabilities?: NgoCapabilityInput[] | null;
  awards?: NgoAwardInput[] | null;
  trainingNeeds?: TrainingNeedInput[] | null;
}

/** Reference data an NGO input may point to, loaded once per input (or once per imported file). */
export interface NgoRefs {
  counties: Map<string, County>;
  fields: Map<string, FieldOfActivity>;
}

/** Loads the counties and fields of activity named by the ids given (two statements). */
export async function loadNgoRefs(
  em: EntityManager,
  countyIds: Iterable<string>,
  fieldIds: Iterable<string>,
): Promise<NgoRefs> {
  const counties = [...new Set(countyIds)].filter((id) => typeof id === "string" && id.length <= 4);
  const fields = [...new Set(fieldIds)].filter(isUuid);
  return {
    counties: new Map((counties.length ? await em.findBy(County, { id: In(counties) }) : []).map((c) => [c.id, c])),
    fields: new Map((fields.length ? await em.findBy(FieldOfActivity, { id: In(fields) }) : []).map((f) => [f.id, f])),
  };
}

/** Every county and field id a profile input refers to (for `loadNgoRefs`). */
export function profileRefIds(input: NgoProfileInput): { countyIds: string[]; fieldIds: string[] } {
  return {
    countyIds: (input.capabilities ?? []).flatMap((c) => c.coverageCountyIds ?? []),
    fieldIds: [
      ...(input.fieldIds ?? []),
      ...(input.capabilities ?? []).map((c) => c.fieldId).filter((id): id is string => !!id),
    ],
  };
}

const MAX_ITEMS = { fieldIds: 20, boardMembers: 50, capabilities: 50, awards: 100, trainingNeeds: 100 };

/** Checks the profile lists, reporting every problem into `v` with paths like `boardMembers.2.nationalCode`. */
export function checkProfileInput(v: Validator, input: NgoProfileInput, refs: NgoRefs): void {
  for (const [key, max] of Object.entries(MAX_ITEMS)) {
    const list = input[key as keyof NgoProfileInput];
    v.check(!list || list.length <= max, key, `حداکثر ${fa(max)} مورد در این فهرست مجاز است.`);
  }
  for (const [i, id] of (input.fieldIds ?? []).entries()) {
    v.check(refs.fields.has(id), `fieldIds.${i}`, `حوزه فعالیتی با شناسه «${id}» وجود ندارد.`);
  }

  const codes = new Set<string>();
  const roles = new Set<BoardRole>();
  for (const [i, member] of (input.boardMembers ?? []).entries()) {
    const path = `boardMembers.${i}`;
    v.text(member.name, `${path}.name`, "نام عضو هیئت‌مدیره", { min: 3, max: 200 });
    const code = toAsciiDigits(member.nationalCode ?? "").replace(/[\s-]/g, "");
    if (!isValidNationalCode(code))
      v.check(false, `${path}.nationalCode`, "کد ملی باید ۱۰ رقم و معتبر باشد (رقم کنترل یا پیش‌شماره درست نیست).");
    else v.check(!codes.has(code), `${path}.nationalCode`, "این کد ملی در فهرست هیئت‌مدیره تکراری است.");
    codes.add(code);
    v.check(!member.phone || normalizePhone(member.phone) !== null, `${path}.phone`, PHONE_MESSAGE);
    if (SINGLE_HOLDER_ROLES.has(member.role))
      v.check(!roles.has(member.role), `${path}.role`, "این سمت را تنها یک نفر می‌تواند داشته باشد.");
    roles.add(member.role);
  }

  for (const [i, capability] of (input.capabilities ?? []).entries()) {
    const path = `capabilities.${i}`;
    v.text(capability.service, `${path}.service`, "شرح خدمت", { min: 2, max: 300 });
    v.check(
      !capability.fieldId || refs.fields.has(capability.fieldId),
      `${path}.fieldId`,
      `حوزه فعالیتی با شناسه «${capability.fieldId}» وجود ندارد.`,
    );
    const unknown = (capability.coverageCountyIds ?? []).filter((id) => !refs.counties.has(id));
    v.check(unknown.length === 0, `${path}.coverageCountyIds`, `شهرستانی با کد «${unknown.join("، ")}» وجود ندارد.`);
    v.check(
      (capability.coverageCountyIds ?? []).length <= 100,
      `${path}.coverageCountyIds`,
      "حداکثر ۱۰۰ شهرستان مجاز است.",
    );
    v.nonNegativeInt(capability.volunteersAvailable, `${path}.volunteersAvailable`, "تعداد داوطلبان");
  }

  const thisYear = currentJalaliYear();
  for (const [i, award] of (input.awards ?? []).entries()) {
    const path = `awards.${i}`;
    v.text(award.title, `${path}.title`, "عنوان جایزه", { min: 2, max: 300 });
    v.check(
      Number.isInteger(award.jalaliYear) && award.jalaliYear >= 1300 && award.jalaliYear <= thisYear,
      `${path}.jalaliYear`,
      `سال جایزه باید سالی شمسی بین ۱۳۰۰ و ${fa(thisYear)} باشد.`,
    );
    v.text(award.awardedBy, `${path}.awardedBy`, "اهداکننده", { max: 200, required: false });
  }

  const topics = new Set<string>();
  for (const [i, need] of (input.trainingNeeds ?? []).entries()) {
    const path = `trainingNeeds.${i}`;
    v.text(need.topic, `${path}.topic`, "موضوع آموزشی", { min: 2, max: 200 });
    const key = normalizePersian(need.topic);
    v.check(!key || !topics.has(key), `${path}.topic`, "این موضوع آموزشی در فهرست تکراری است.");
    topics.add(key);
    v.text(need.audience, `${path}.audience`, "مخاطب", { max: 200, required: false });
  }
}

export const PHONE_MESSAGE =
  "شماره تلفن معتبر نیست؛ شماره همراه ۰۹xxxxxxxxx یا تلفن ثابت با پیش‌شماره (۱۱ رقم) وارد کنید.";

/**
 * Replaces the lists an input gives (after `checkProfileInput`): delete the NGO's rows, insert the new list
 * (kept ids reused), so swapping roles or reordering never trips a unique index half-way. Returns the new lists,
 * for the audit entry.
 */
export async function saveNgoProfile(
  em: EntityManager,
  ngoId: string,
  input: NgoProfileInput,
): Promise<Record<string, unknown>> {
  const after: Record<string, unknown> = {};
  if (input.fieldIds !== undefined) {
    const ids = [...new Set(input.fieldIds ?? [])];
    await em.delete(NgoField, { ngoId });
    if (ids.length)
      await em.insert(
        NgoField,
        ids.map((fieldId) => ({ ngoId, fieldId })),
      );
    after.fieldIds = ids;
  }
  after.boardMembers = await replaceList(em, BoardMember, ngoId, input.boardMembers, (m) => ({
    name: tidyDisplayText(m.name),
    nameNormalized: normalizePersian(m.name),
    role: m.role,
    nationalCode: toAsciiDigits(m.nationalCode).replace(/[\s-]/g, ""),
    phone: m.phone ? normalizePhone(m.phone) : null,
  }));
  after.capabilities = await replaceList(em, NgoCapability, ngoId, input.capabilities, (c) => ({
    service: tidyDisplayText(c.service),
    fieldId: c.fieldId || null,
    coverageCountyIds: [...new Set(c.coverageCountyIds ?? [])].sort(),
    volunteersAvailable: c.volunteersAvailable ?? null,
  }));
  after.awards = await replaceList(em, NgoAward, ngoId, input.awards, (a) => ({
    title: tidyDisplayText(a.title),
    level: a.level,
    jalaliYear: a.jalaliYear,
    awardedBy: a.awardedBy ? tidyDisplayText(a.awardedBy) : null,
  }));
  after.trainingNeeds = await replaceList(em, TrainingNeed, ngoId, input.trainingNeeds, (n) => ({
    topic: tidyDisplayText(n.topic),
    topicNormalized: normalizePersian(n.topic),
    audience: n.audience ? tidyDisplayText(n.audience) : null,
    urgency: n.urgency ?? Urgency.MEDIUM,
  }));
  for (const key of Object.keys(after)) if (after[key] === undefined) delete after[key];
  return after;
}

async function replaceList<
  T extends ObjectLiteral & { id: string; ngoId: string; sortOrder: number },
  I extends { id?: string | null },
>(
  em: EntityManager,
  entity: new () => T,
  ngoId: string,
  items: I[] | null | undefined,
  values: (item: I) => Partial<T>,
): Promise<T[] | undefined> {
  if (items === undefined) return undefined;
  const existing = new Map((await em.find(entity, { where: { ngoId } as never })).map((row) => [row.id, row]));
  await em.delete(entity, { ngoId } as never);
  const rows = (items ?? []).map((item, sortOrder) => {
    // An item naming one of the NGO's records keeps it (id, creation time); any other id is ignored.
    const kept = item.id ? existing.get(item.id) : undefined;
    return Object.assign(new entity(), kept ?? {}, values(item), { ngoId, sortOrder });
  });
  if (rows.length) await em.insert(entity, rows as never);
  return rows;
}

/** The NGO's current lists, for the `before` of an audit entry (only the lists the input replaces). */
export async function profileSnapshot(
  em: EntityManager,
  ngoId: string,
  input: NgoProfileInput | "all",
): Promise<Record<string, unknown>> {
  const wants = (key: keyof NgoProfileInput) => input === "all" || input[key] !== undefined;
  const snapshot: Record<string, unknown> = {};
  const order = { sortOrder: "ASC" } as const;
  if (wants("fieldIds")) snapshot.fieldIds = (await em.findBy(NgoField, { ngoId })).map((row) => row.fieldId);
  if (wants("boardMembers")) snapshot.boardMembers = await em.find(BoardMember, { where: { ngoId }, order });
  if (wants("capabilities")) snapshot.capabilities = await em.find(NgoCapability, { where: { ngoId }, order });
  if (wants("awards")) snapshot.awards = await em.find(NgoAward, { where: { ngoId }, order });
  if (wants("trainingNeeds")) snapshot.trainingNeeds = await em.find(TrainingNeed, { where: { ngoId }, order });
  return snapshot;
}

/** Children of visible NGOs, grouped by NGO: one statement per child type and request batch. */
function childrenLoader<T extends ObjectLiteral & { ngoId: string }>(ctx: RequestContext, entity: new () => T) {
  return uuidKeyedLoader<T[]>(
    ctx,
    `${entity.name}ByNgo`,
    async (ids) => {
      const query = ctx.db
        .getRepository(entity)
        .createQueryBuilder("child")
        .innerJoin(Ngo, "ngo", "ngo.id = child.ngoId")
        .where("child.ngoId IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), { province: "ngo.provinceId", county: "ngo.countyId" });
      const rows = await query.orderBy("child.sortOrder", "ASC").addOrderBy("child.id", "ASC").getMany();
      return groupByKeys(ids, rows, (row) => row.ngoId);
    },
    [],
  );
}

/** Field ids of visible NGOs, in the taxonomy's order. */
const fieldIdsByNgo = (ctx: RequestContext) =>
  uuidKeyedLoader<string[]>(
    ctx,
    "FieldIdsByNgo",
    async (ids) => {
      const query = ctx.db
        .getRepository(NgoField)
        .createQueryBuilder("nf")
        .innerJoin(Ngo, "ngo", "ngo.id = nf.ngoId")
        .innerJoin(FieldOfActivity, "field", "field.id = nf.fieldId")
        .select(["nf.ngoId AS ngo_id", "nf.fieldId AS field_id"])
        .where("nf.ngoId IN (:...ids)", { ids });
      whereInTerritory(query, requireUser(ctx), { province: "ngo.provinceId", county: "ngo.countyId" });
      const rows: { ngo_id: string; field_id: string }[] = await query
        .orderBy("field.sortOrder", "ASC")
        .addOrderBy("field.code", "ASC")
        .getRawMany();
      return groupByKeys(ids, rows, (row) => row.ngo_id).map((group) => group.map((row) => row.field_id));
    },
    [],
  );

const notNull = <T>(value: T | null): value is T => value !== null;

@Resolver(() => Ngo)
export class NgoProfileResolver {
  @FieldResolver(() => [ID], {
    description: "Ids of the NGO's fields of activity (edit with `fieldIds` in the NGO inputs).",
  })
  fieldIds(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<string[]> {
    return fieldIdsByNgo(ctx).load(ngo.id);
  }

  @FieldResolver(() => [FieldOfActivity], { description: "The NGO's fields of activity (حوزه‌های فعالیت)." })
  async fields(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<FieldOfActivity[]> {
    const ids = await fieldIdsByNgo(ctx).load(ngo.id);
    return (await fieldOfActivityById(ctx).loadMany(ids)).filter(
      (f): f is FieldOfActivity => f !== null && !(f instanceof Error),
    );
  }

  @FieldResolver(() => [String], {
    description: "Every contact phone: `phone` first, then `otherPhones`. Personal data: masked for analysts.",
  })
  @PersonalList("phone")
  phones(@Root() ngo: Ngo): string[] {
    return [ngo.phone, ...(ngo.otherPhones ?? [])].filter((p): p is string => !!p);
  }

  @FieldResolver(() => [BoardMember], { description: "Board of directors (هیئت‌مدیره), in the order entered." })
  boardMembers(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<BoardMember[]> {
    return childrenLoader(ctx, BoardMember).load(ngo.id);
  }

  @FieldResolver(() => [NgoCapability], {
    description: "Services the NGO can offer, with coverage areas and volunteers.",
  })
  capabilities(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoCapability[]> {
    return childrenLoader(ctx, NgoCapability).load(ngo.id);
  }

  @FieldResolver(() => [NgoAward], { description: "National and international awards." })
  awards(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<NgoAward[]> {
    return childrenLoader(ctx, NgoAward).load(ngo.id);
  }

  @FieldResolver(() => [TrainingNeed], { description: "Training needs the NGO has declared (نیازهای آموزشی)." })
  trainingNeeds(@Root() ngo: Ngo, @Ctx() ctx: RequestContext): Promise<TrainingNeed[]> {
    return childrenLoader(ctx, TrainingNeed).load(ngo.id);
  }
}

@Resolver(() => NgoCapability)
export class NgoCapabilityResolver {
  @FieldResolver(() => FieldOfActivity, { nullable: true, description: "Field of activity of the service, if given." })
  field(@Root() capability: NgoCapability, @Ctx() ctx: RequestContext): Promise<FieldOfActivity | null> {
    return capability.fieldId ? fieldOfActivityById(ctx).load(capability.fieldId) : Promise.resolve(null);
  }

  @FieldResolver(() => [County], { description: "The counties covered besides the home county." })
  async coverageCounties(@Root() capability: NgoCapability, @Ctx() ctx: RequestContext): Promise<County[]> {
    return (await countyById(ctx).loadMany(capability.coverageCountyIds))
      .filter((c): c is County => c !== null && !(c instanceof Error))
      .filter(notNull);
  }
}
