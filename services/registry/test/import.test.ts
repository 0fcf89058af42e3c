import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_GRAPHQL_BODY_BYTES, referenceChanges, Role } from "@hamafza/common";
import { demoNgoId, MAX_IMPORT_ROWS, syntheticNgoRows, toNgoCsv } from "@hamafza/registry";
import { withStatementCount } from "@hamafza/common/testing";
import { createNgo, errorOf, Gql, nextNationalId, RegistryHarness, startHarness } from "./profileHelpers";

let h: RegistryHarness;
beforeAll(async () => {
  h = await startHarness("import");
});
afterAll(async () => {
  await h?.stop();
});

const IMPORT = `mutation($csv: String!, $dryRun: Boolean) { importNgos(csv: $csv, dryRun: $dryRun) {
  ok dryRun rowCount importedCount problemCount durationMs recognisedColumns ignoredColumns ngoIds
  problems { row column field message value } } }`;

type Report = {
  ok: boolean;
  dryRun: boolean;
  rowCount: number;
  importedCount: number;
  problemCount: number;
  durationMs: number;
  recognisedColumns: string[];
  ignoredColumns: string[];
  ngoIds: string[];
  problems: { row: number; column: string | null; field: string; message: string; value: string | null }[];
};

async function importCsv(csv: string, options: { dryRun?: boolean; as?: Gql } = {}): Promise<Report> {
  const result = await (options.as ?? h.admin)(IMPORT, { csv, dryRun: options.dryRun ?? false });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.importNgos;
}

/** Everything an import may write: a rejected file must leave all of it as it was. */
const written = async () => ({
  ngos: await h.count("ngo"),
  fields: await h.count("ngo_field"),
  audit: Number((await h.superQuery(`SELECT count(*) FROM identity.audit_entry WHERE action = 'importNgos'`))[0].count),
});

const DEMO_CSV = readFileSync(join(__dirname, "..", "data", "demo-ngos.csv"), "utf8");

describe("importing a good file", () => {
  it("imports data/demo-ngos.csv (English headers, Jalali dates, field codes) in one go, with one audit entry per NGO", async () => {
    const before = await written();
    const report = await importCsv(DEMO_CSV);
    expect(report).toMatchObject({
      ok: true,
      dryRun: false,
      rowCount: 40,
      importedCount: 40,
      problemCount: 0,
      problems: [],
      ignoredColumns: [],
    });
    expect(report.recognisedColumns).toEqual([
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
    ]);
    expect(await written()).toEqual({ ngos: before.ngos + 40, fields: before.fields + 40, audit: before.audit + 40 });

    const rows = await h.db.query(
      `SELECT n.id, n.name, n.national_id, n.county_id, n.province_id, n.status, n.founded_on::text AS founded_on, n.phone, n.members_count, f.code
         FROM ngo n JOIN ngo_field nf ON nf.ngo_id = n.id JOIN field_of_activity f ON f.id = nf.field_id WHERE n.id = ANY($1)`,
      [report.ngoIds],
    );
    const first = rows.find((r: { national_id: string }) => r.national_id === "14905484270");
    expect(first).toMatchObject({
      name: "انجمن حمایت از کودکان کار زنجان",
      county_id: "1901",
      province_id: "19",
      status: "ACTIVE",
      founded_on: "2009-07-03",
      phone: "02433441258",
      members_count: 46,
      code: "SOCIAL_HARM_PREVENTION",
    });
    const arabic = rows.find((r: { national_id: string }) => r.national_id === "14633050029");
    expect(arabic.name).toBe("انجمن حمايت از كودكان بي سرپرست زنجان");
    expect(new Set(rows.map((r: { status: string }) => r.status))).toEqual(
      new Set(["ACTIVE", "INACTIVE", "DISSOLVED"]),
    );

    const audit = await h.superQuery(
      `SELECT actor_username, province_id, county_id, after FROM identity.audit_entry WHERE action = 'importNgos' AND entity_id = $1`,
      [first.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({ actor_username: "test.admin", province_id: "19", county_id: "1901" }),
    ]);
    expect(audit[0].after).toMatchObject({ nationalId: "14905484270", importedFromRow: 2 });
    expect(audit[0].after).not.toHaveProperty("nameNormalized");
    expect(report.ngoIds[0]).not.toBe(demoNgoId("14905484270")); // imports get fresh ids
  });

  it("reads Persian headers, Jalali or Gregorian dates, Persian digits, field names, several phones and Persian status words", async () => {
    const csv = [
      "ردیف,نام,شناسه ملی,شماره ثبت,کد شهرستان,حوزه فعالیت,تاریخ تأسیس,تلفن,نشانی,تعداد اعضا,تعداد داوطلبان,وضعیت,گستره فعالیت,توضیحات",
      `۱,کانون نوآوری جوانان ارومیه,${toPersian(nextNationalId())},۷۷۱,401,"جوانان، آموزش و مهارت‌آموزی",۱۳۹۸/۰۲/۱۵,"۰۴۴-۳۳۴۴۵۵۶۶، ۰۹۱۴۱۲۳۴۵۶۷",ارومیه، خیابان امام,"۱٬۲۰۰",۳۵,فعال,استانی,یادداشت`,
      `2,جمعيت بانوان كارآفرين قزوين,${nextNationalId()},,2601,WOMEN_FAMILY,2012-05-20,09121234567,,12,,غیرفعال,شهرستانی,`,
    ].join("\n");
    const report = await importCsv("\uFEFF" + csv);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, importedCount: 2, ignoredColumns: ["توضیحات"] });
    const result = await h.admin(
      `query($ids: [ID!]) { ngos(filter: { ids: $ids }, sort: { field: "countyId" }) { items { name countyId registrationNumber fields { code } foundedOn phone otherPhones address membersCount volunteersCount status scope } } }`,
      { ids: report.ngoIds },
    );
    expect(result.data!.ngos.items).toEqual([
      {
        name: "کانون نوآوری جوانان ارومیه",
        countyId: "0401",
        registrationNumber: "771",
        fields: [{ code: "YOUTH" }, { code: "EDUCATION" }],
        foundedOn: "2019-05-05",
        phone: "04433445566",
        otherPhones: ["09141234567"],
        address: "ارومیه، خیابان امام",
        membersCount: 1200,
        volunteersCount: 35,
        status: "ACTIVE",
        scope: "PROVINCIAL",
      },
      {
        name: "جمعيت بانوان كارآفرين قزوين",
        countyId: "2601",
        registrationNumber: null,
        fields: [{ code: "WOMEN_FAMILY" }],
        foundedOn: "2012-05-20",
        phone: "09121234567",
        otherPhones: [],
        address: null,
        membersCount: 12,
        volunteersCount: null,
        status: "INACTIVE",
        scope: "COUNTY",
      },
    ]);
  });

  it("checks without writing on a dry run", async () => {
    const before = await written();
    const report = await importCsv(
      `name,national_id,county_code\nانجمن آزمون اجرای آزمایشی,${nextNationalId()},1903\n`,
      { dryRun: true },
    );
    expect(report).toMatchObject({ ok: true, dryRun: true, rowCount: 1, importedCount: 0, ngoIds: [] });
    expect(await written()).toEqual(before);
  });
});

describe("a file with errors", () => {
  it("is rejected whole with a Persian report per row and cell, and leaves nothing behind", async () => {
    const existingId = nextNationalId();
    await createNgo(h, { name: "انجمن از پیش ثبت‌شده", countyId: "1905", nationalId: existingId });
    const duplicateInFile = nextNationalId();
    const csv = [
      "نام,شناسه ملی,کد شهرستان,حوزه فعالیت,تاریخ تأسیس,تلفن,تعداد اعضا,وضعیت",
      `انجمن درست اول,${nextNationalId()},1901,YOUTH,1390/01/01,09121111111,10,فعال`, // row 2: fine
      `انجمن شناسه نادرست,14905484271,1901,,,,,`, // row 3: checksum
      `انجمن شهرستان ناموجود,${nextNationalId()},9999,,,,,`, // row 4: county
      `انجمن حوزه ناشناخته,${nextNationalId()},1901,فضانوردی,,,,`, // row 5: field
      `انجمن تاریخ نادرست,${nextNationalId()},1901,,1402/12/30,,,`, // row 6: no 30 Esfand in 1402
      `انجمن تکرار شناسه,${duplicateInFile},1902,,,,,`, // row 7
      `انجمن تکرار شناسه دوم,${duplicateInFile},1902,,,,,`, // row 8: duplicate national id in the file
      `انجمن حمایت از سالمندان,${nextNationalId()},1903,,,,,`, // row 9
      `انجمن حمايت از سالمندان,${nextNationalId()},1903,,,,,`, // row 10: same normalised name, same county, in the file
      `انجمن شناسه موجود,${existingId},1904,,,,,`, // row 11: national id already registered
      `انجمن از پیش ثبت شده,${nextNationalId()},1905,,,,,`, // row 12: name already registered in the county
      `انجمن اعداد نادرست,${nextNationalId()},1906,,,0912,-5,نیمه‌فعال`, // row 13: phone, members, status
      `,${nextNationalId()},1906,,,,,`, // row 14: no name
      `انجمن تاریخ آینده,${nextNationalId()},1906,,1499/01/01,,,`, // row 15: founded in the future
    ].join("\n");
    const before = await written();
    const report = await importCsv(csv);
    expect(report.ok).toBe(false);
    expect(report.importedCount).toBe(0);
    expect(report.ngoIds).toEqual([]);
    expect(await written()).toEqual(before);

    const found = report.problems.map((p) => `${p.row}:${p.field}`);
    expect(found.sort()).toEqual(
      [
        "3:nationalId",
        "4:countyId",
        "5:fieldIds",
        "6:foundedOn",
        "8:nationalId",
        "10:name",
        "11:nationalId",
        "12:name",
        "13:phone",
        "13:membersCount",
        "13:status",
        "14:name",
        "15:foundedOn",
      ].sort(),
    );
    expect(report.problemCount).toBe(report.problems.length);
    for (const problem of report.problems) expect(problem.message).toMatch(/[\u0600-\u06FF]/);
    const byKey = Object.fromEntries(report.problems.map((p) => [`${p.row}:${p.field}`, p]));
    expect(byKey["4:countyId"]).toMatchObject({ column: "کد شهرستان", value: "9999" });
    expect(byKey["5:fieldIds"].message).toContain("فضانوردی");
    expect(byKey["8:nationalId"].message).toContain("ردیف ۷");
    expect(byKey["10:name"].message).toContain("ردیف ۹");
    expect(byKey["11:nationalId"].message).toContain("پیش‌تر");
    expect(byKey["13:status"]).toMatchObject({ column: "وضعیت", value: "نیمه‌فعال" });
    expect(report.problems.map((p) => p.row)).toEqual([...report.problems.map((p) => p.row)].sort((a, b) => a - b));
  });

  it.each([
    ["no name column", `شناسه ملی,کد شهرستان\n${nextNationalId()},1901\n`, ["1:name"]],
    ["no rows", "نام,شناسه ملی,کد شهرستان\n", ["1:file"]],
    ["an empty file", "", ["1:name", "1:nationalId", "1:countyId", "1:file"]],
    ["a column twice", `نام,name,شناسه ملی,کد شهرستان\nالف,ب,${nextNationalId()},1901\n`, ["1:name"]],
    ["an unclosed quote", `نام,شناسه ملی,کد شهرستان\n"انجمن,${nextNationalId()},1901\n`, ["2:file"]],
    [
      "more cells than headers",
      `نام,شناسه ملی,کد شهرستان\nانجمن آزمون سلول اضافه,${nextNationalId()},1901,اضافه\n`,
      ["2:file"],
    ],
  ])("reports %s", async (_label, csv, expected) => {
    const before = await written();
    const report = await importCsv(csv);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => `${p.row}:${p.field}`).sort()).toEqual([...expected].sort());
    expect(await written()).toEqual(before);
  });

  it("lets an officer import only into its territory", async () => {
    const county = await h.as({ role: Role.COUNTY_OFFICER, provinceId: "19", countyId: "1901" });
    const before = await written();
    const mixed = await importCsv(
      `name,national_id,county_code\nانجمن آزمون قلمرو یک,${nextNationalId()},1901\nانجمن آزمون قلمرو دو,${nextNationalId()},1902\n`,
      { as: county },
    );
    expect(mixed.ok).toBe(false);
    expect(mixed.problems).toEqual([expect.objectContaining({ row: 3, field: "countyId", value: "1902" })]);
    expect(mixed.problems[0].message).toContain("قلمرو");
    expect(await written()).toEqual(before);
    const own = await importCsv(`name,national_id,county_code\nانجمن آزمون قلمرو یک,${nextNationalId()},1901\n`, {
      as: county,
    });
    expect(own).toMatchObject({ ok: true, importedCount: 1 });
    const audit = await h.superQuery(
      `SELECT actor_role FROM identity.audit_entry WHERE action = 'importNgos' AND entity_id = $1`,
      [own.ngoIds[0]],
    );
    expect(audit).toEqual([{ actor_role: "COUNTY_OFFICER" }]);
    const analyst = await h.as({ role: Role.ANALYST });
    const refused = await analyst(IMPORT, { csv: "name,national_id,county_code\n" });
    expect(errorOf(refused)?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("5,000 rows", () => {
  const ZANJAN = ["1901", "1902", "1903", "1904", "1905", "1906", "1907", "1908"];
  const rows = syntheticNgoRows(5000, ZANJAN, "15");
  const csv = toNgoCsv(rows);

  it("imports 5,000 rows in one transaction, all present", async () => {
    const before = await written();
    const started = performance.now();
    const report = await importCsv(csv);
    const elapsed = performance.now() - started;
    console.log(
      `importNgos: 5000 rows (${(csv.length / 1024).toFixed(0)} KiB) in ${elapsed.toFixed(0)} ms (server ${report.durationMs} ms)`,
    );
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, rowCount: 5000, importedCount: 5000 });
    expect(await written()).toEqual({
      ngos: before.ngos + 5000,
      fields: before.fields + 5000,
      audit: before.audit + 5000,
    });
    const present = await h.db.query(`SELECT count(*) FROM ngo WHERE national_id = ANY($1)`, [
      rows.map((r) => r.national_id),
    ]);
    expect(Number(present[0].count)).toBe(5000);
    const sample = await h.db.query(`SELECT name, county_id, status FROM ngo WHERE national_id = $1`, [
      rows[4999].national_id,
    ]);
    expect(sample).toEqual([{ name: rows[4999].name, county_id: rows[4999].county_code, status: rows[4999].status }]);
  }, 60_000);

  it("rejects the same 5,000 rows again, reporting every duplicate and writing nothing", async () => {
    const before = await written();
    const report = await importCsv(csv);
    expect(report.ok).toBe(false);
    expect(report.problemCount).toBe(10_000); // national id and name, per row
    expect(report.problems).toHaveLength(1000);
    expect(await written()).toEqual(before);
  }, 60_000);
});

describe("the row limit", () => {
  it("fits a file of MAX_IMPORT_ROWS typical rows inside one request body", () => {
    const csv = toNgoCsv(syntheticNgoRows(MAX_IMPORT_ROWS, ["1901"], "16"));
    const body = JSON.stringify({ query: IMPORT, variables: { csv, dryRun: true } });
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_GRAPHQL_BODY_BYTES);
  });

  it("rejects a file of MAX_IMPORT_ROWS + 1 rows with a Persian message to split it, writing nothing", async () => {
    const lines = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `انجمن ${i},${i},1901`);
    const csv = ["نام,شناسه ملی,کد شهرستان", ...lines].join("\n");
    const before = await written();
    const report = await importCsv(csv);
    expect(report).toMatchObject({ ok: false, importedCount: 0, rowCount: MAX_IMPORT_ROWS + 1 });
    expect(report.problems).toEqual([
      expect.objectContaining({
        row: 1,
        field: "file",
        message: "حداکثر ۱۰٬۰۰۰ ردیف در یک فایل مجاز است؛ فایل را چند بخش کنید.",
      }),
    ]);
    expect(await written()).toEqual(before);
  });
});

describe("SQL statements per import (issue 13, S7)", () => {
  // Isfahan's counties and id prefixes no other test here uses, so the files neither meet each other nor the rest.
  const file = (rows: number, counties: string[], idPrefix: string) =>
    toNgoCsv(syntheticNgoRows(rows, counties, idPrefix));
  const small = file(10, ["1020"], "18");
  const large = file(500, ["1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010"], "19");
  const counted = (csv: string, dryRun = false) => withStatementCount(() => importCsv(csv, { dryRun }));
  const writes = (statements: readonly string[]) => statements.filter((sql) => /\bINSERT\b/i.test(sql));

  beforeAll(async () => {
    // The reference tables (counties, fields of activity) are read once, then held in memory; fields of activity
    // only once this process hears their change notices.
    expect(await importCsv(file(3, ["1021"], "13"))).toMatchObject({ ok: true, importedCount: 3 });
    expect(await referenceChanges(h.db).ready()).toBe(true);
    expect(await importCsv(file(3, ["1021"], "13"), { dryRun: true })).toMatchObject({ ok: false });
  });

  it("are as many for 500 rows as for 10, on a dry run and on an import (one lookup, one write)", async () => {
    const dry = [await counted(small, true), await counted(large, true)];
    expect(dry.map((d) => d.result)).toMatchObject([
      { ok: true, rowCount: 10 },
      { ok: true, rowCount: 500 },
    ]);
    expect(dry[1].count).toBe(dry[0].count);
    expect(dry.flatMap((d) => writes(d.statements))).toEqual([]);

    const before = await written();
    const done = [await counted(small), await counted(large)];
    expect(done.map((d) => d.result)).toMatchObject([
      { ok: true, importedCount: 10 },
      { ok: true, importedCount: 500 },
    ]);
    expect(done[1].count).toBe(done[0].count);
    expect(done[0].count).toBeLessThanOrEqual(2);
    expect(done.map((d) => writes(d.statements).length)).toEqual([1, 1]);
    expect(await written()).toEqual({
      ngos: before.ngos + 510,
      fields: before.fields + 510,
      audit: before.audit + 510,
    });
  });

  it("are as many for 500 rejected rows as for 10, and nothing is written", async () => {
    const before = await written();
    const rejected = [await counted(small), await counted(large)];
    expect(rejected.map((d) => [d.result.ok, d.result.problemCount])).toEqual([
      [false, 20],
      [false, 1000],
    ]);
    expect(rejected[1].count).toBe(rejected[0].count);
    expect(rejected.flatMap((d) => writes(d.statements))).toEqual([]);
    expect(await written()).toEqual(before);
  });
});

describe("two imports of one file at once", () => {
  it("import it once: the other is told of the duplicates, or refused by the unique indexes, and writes nothing", async () => {
    const csv = toNgoCsv(syntheticNgoRows(50, ["1011", "1012"], "12"));
    const before = await written();
    const answers = await Promise.all([1, 2].map(() => h.admin(IMPORT, { csv, dryRun: false })));
    const reports = answers.filter((a) => !a.errors).map((a) => a.data!.importNgos as Report);
    expect(reports.filter((r) => r.ok)).toEqual([expect.objectContaining({ importedCount: 50 })]);
    const other = answers.find((a) => a.errors || !a.data!.importNgos.ok)!;
    if (other.errors) {
      // Both passed the check before either wrote: the write of one statement failed whole on a unique index.
      expect(errorOf(other)?.extensions?.code).toBe("CONFLICT");
      expect(errorOf(other)?.message).toMatch(/[\u0600-\u06FF]/);
    } else expect(other.data!.importNgos).toMatchObject({ ok: false, importedCount: 0, problemCount: 100 });
    expect(await written()).toEqual({ ngos: before.ngos + 50, fields: before.fields + 50, audit: before.audit + 50 });
  });
});

function toPersian(digits: string): string {
  return digits.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);
}
