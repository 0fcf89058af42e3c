import {
  AppError,
  containsPattern,
  ErrorCode,
  normalizePersian,
  tidyDisplayText,
  toAsciiDigits,
  uuidsForFilter,
  Validator,
} from "@hamafza/common";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { Ngo, NgoStatus } from "../entities/Ngo";
import { isNotInFuture, isValidLegalNationalId, normalizeCode, normalizePhone } from "../validation";
import { licenceStateParams, licenceStatesSql, ngoLicenceColumnsSql } from "./licenceState";
import { checkProfileInput, loadNgoRefs, NgoRefs, PHONE_MESSAGE, profileRefIds } from "./ngoProfileRules";
import { NgoCreateInput, NgoFilter, NgoUpdateInput, NgoValues } from "./ngoInputs";

const MERGED_STATUS_MESSAGE = "وضعیت «ادغام‌شده» فقط با ادغام سمن‌های تکراری ثبت می‌شود؛ وضعیت دیگری انتخاب کنید.";

export const NGO_CONSTRAINTS = {
  ngo_national_id_unique: "سمن دیگری با همین شناسه ملی ثبت شده است.",
  ngo_name_in_county_unique: "سمن دیگری با همین نام در این شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  board_member_national_code_unique: "یک نفر دو بار در هیئت‌مدیره این سمن آمده است.",
  board_member_single_role_unique: "این سمت هیئت‌مدیره را تنها یک نفر می‌تواند داشته باشد.",
  ngo_field_field_fk: "حوزه فعالیت انتخاب‌شده وجود ندارد.",
  ngo_capability_field_fk: "حوزه فعالیت انتخاب‌شده وجود ندارد.",
  needs_assessment_ngo_fk:
    "این سمن در نیازسنجی محله‌ها نام برده شده است و حذف نمی‌شود؛ اگر دیگر فعال نیست، وضعیت آن را غیرفعال کنید.",
};

export const NGO_SORTABLE = {
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
 * The name's words for typo-tolerant search (migration NgoSearchWords): normalised, word boundaries kept, «ـین»
 * plurals read as «ـان»; trigram-indexed. `:searchTyped` is the text as typed.
 */
export const NAME_WORDS_SQL = "ngo_search_words(ngo.name)";
export const QUERY_WORDS_SQL = "ngo_search_words(:searchTyped)";

/**
 * How close the words typed are to the name's words (0 to 1): pg_trgm word similarity — the best-matching run of
 * the name's words — so a dropped letter («کودکن»), a left-out word («حمایت کودکان») or another plural («معلولین»)
 * still scores high.
 */
export const WORDS_SIMILARITY_SQL = `public.word_similarity(${QUERY_WORDS_SQL}, ${NAME_WORDS_SQL})`;

/**
 * The word similarity from which a name matches the search (pg_trgm's default, 0.6, misses «کودکن کار» for
 * «کودکان کار»: 7 common trigrams of 12). Set for the search's transaction (`SET LOCAL`).
 */
export const SEARCH_WORDS_THRESHOLD = 0.5;

/**
 * Relevance of a name to the normalised search text, for ranking (pg_trgm lives in schema `public`): names that
 * contain the text first, then by word similarity (the best-matching part of the name, on the spaceless form and on
 * the words), then by overall similarity (closer, shorter names first).
 */
export const NAME_RELEVANCE_SQL = `(CASE WHEN ngo.name_normalized LIKE :pattern THEN 1 ELSE 0 END + greatest(public.word_similarity(:searchText, ngo.name_normalized), ${WORDS_SIMILARITY_SQL}) + public.similarity(:searchText, ngo.name_normalized) / 2)`;

/**
 * Adds an `NgoFilter`'s conditions (not the territory) to a query on `ngo` aliased `ngo`. Returns whether a
 * search text was given (the list ranks by similarity then).
 */
export function applyNgoFilter(query: SelectQueryBuilder<Ngo>, filter: NgoFilter | undefined): boolean {
  if (filter?.ids) query.andWhere("ngo.id IN (:...ids)", { ids: uuidsForFilter(filter.ids) });
  if (filter?.countyId) query.andWhere("ngo.countyId = :countyId", { countyId: filter.countyId });
  if (filter?.provinceId) query.andWhere("ngo.provinceId = :provinceId", { provinceId: filter.provinceId });
  if (filter?.status) query.andWhere("ngo.status = :status", { status: filter.status });
  // Merged records (aliases, docs/merging.md) are listed only when asked for by status, id or survivor.
  else if (!filter?.ids && !filter?.mergedInto) query.andWhere("ngo.status <> 'MERGED'");
  if (filter?.mergedInto)
    query.andWhere(
      "ngo.id IN (SELECT m.merged_id FROM ngo_merge m WHERE m.survivor_id = :survivor AND m.undone_at IS NULL)",
      {
        survivor: uuidsForFilter([filter.mergedInto])[0],
      },
    );
  if (filter?.scope) query.andWhere("ngo.scope = :scope", { scope: filter.scope });
  if (filter?.fieldId) {
    query.andWhere("EXISTS (SELECT 1 FROM ngo_field nf WHERE nf.ngo_id = ngo.id AND nf.field_id = :fieldId)", {
      fieldId: uuidsForFilter([filter.fieldId])[0],
    });
  }
  if (filter?.licenceState) {
    query.andWhere(licenceStatesSql(ngoLicenceColumnsSql(query.alias), [filter.licenceState]), licenceStateParams());
  }
  const searchText = filter?.q ? normalizePersian(filter.q) : "";
  if (!searchText) return false;
  const conditions = [
    "ngo.nameNormalized LIKE :pattern",
    ":searchText OPERATOR(public.<%) ngo.name_normalized",
    `${QUERY_WORDS_SQL} OPERATOR(public.<%) ${NAME_WORDS_SQL}`,
  ];
  const digits = toAsciiDigits(filter!.q!).replace(/\s/g, "");
  if (/^\d{3,11}$/.test(digits))
    conditions.push("ngo.nationalId LIKE :digitsPrefix", "ngo.registrationNumber = :digits");
  query.andWhere(`(${conditions.join(" OR ")})`, {
    pattern: containsPattern(filter!.q!),
    searchText,
    searchTyped: filter!.q!,
    digits,
    digitsPrefix: `${digits}%`,
  });
  return true;
}

export const MAX_OTHER_PHONES = 10;

/**
 * The checks of an NGO's own values, shared by the mutations and the CSV import: every problem is reported into
 * `v` (nothing thrown). `refs` must hold the county named by `countyId`.
 */
export function checkNgoValues(v: Validator, input: NgoValues, refs: NgoRefs): void {
  v.check(input.status !== NgoStatus.MERGED, "status", MERGED_STATUS_MESSAGE);
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
export async function applyNgoInput(
  em: EntityManager,
  ngo: Ngo,
  input: NgoCreateInput | NgoUpdateInput,
): Promise<void> {
  const profileIds = profileRefIds(input);
  const refs = await loadNgoRefs(
    em,
    [...(input.countyId !== undefined ? [input.countyId] : []), ...profileIds.countyIds],
    profileIds.fieldIds,
  );
  if (ngo.status === NgoStatus.MERGED)
    throw new AppError(ErrorCode.CONFLICT, "این سمن در سمن دیگری ادغام شده است؛ سمن باقی‌مانده را ویرایش کنید.");
  const v = new Validator();
  checkNgoValues(v, input, refs);
  checkProfileInput(v, input, refs);
  v.done();
  assignNgoValues(ngo, input, refs);
  if (!ngo.name || !ngo.nationalId || !ngo.countyId) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "نام، شناسه ملی و شهرستان سمن الزامی است.");
  }
}
