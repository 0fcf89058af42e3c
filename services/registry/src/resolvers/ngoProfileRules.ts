import {
  isSupportedJalaliYear,
  isUuid,
  normalizePersian,
  tidyDisplayText,
  toAsciiDigits,
  Validator,
} from "@hamafza/common";
import { EntityManager, In, ObjectLiteral } from "typeorm";
import { BoardMember, BoardRole, SINGLE_HOLDER_ROLES } from "../entities/BoardMember";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { NgoAward } from "../entities/NgoAward";
import { NgoCapability } from "../entities/NgoCapability";
import { NgoField } from "../entities/NgoField";
import { TrainingNeed, Urgency } from "../entities/TrainingNeed";
import { currentJalaliYear, fa, isValidNationalCode, normalizePhone } from "../validation";
import { BoardMemberInput, NgoAwardInput, NgoCapabilityInput, TrainingNeedInput } from "./ngoProfileInputs";

/** An NGO's profile lists: references, validation, saving and the audit snapshot. */

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
    const year = need.year ?? currentJalaliYear();
    v.check(isSupportedJalaliYear(year), `${path}.year`, "سال شمسی نیاز را درست وارد کنید.");
    const key = `${year}:${normalizePersian(need.topic)}`;
    v.check(
      !normalizePersian(need.topic) || !topics.has(key),
      `${path}.topic`,
      "این موضوع آموزشی برای همین سال در فهرست تکراری است.",
    );
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
  // A kept need keeps its year unless one is given, and its place in the training loop (status, session).
  after.trainingNeeds = await replaceList(em, TrainingNeed, ngoId, input.trainingNeeds, (n, kept) => ({
    topic: tidyDisplayText(n.topic),
    topicNormalized: normalizePersian(n.topic),
    audience: n.audience ? tidyDisplayText(n.audience) : null,
    urgency: n.urgency ?? Urgency.MEDIUM,
    year: n.year ?? kept?.year ?? currentJalaliYear(),
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
  values: (item: I, kept: T | undefined) => Partial<T>,
): Promise<T[] | undefined> {
  if (items === undefined) return undefined;
  const existing = new Map((await em.find(entity, { where: { ngoId } as never })).map((row) => [row.id, row]));
  await em.delete(entity, { ngoId } as never);
  const rows = (items ?? []).map((item, sortOrder) => {
    // An item naming one of the NGO's records keeps it (id, creation time); any other id is ignored.
    const kept = item.id ? existing.get(item.id) : undefined;
    return Object.assign(new entity(), kept ?? {}, values(item, kept), { ngoId, sortOrder });
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
