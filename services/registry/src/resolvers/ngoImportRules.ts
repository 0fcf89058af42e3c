import { normalizePersian, toAsciiDigits } from "@hamafza/common";
import { NgoScope, NgoStatus } from "../entities/Ngo";
import { Column } from "./ngoImportInputs";

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

/** At most this many rows per file: with typical rows (≈ 170 bytes) a file of 10,000 fits in one request body (MAX_GRAPHQL_BODY_BYTES), as import.test.ts checks. */
export const MAX_IMPORT_ROWS = 10_000;
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
