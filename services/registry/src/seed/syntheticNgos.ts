/**
 * Synthetic, valid NGO rows in the CSV shape of `data/demo-ngos.csv`, for load tests and `npm run bench`
 * (5,000-row imports). Deterministic: the same count and counties give the same file.
 */

/** Completes 10 digits into an 11-digit legal national id (شناسه ملی) with its check digit. */
export function legalNationalId(first10: string): string {
  const d = Number(first10[9]) + 2;
  const weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(first10[i]) + d) * weights[i];
  const remainder = sum % 11;
  return first10 + String(remainder === 10 ? 0 : remainder);
}

const AREA_CODES: Record<string, string> = { "19": "024", "10": "031", "23": "021", "26": "028", "04": "044" };
const KINDS = ["انجمن", "جمعیت", "کانون", "مؤسسه خیریه", "شبکه"];
const SUBJECTS = [
  "حمایت از کودکان",
  "توانمندسازی زنان",
  "جوانان داوطلب",
  "دوستداران محیط زیست",
  "پیشگیری از اعتیاد",
  "حامیان سلامت",
  "ترویج کتاب‌خوانی",
  "توسعه محله",
];
const FIELDS = [
  "CHILDREN",
  "WOMEN_FAMILY",
  "YOUTH",
  "ENVIRONMENT",
  "SOCIAL_HARM_PREVENTION",
  "HEALTH",
  "CULTURE",
  "URBAN_DEVELOPMENT",
];
const faDigits = (n: number | string) => String(n).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);

export interface SyntheticNgoRow {
  name: string;
  national_id: string;
  registration_number: string;
  county_code: string;
  field: string;
  founded_on: string;
  status: string;
  phone: string;
  address: string;
  members: string;
  volunteers: string;
}

/** `count` rows spread over `countyIds`; `idPrefix` (2 digits) keeps national ids apart from other data sets. */
export function syntheticNgoRows(count: number, countyIds: string[], idPrefix = "17"): SyntheticNgoRow[] {
  return Array.from({ length: count }, (_, i) => {
    const county = countyIds[i % countyIds.length];
    const subject = SUBJECTS[i % SUBJECTS.length];
    // Distinct 8-digit serials; legal ids whose 4th to 9th digits are all zero are invalid, so those are skipped.
    let serial = String(((12_345_678 + i * 7_919) % 90_000_000) + 10_000_000);
    if (/^0{6}/.test(`${idPrefix}${serial}`.slice(3))) serial = String(Number(serial) + 1);
    return {
      name: `${KINDS[i % KINDS.length]} ${subject} شماره ${faDigits(i + 1)}`,
      national_id: legalNationalId(`${idPrefix}${serial}`),
      registration_number: String(10_000 + i),
      county_code: county,
      field: FIELDS[i % FIELDS.length],
      founded_on: `${1380 + (i % 22)}/${String(1 + (i % 12)).padStart(2, "0")}/${String(1 + (i % 28)).padStart(2, "0")}`,
      status: i % 17 === 0 ? "INACTIVE" : "ACTIVE",
      phone: `${AREA_CODES[county.slice(0, 2)] ?? "021"}${String(30_000_000 + i).padStart(8, "0")}`,
      address: `خیابان ${faDigits((i % 40) + 1)}، پلاک ${faDigits((i % 90) + 1)}`,
      members: String(10 + (i % 200)),
      volunteers: String(i % 300),
    };
  });
}

const COLUMNS: (keyof SyntheticNgoRow)[] = [
  "name",
  "national_id",
  "registration_number",
  "county_code",
  "field",
  "founded_on",
  "status",
  "phone",
  "address",
  "members",
  "volunteers",
];

/** Rows as CSV text with the English headers of `data/demo-ngos.csv` (fields quoted when they hold a comma). */
export function toNgoCsv(rows: SyntheticNgoRow[]): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return (
    [COLUMNS.join(","), ...rows.map((row) => COLUMNS.map((column) => cell(row[column])).join(","))].join("\n") + "\n"
  );
}
