import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import {
  Allow,
  AUDIT_TABLE,
  canWrite,
  inTransaction,
  normalizePersian,
  OFFICERS,
  RequestContext,
  requireUser,
  toAsciiDigits,
  Validator,
  AppError,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { County } from "../entities/County";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { fa, normalizeCode, parseFlexibleDate } from "../validation";
import { assignNgoValues, checkNgoValues, NGO_CONSTRAINTS, NgoValues } from "./ngo";
import { NgoRefs } from "./ngoProfile";

/*
 * Bulk import of NGOs from CSV: every row is checked first (the rules of createNgo, duplicates inside the file and
 * against the registry, the importer's territory); any problem rejects the whole file with a per-row Persian
 * report and writes nothing. Otherwise all rows go in one transaction with batched statements (unnest), and one
 * audit entry per NGO (action `importNgos`), so the log answers "who created this NGO" like for createNgo.
 */

@ObjectType({ description: "A problem found in an imported file: where (row and column) and what, in Persian." })
export class NgoImportProblem {
  @Field(() => Int, {
    description:
      "Row number as a spreadsheet shows it (the header is row 1, the first NGO row 2); 1 for problems of the header.",
  })
  row!: number;

  @Field(() => String, {
    nullable: true,
    description: "The column's header as written in the file, if the problem is in one cell.",
  })
  column!: string | null;

  @Field({
    description:
      "The field concerned (`name`, `nationalId`, `countyId`, `fieldIds`, `foundedOn`, `phone`, … or `file`).",
  })
  field!: string;

  @Field({ description: "What is wrong, in Persian." })
  message!: string;

  @Field(() => String, { nullable: true, description: "The cell's value as read." })
  value!: string | null;
}

@ObjectType({ description: "The outcome of `importNgos`." })
export class NgoImportReport {
  @Field({ description: "True when every row is valid (and, unless a dry run, imported)." })
  ok!: boolean;

  @Field({ description: "Whether this was a dry run (nothing written in any case)." })
  dryRun!: boolean;

  @Field(() => Int, { description: "Number of NGO rows in the file." })
  rowCount!: number;

  @Field(() => Int, { description: "Number of NGOs created (0 on a dry run or when the file was rejected)." })
  importedCount!: number;

  @Field(() => Int, { description: "Number of problems found (the list holds at most 1000)." })
  problemCount!: number;

  @Field(() => [NgoImportProblem], { description: "Problems, by row; empty when `ok`." })
  problems!: NgoImportProblem[];

  @Field(() => [String], { description: "Headers of the file that were recognised, in file order." })
  recognisedColumns!: string[];

  @Field(() => [String], { description: "Headers of the file that were not recognised and were ignored." })
  ignoredColumns!: string[];

  @Field(() => [String], { description: "Ids of the NGOs created, in file order." })
  ngoIds!: string[];

  @Field(() => Int, { description: "Time the import took on the server, in milliseconds." })
  durationMs!: number;
}

type Column =
  | "name"
  | "nationalId"
  | "registrationNumber"
  | "countyId"
  | "fieldIds"
  | "foundedOn"
  | "phone"
  | "address"
  | "membersCount"
  | "volunteersCount"
  | "status"
  | "scope";

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
const IGNORED_QUIETLY = ["ردیف", "row", "#"].map(headerKey);
const REQUIRED: Column[] = ["name", "nationalId", "countyId"];

const LABELS: Record<Column, string> = {
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

function headerKey(header: string): string {
  return normalizePersian(header).replace(/[_\-.]/g, "");
}
const HEADER_INDEX = new Map<string, Column>(
  Object.entries(HEADERS).flatMap(([column, names]) => names.map((name) => [headerKey(name), column as Column])),
);

const STATUS_WORDS = new Map<string, NgoStatus>([
  ...Object.values(NgoStatus).map((s) => [s.toLowerCase(), s] as [string, NgoStatus]),
  [normalizePersian("فعال"), NgoStatus.ACTIVE],
  [normalizePersian("غیرفعال"), NgoStatus.INACTIVE],
  [normalizePersian("غیر فعال"), NgoStatus.INACTIVE],
  [normalizePersian("منحل"), NgoStatus.DISSOLVED],
  [normalizePersian("منحل‌شده"), NgoStatus.DISSOLVED],
]);
const SCOPE_WORDS = new Map<string, NgoScope>([
  ...Object.values(NgoScope).map((s) => [s.toLowerCase(), s] as [string, NgoScope]),
  [normalizePersian("ملی"), NgoScope.NATIONAL],
  [normalizePersian("کشوری"), NgoScope.NATIONAL],
  [normalizePersian("استانی"), NgoScope.PROVINCIAL],
  [normalizePersian("شهرستانی"), NgoScope.COUNTY],
]);

export const MAX_IMPORT_ROWS = 20_000;
const MAX_REPORTED_PROBLEMS = 1000;
/** Separators of several values in one cell (not « و »: field names contain it, e.g. «زنان و خانواده»). */
const SPLIT_LIST = /[،,;|/]+/;

interface ParsedRow {
  row: number;
  values: NgoValues;
  fieldIds: string[];
  cells: Partial<Record<Column, string>>;
}

@Resolver()
export class NgoImportResolver {
  @Allow(OFFICERS)
  @Mutation(() => NgoImportReport, {
    description: `Import NGOs from a CSV file (UTF-8, header row; Persian headers «نام», «شناسه ملی», «شماره ثبت», «کد شهرستان», «حوزه فعالیت», «تاریخ تأسیس», «تلفن», «نشانی», «تعداد اعضا», «تعداد داوطلبان», «وضعیت», «گستره فعالیت» or the English ones of data/demo-ngos.csv). Dates Jalali (1388/04/12) or Gregorian; fields of activity by code or Persian name, several separated by «،»; several phones likewise. Every row is checked first (as createNgo, plus duplicates inside the file and against the registry, and the importer's territory); any problem rejects the whole file with a per-row report and nothing is written. Otherwise all rows are created in one transaction. At most ${MAX_IMPORT_ROWS} rows.`,
  })
  async importNgos(
    @Ctx() ctx: RequestContext,
    @Arg("csv", { description: "The file's content (UTF-8 text; a BOM is allowed)." }) csv: string,
    @Arg("dryRun", { defaultValue: false, description: "Only check the file and report; write nothing." })
    dryRun: boolean,
  ): Promise<NgoImportReport> {
    const started = performance.now();
    const report = Object.assign(new NgoImportReport(), {
      ok: false,
      dryRun,
      rowCount: 0,
      importedCount: 0,
      problemCount: 0,
      durationMs: 0,
    });
    Object.assign(report, {
      problems: [] as NgoImportProblem[],
      recognisedColumns: [] as string[],
      ignoredColumns: [] as string[],
      ngoIds: [] as string[],
    });
    const problems: NgoImportProblem[] = [];
    const finish = () => {
      report.problemCount = problems.length;
      report.problems = problems.sort((a, b) => a.row - b.row).slice(0, MAX_REPORTED_PROBLEMS);
      report.ok = problems.length === 0;
      report.durationMs = Math.round(performance.now() - started);
      return report;
    };
    const problem = (
      row: number,
      field: string,
      message: string,
      column: string | null = null,
      value: string | null = null,
    ) => problems.push(Object.assign(new NgoImportProblem(), { row, field, message, column, value }));

    let records: string[][];
    try {
      records = parse(csv, {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        trim: true,
        delimiter: detectDelimiter(csv),
      });
    } catch (error) {
      problem(
        (error as { lines?: number }).lines ?? 1,
        "file",
        `فایل CSV خوانا نیست (نقل‌قول یا جداکننده نادرست): ${(error as Error).message}`,
      );
      return finish();
    }
    const [header = [], ...rows] = records;
    report.rowCount = rows.length;

    const columns: (Column | null)[] = header.map((name) => HEADER_INDEX.get(headerKey(name)) ?? null);
    const headerOf = new Map<Column, string>();
    header.forEach((name, i) => {
      const column = columns[i];
      if (!column) {
        if (!IGNORED_QUIETLY.includes(headerKey(name)) && name) report.ignoredColumns.push(name);
        return;
      }
      if (headerOf.has(column))
        problem(1, column, `ستون «${LABELS[column]}» دو بار آمده است («${headerOf.get(column)}» و «${name}»).`, name);
      else headerOf.set(column, name);
      report.recognisedColumns.push(name);
    });
    for (const column of REQUIRED)
      if (!headerOf.has(column)) problem(1, column, `ستون «${LABELS[column]}» در سطر عنوان نیست.`);
    if (rows.length === 0) problem(1, "file", "فایل هیچ ردیف سمنی ندارد.");
    if (rows.length > MAX_IMPORT_ROWS)
      problem(1, "file", `حداکثر ${fa(MAX_IMPORT_ROWS)} ردیف در یک فایل مجاز است؛ فایل را چند بخش کنید.`);
    if (problems.length) return finish();

    const user = requireUser(ctx);
    const refs = await loadAllRefs(ctx.db.manager);
    const fieldByWord = new Map<string, FieldOfActivity>();
    for (const field of refs.fields.values()) {
      fieldByWord.set(field.code.toLowerCase(), field);
      fieldByWord.set(field.nameNormalized, field);
    }

    const parsed: ParsedRow[] = [];
    const byNationalId = new Map<string, number>();
    const byName = new Map<string, number>();
    rows.forEach((cells, index) => {
      const row = index + 2;
      const get: Partial<Record<Column, string>> = {};
      cells.forEach((value, i) => {
        const column = columns[i];
        if (column && !(column in get)) get[column] = value;
      });
      if (cells.length > header.length && cells.slice(header.length).some((v) => v !== "")) {
        problem(
          row,
          "file",
          `این ردیف ${fa(cells.length)} خانه دارد ولی سطر عنوان ${fa(header.length)} ستون؛ جداکننده‌ها را بررسی کنید.`,
        );
      }
      const cellProblem = (column: Column, message: string) =>
        problem(row, column, message, headerOf.get(column) ?? null, get[column] ?? null);
      const values: NgoValues = {
        name: get.name ?? "",
        nationalId: toAsciiDigits(get.nationalId ?? "").replace(/\s/g, ""),
        countyId: countyCode(get.countyId ?? ""),
      };
      if (get.registrationNumber) values.registrationNumber = normalizeCode(get.registrationNumber);
      if (get.address) values.address = get.address;
      if (get.foundedOn) {
        const day = parseFlexibleDate(get.foundedOn);
        if (day) values.foundedOn = day;
        else
          cellProblem("foundedOn", "تاریخ تأسیس درست نیست؛ به شکل ۱۳۸۸/۰۴/۱۲ (شمسی) یا 2009-07-03 (میلادی) بنویسید.");
      }
      if (get.phone) {
        const [main, ...others] = get.phone
          .split(/[،,;|/]+/)
          .map((p) => p.trim())
          .filter(Boolean);
        values.phone = main ?? null;
        values.otherPhones = others;
      }
      for (const column of ["membersCount", "volunteersCount"] as const) {
        if (!get[column]) continue;
        const number = Number(toAsciiDigits(get[column]!).replace(/[,٬\s]/g, ""));
        if (Number.isInteger(number) && number >= 0) values[column] = number;
        else cellProblem(column, `${LABELS[column]} باید عددی صحیح و نامنفی باشد.`);
      }
      if (get.status) {
        const status = STATUS_WORDS.get(normalizePersian(get.status));
        if (status) values.status = status;
        else
          cellProblem("status", "وضعیت باید یکی از «فعال»، «غیرفعال» یا «منحل» (یا ACTIVE، INACTIVE، DISSOLVED) باشد.");
      }
      if (get.scope) {
        const scope = SCOPE_WORDS.get(normalizePersian(get.scope));
        if (scope) values.scope = scope;
        else
          cellProblem(
            "scope",
            "گستره فعالیت باید یکی از «ملی»، «استانی» یا «شهرستانی» (یا NATIONAL، PROVINCIAL، COUNTY) باشد.",
          );
      }
      const fieldIds: string[] = [];
      for (const word of (get.fieldIds ?? "")
        .split(SPLIT_LIST)
        .map((w) => w.trim())
        .filter(Boolean)) {
        const field = fieldByWord.get(word.toLowerCase()) ?? fieldByWord.get(normalizePersian(word));
        if (field) {
          if (!fieldIds.includes(field.id)) fieldIds.push(field.id);
        } else
          cellProblem(
            "fieldIds",
            `حوزه فعالیت «${word}» شناخته نشد؛ کد (مانند YOUTH) یا نام فارسی یکی از حوزه‌های فعالیت را بنویسید.`,
          );
      }

      // The rules of createNgo, reported per cell.
      const v = new Validator();
      checkNgoValues(v, values, refs);
      try {
        v.done();
      } catch (error) {
        for (const { field, message } of ((error as AppError).extensions.fields as {
          field: string;
          message: string;
        }[]) ?? []) {
          const column = (field.startsWith("otherPhones") ? "phone" : field) as Column;
          cellProblem(column, message);
        }
      }

      const county = refs.counties.get(values.countyId ?? "");
      if (county && !canWrite(user, { provinceId: county.provinceId, countyId: county.id })) {
        cellProblem(
          "countyId",
          `شهرستان «${county.name}» در قلمرو شما نیست؛ فقط سمن‌های قلمرو خود را می‌توانید وارد کنید.`,
        );
      }
      if (values.nationalId) {
        const first = byNationalId.get(values.nationalId);
        if (first) cellProblem("nationalId", `این شناسه ملی در ردیف ${fa(first)} همین فایل هم آمده است.`);
        else byNationalId.set(values.nationalId, row);
      }
      const nameKey = `${values.countyId}|${normalizePersian(values.name)}`;
      if (values.name && county) {
        const first = byName.get(nameKey);
        if (first)
          cellProblem(
            "name",
            `سمنی با همین نام در همین شهرستان در ردیف ${fa(first)} همین فایل هم آمده است (با یکسان‌سازی نویسه‌ها).`,
          );
        else byName.set(nameKey, row);
      }
      parsed.push({ row, values, fieldIds, cells: get });
    });

    // Against the registry: national ids and (county, normalised name) already registered, in two statements.
    const existingIds = new Set<string>(
      (
        await ctx.db.query(`SELECT national_id FROM ngo WHERE national_id = ANY($1::varchar[])`, [
          [...byNationalId.keys()],
        ])
      ).map((r: { national_id: string }) => r.national_id),
    );
    const names = [...byName.keys()].map((key) => key.split("|"));
    const existingNames = new Set<string>(
      (
        await ctx.db.query(
          `SELECT n.county_id, n.name_normalized FROM ngo n JOIN unnest($1::varchar[], $2::text[]) AS f(county_id, name_normalized)
             ON n.county_id = f.county_id AND n.name_normalized = f.name_normalized`,
          [names.map((n) => n[0]), names.map((n) => n[1])],
        )
      ).map((r: { county_id: string; name_normalized: string }) => `${r.county_id}|${r.name_normalized}`),
    );
    for (const { row, values, cells } of parsed) {
      if (values.nationalId && existingIds.has(values.nationalId) && byNationalId.get(values.nationalId) === row) {
        problem(
          row,
          "nationalId",
          "سمنی با همین شناسه ملی پیش‌تر در سامانه ثبت شده است.",
          headerOf.get("nationalId") ?? null,
          cells.nationalId ?? null,
        );
      }
      const nameKey = `${values.countyId}|${normalizePersian(values.name)}`;
      if (existingNames.has(nameKey) && byName.get(nameKey) === row) {
        problem(
          row,
          "name",
          "سمنی با همین نام در همین شهرستان پیش‌تر در سامانه ثبت شده است (با یکسان‌سازی نویسه‌ها).",
          headerOf.get("name") ?? null,
          cells.name ?? null,
        );
      }
    }
    if (problems.length || dryRun) return finish();

    const ngos = parsed.map(({ values }) => {
      const ngo = Object.assign(new Ngo(), {
        id: randomUUID(),
        status: NgoStatus.ACTIVE,
        scope: NgoScope.COUNTY,
        otherPhones: [],
        registrationNumber: null,
        foundedOn: null,
        phone: null,
        address: null,
        membersCount: null,
        volunteersCount: null,
      });
      assignNgoValues(ngo, values, refs);
      return ngo;
    });
    await inTransaction(ctx.db, NGO_CONSTRAINTS, async (em) => {
      await insertNgos(em, ngos);
      const links = parsed.flatMap(({ fieldIds }, i) => fieldIds.map((fieldId) => [ngos[i].id, fieldId]));
      if (links.length) {
        await em.query(`INSERT INTO ngo_field (ngo_id, field_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
          links.map((l) => l[0]),
          links.map((l) => l[1]),
        ]);
      }
      await auditImported(em, ctx, ngos, parsed);
    });
    report.importedCount = ngos.length;
    report.ngoIds = ngos.map((ngo) => ngo.id);
    return finish();
  }
}

/** Counties as typed in spreadsheets: Persian digits, and a leading zero lost by Excel («401» → «0401»). */
function countyCode(text: string): string {
  const code = toAsciiDigits(text).replace(/\s/g, "");
  return /^\d{3}$/.test(code) ? `0${code}` : code;
}

/** Comma unless the header line uses semicolons or tabs instead (spreadsheets in some locales). */
function detectDelimiter(csv: string): string {
  const firstLine = csv.slice(0, csv.indexOf("\n") === -1 ? undefined : csv.indexOf("\n"));
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/** All counties and fields of activity (small reference tables), for checking every row without more queries. */
async function loadAllRefs(em: EntityManager): Promise<NgoRefs> {
  const [counties, fields] = await Promise.all([em.find(County), em.find(FieldOfActivity)]);
  return { counties: new Map(counties.map((c) => [c.id, c])), fields: new Map(fields.map((f) => [f.id, f])) };
}

const BATCH = 5000;

/** One INSERT … SELECT FROM unnest(…) per 5000 NGOs: one array parameter per column. */
async function insertNgos(em: EntityManager, ngos: Ngo[]): Promise<void> {
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
async function auditImported(em: EntityManager, ctx: RequestContext, ngos: Ngo[], parsed: ParsedRow[]): Promise<void> {
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
