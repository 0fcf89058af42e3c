import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import {
  Allow,
  canWrite,
  normalizePersian,
  OFFICERS,
  RequestContext,
  requireUser,
  toAsciiDigits,
  Validator,
  AppError,
} from "@hamafza/common";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { fa, normalizeCode, parseFlexibleDate } from "../validation";
import { assignNgoValues, checkNgoValues, NgoValues } from "./ngo";
import { Column, NgoImportProblem, NgoImportReport, ParsedRow } from "./ngoImportInputs";
import {
  HEADER_INDEX,
  IGNORED_QUIETLY,
  LABELS,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_PROBLEMS,
  REQUIRED,
  SCOPE_WORDS,
  SPLIT_LIST,
  STATUS_WORDS,
  countyCode,
  detectDelimiter,
  headerKey,
} from "./ngoImportRules";
import { findRegistered, loadAllRefs, nameKey, writeImportedNgos } from "./ngoImportSql";
export { NgoImportProblem, NgoImportReport } from "./ngoImportInputs";
export { MAX_IMPORT_ROWS } from "./ngoImportRules";

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
      problem(
        1,
        "file",
        `حداکثر ${MAX_IMPORT_ROWS.toLocaleString("fa-IR")} ردیف در یک فایل مجاز است؛ فایل را چند بخش کنید.`,
      );
    if (problems.length) return finish();

    const user = requireUser(ctx);
    const refs = await loadAllRefs(ctx.db);
    const fieldByWord = new Map<string, FieldOfActivity>();
    for (const field of refs.fields.values()) {
      fieldByWord.set(field.code.toLowerCase(), field);
      fieldByWord.set(field.nameNormalized, field);
    }

    const parsed: ParsedRow[] = [];
    const byNationalId = new Map<string, number>();
    const byName = new Map<string, number>();
    const names: { countyId: string; nameNormalized: string }[] = [];
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
      const nameNormalized = normalizePersian(values.name);
      let registeredName: string | null = null;
      if (values.name && county) {
        const key = nameKey(county.id, nameNormalized);
        const first = byName.get(key);
        if (first)
          cellProblem(
            "name",
            `سمنی با همین نام در همین شهرستان در ردیف ${fa(first)} همین فایل هم آمده است (با یکسان‌سازی نویسه‌ها).`,
          );
        else {
          byName.set(key, row);
          names.push({ countyId: county.id, nameNormalized });
          registeredName = key;
        }
      }
      parsed.push({ row, values, fieldIds, cells: get, nameKey: registeredName });
    });

    // Against the registry: national ids and (county, normalised name) already registered, in one statement.
    const registered = await findRegistered(ctx.db, [...byNationalId.keys()], names);
    for (const { row, values, cells, nameKey: key } of parsed) {
      if (
        values.nationalId &&
        registered.nationalIds.has(values.nationalId) &&
        byNationalId.get(values.nationalId) === row
      ) {
        problem(
          row,
          "nationalId",
          "سمنی با همین شناسه ملی پیش‌تر در سامانه ثبت شده است.",
          headerOf.get("nationalId") ?? null,
          cells.nationalId ?? null,
        );
      }
      if (key && registered.names.has(key)) {
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

    const ngos = parsed.map(({ values, fieldIds, row }) => {
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
      return { ngo, fieldIds, row };
    });
    await writeImportedNgos(ctx.db, ctx, ngos);
    report.importedCount = ngos.length;
    report.ngoIds = ngos.map(({ ngo }) => ngo.id);
    return finish();
  }
}
