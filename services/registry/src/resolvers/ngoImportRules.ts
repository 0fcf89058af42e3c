import { AUDIT_TABLE, normalizePersian, RequestContext, requireUser, toAsciiDigits } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { NgoRefs } from "./ngoProfileRules";
import { Column, ParsedRow } from "./ngoImportInputs";

/** Accepted headers (Persian and those of data/demo-ngos.csv), compared after normalisation. */
const HEADERS: Record<Column, string[]> = {
  name: ["نام", "نام سمن", "نام تشکل", "نام سازمان", "name"],
  nationalId: ["شناسه ملی", "national_id", "nationalId"],
  registrationNumber: ["شماره ثبت", "registration_number", "registrationNumber"],
  countyId: ["کد شهرستان", "county_code", "countyId", "county_id"],
  fieldIds: ["حوزه فعالیت", "حوزه‌های فعالیت", "field", "fields"],
  foundedOn: ["تاریخ تأسیس", "تاریخ تاسیس", "founded_on", "foundedOn"],
  phone: ["تلفن", "شماره تلفن", "تلفن تماس", "phone", "phones"],
  address: ["نشانی", "آدرس", "address"],
  membersCount: ["تعداد اعضا", "members", "members_count", "membersCount"],
  volunteersCount: ["تعداد داوطلبان", "volunteers", "volunteers_count", "volunteersCount"],
  status: ["وضعیت", "status"],
  scope: ["گستره فعالیت", "گستره", "سطح فعالیت", "scope"],
};
export const IGNORED_QUIETLY = ["ردیف", "row", "#"].map(headerKey);
export const REQUIRED: Column[] = ["name", "nationalId", "countyId"];

export const LABELS: Record<Column, string> = {
  name: "نام",
  nationalId: "شناسه ملی",
  registrationNumber: "شماره ثبت",
  countyId: "کد شهرستان",
  fieldIds: "حوزه فعالیت",
  foundedOn: "تاریخ تأسیس",
  phone: "تلفن",
  address: "نشانی",
  membersCount: "تعداد اعضا",
  volunteersCount: "تعداد داوطلبان",
  status: "وضعیت",
  scope: "گستره فعالیت",
};

export function headerKey(header: string): string {
  return normalizePersian(header).replace(/[_\-.]/g, "");
}
export const HEADER_INDEX = new Map<string, Column>(
  Object.entries(HEADERS).flatMap(([column, names]) => names.map((name) => [headerKey(name), column as Column])),
);

export const STATUS_WORDS = new Map<string, NgoStatus>([
  ...Object.values(NgoStatus).map((s) => [s.toLowerCase(), s] as [string, NgoStatus]),
  [normalizePersian("فعال"), NgoStatus.ACTIVE],
  [normalizePersian("غیرفعال"), NgoStatus.INACTIVE],
  [normalizePersian("غیر فعال"), NgoStatus.INACTIVE],
  [normalizePersian("منحل"), NgoStatus.DISSOLVED],
  [normalizePersian("منحل‌شده"), NgoStatus.DISSOLVED],
]);
export const SCOPE_WORDS = new Map<string, NgoScope>([
  ...Object.values(NgoScope).map((s) => [s.toLowerCase(), s] as [string, NgoScope]),
  [normalizePersian("ملی"), NgoScope.NATIONAL],
  [normalizePersian("کشوری"), NgoScope.NATIONAL],
  [normalizePersian("استانی"), NgoScope.PROVINCIAL],
  [normalizePersian("شهرستانی"), NgoScope.COUNTY],
]);

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_REPORTED_PROBLEMS = 1000;
/** Separators of several values in one cell (not « و »: field names contain it, e.g. «زنان و خانواده»). */
export const SPLIT_LIST = /[،,;|/]+/;

/** Counties as typed in spreadsheets: Persian digits, and a leading zero lost by Excel («401» → «0401»). */
export function countyCode(text: string): string {
  const code = toAsciiDigits(text).replace(/\s/g, "");
  return /^\d{3}$/.test(code) ? `0${code}` : code;
}

/** Comma unless the header line uses semicolons or tabs instead (spreadsheets in some locales). */
export function detectDelimiter(csv: string): string {
  const firstLine = csv.slice(0, csv.indexOf("\n") === -1 ? undefined : csv.indexOf("\n"));
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/** All counties and fields of activity (small reference tables), for checking every row without more queries. */
export async function loadAllRefs(em: EntityManager): Promise<NgoRefs> {
  const [counties, fields] = await Promise.all([em.find(County), em.find(FieldOfActivity)]);
  return { counties: new Map(counties.map((c) => [c.id, c])), fields: new Map(fields.map((f) => [f.id, f])) };
}

const BATCH = 5000;

/** One INSERT … SELECT FROM unnest(…) per 5000 NGOs: one array parameter per column. */
export async function insertNgos(em: EntityManager, ngos: Ngo[]): Promise<void> {
  for (let start = 0; start < ngos.length; start += BATCH) {
    const batch = ngos.slice(start, start + BATCH);
    const col = <K extends keyof Ngo>(key: K) => batch.map((ngo) => ngo[key] ?? null);
    await em.query(
      `INSERT INTO ngo (id, name, name_normalized, national_id, registration_number, county_id, province_id, status, scope, founded_on, phone, other_phones, address, members_count, volunteers_count)
       SELECT id, name, name_normalized, national_id, registration_number, county_id, province_id, status, scope, founded_on, phone,
              CASE WHEN other_phones = '' THEN '{}'::varchar(11)[] ELSE string_to_array(other_phones, ',')::varchar(11)[] END,
              address, members_count, volunteers_count
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::varchar[], $5::text[], $6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[],
                     $10::date[], $11::varchar[], $12::text[], $13::text[], $14::int[], $15::int[])
           AS t(id, name, name_normalized, national_id, registration_number, county_id, province_id, status, scope, founded_on, phone, other_phones, address, members_count, volunteers_count)`,
      [
        col("id"),
        col("name"),
        col("nameNormalized"),
        col("nationalId"),
        col("registrationNumber"),
        col("countyId"),
        col("provinceId"),
        col("status"),
        col("scope"),
        col("foundedOn"),
        col("phone"),
        batch.map((ngo) => (ngo.otherPhones ?? []).join(",")),
        col("address"),
        col("membersCount"),
        col("volunteersCount"),
      ],
    );
  }
}

/** One audit entry per imported NGO (action `importNgos`, its territory, the values created), in batched statements. */
export async function auditImported(
  em: EntityManager,
  ctx: RequestContext,
  ngos: Ngo[],
  parsed: ParsedRow[],
): Promise<void> {
  const user = requireUser(ctx);
  for (let start = 0; start < ngos.length; start += BATCH) {
    const batch = ngos.slice(start, start + BATCH);
    const after = batch.map((ngo, i) => {
      const { nameNormalized: _normalized, ...values } = ngo;
      return JSON.stringify({
        ...values,
        fieldIds: parsed[start + i].fieldIds,
        importedFromRow: parsed[start + i].row,
      });
    });
    await em.query(
      `INSERT INTO ${AUDIT_TABLE} (actor_id, actor_username, actor_role, action, outcome, service, entity_type, entity_id, province_id, county_id, before, after, client_address, request_id)
       SELECT $1, $2, $3, 'importNgos', 'SUCCESS', $4, 'Ngo', e.id, e.province_id, e.county_id, NULL, e.after::jsonb, $5, $6
         FROM unnest($7::text[], $8::varchar[], $9::varchar[], $10::text[]) AS e(id, province_id, county_id, after)`,
      [
        user.id,
        user.username,
        user.role,
        ctx.service,
        ctx.clientAddress,
        ctx.requestId,
        batch.map((n) => n.id),
        batch.map((n) => n.provinceId),
        batch.map((n) => n.countyId),
        after,
      ],
    );
  }
}
