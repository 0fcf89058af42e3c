import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { bearer, login, postGraphQL, toJalali, toPersianDigits, withClient } from "@hamafza/common";
import { countStatements } from "@hamafza/common/testing";
import { csvField } from "@hamafza/gateway/dist/export/exportWriters";
import { toCell } from "@hamafza/gateway/dist/export/exportCells";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Exports (POST /export): a paged list written as CSV (UTF-8 with BOM) or XLSX with the caller's territory,
 * Persian headers and labels, Jalali dates and Tehran times — parsed back and compared with the API's answer.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let admin: string;
let county: string;

beforeAll(async () => {
  prepared = await prepareTestDatabase("exports", { demo: true });
  stack = await startInProcessStack(prepared);
  admin = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
  county = await login(stack.baseUrl, "demo.county", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const STATUS_LABELS = { ACTIVE: "فعال", INACTIVE: "غیرفعال", DISSOLVED: "منحل" };
const NGO_COLUMNS = [
  { field: "name", header: "نام سمن" },
  { field: "nationalId", header: "شناسه ملی" },
  { field: "county.name", header: "شهرستان" },
  { field: "status", header: "وضعیت", labels: STATUS_LABELS },
  { field: "foundedOn", header: "تاریخ تأسیس" },
  { field: "createdAt", header: "زمان ثبت" },
  { field: "phones", header: "تلفن‌ها" },
  { field: "membersCount", header: "تعداد اعضا" },
];
const NGO_QUERY = `query ($offset: Int!, $limit: Int!, $filter: NgoFilter) {
  ngos(offset: $offset, limit: $limit, filter: $filter, sort: { field: "name" }) {
    totalCount items { id name nationalId county { name } status foundedOn createdAt phones membersCount }
  }
}`;

interface ApiNgo {
  name: string;
  nationalId: string;
  county: { name: string } | null;
  status: string;
  foundedOn: string | null;
  createdAt: string;
  phones: string[];
  membersCount: number | null;
}

async function exportList(token: string | null, body: unknown): Promise<Response> {
  return fetch(`${stack.baseUrl}/export`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) },
    body: JSON.stringify(body),
  });
}

async function allNgos(token: string, filter: Record<string, unknown> = {}): Promise<ApiNgo[]> {
  const items: ApiNgo[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await postGraphQL(
      `${stack.baseUrl}/graphql`,
      NGO_QUERY,
      { offset, limit: 200, filter },
      bearer(token),
    );
    expect(page.errors).toBeUndefined();
    items.push(...page.data!.ngos.items);
    if (offset + 200 >= page.data!.ngos.totalCount) return items;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
function expectedDay(iso: string): string {
  const { year, month, day } = toJalali(new Date(`${iso}T12:00:00+03:30`));
  return toPersianDigits(`${year}/${pad(month)}/${pad(day)}`);
}

/** The row the export must write for one NGO, computed from the API's answer independently of the exporter. */
function expectedRow(ngo: ApiNgo): string[] {
  const created = new Date(ngo.createdAt);
  const { year, month, day } = toJalali(created);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Tehran",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(created);
  return [
    ngo.name,
    ngo.nationalId,
    ngo.county?.name ?? "",
    STATUS_LABELS[ngo.status as keyof typeof STATUS_LABELS],
    ngo.foundedOn ? expectedDay(ngo.foundedOn) : "",
    toPersianDigits(`${year}/${pad(month)}/${pad(day)} ${time}`),
    ngo.phones.join("، "),
    ngo.membersCount === null ? "" : String(ngo.membersCount),
  ];
}

describe("CSV", () => {
  it("writes every NGO of the caller's territory with Persian headers, labels and Jalali dates, as the API answers", async () => {
    const response = await exportList(county, {
      list: "ngos",
      args: { sort: { field: "name" } },
      columns: NGO_COLUMNS,
      format: "csv",
      fileName: "سمن‌ها",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("سمن‌ها.csv")}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parseCsv(bytes.toString("utf8").slice(1), { relax_column_count: false });
    expect(rows[0]).toEqual(NGO_COLUMNS.map((column) => column.header));

    const api = await allNgos(county);
    const all = await allNgos(admin);
    expect(api.length).toBeGreaterThan(0);
    expect(api.length).toBeLessThan(all.length); // the county officer sees only their county
    expect(response.headers.get("x-total-count")).toBe(String(api.length));
    expect(rows.slice(1)).toEqual(api.map(expectedRow));
  });

  it("passes the list's own arguments (a filter) through", async () => {
    const [first] = await allNgos(admin);
    const response = await exportList(admin, {
      list: "ngos",
      args: { filter: { ids: [(first as unknown as { id: string }).id] } },
      columns: [{ field: "name" }],
      format: "csv",
    });
    const rows: string[][] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows).toEqual([["name"], [first.name]]);
  });

  it("writes an analytics query (a plain list, read in one answer) with its arguments, as the API answers", async () => {
    const response = await exportList(admin, {
      list: "ngoCounts",
      args: { groupBy: "PROVINCE" },
      columns: [
        { field: "label", header: "استان" },
        { field: "province.id", header: "کد" },
        { field: "count", header: "تعداد سمن" },
      ],
      format: "csv",
    });
    expect(response.status).toBe(200);
    const rows: string[][] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    const api = await postGraphQL(
      `${stack.baseUrl}/graphql`,
      `{ ngoCounts(groupBy: PROVINCE) { label province { id } count } }`,
      {},
      bearer(admin),
    );
    const counts = api.data!.ngoCounts as { label: string; province: { id: string } | null; count: number }[];
    expect(counts.length).toBeGreaterThan(1);
    expect(response.headers.get("x-total-count")).toBe(String(counts.length));
    expect(rows).toEqual([
      ["استان", "کد", "تعداد سمن"],
      ...counts.map((row) => [row.label, row.province?.id ?? "", String(row.count)]),
    ]);
    // A required argument of an analytics query is asked for in Persian, before the first byte.
    const missing = await exportList(admin, { list: "ngoCounts", columns: [{ field: "label" }], format: "csv" });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/ورودی «groupBy»/);
  });

  it("defuses text a spreadsheet would run as a formula, and quotes what needs quoting", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("+98 21")).toBe("'+98 21");
    expect(csvField("-")).toBe("'-");
    expect(csvField(-5)).toBe("-5");
    expect(csvField("انجمن، حمایت")).toBe("انجمن، حمایت");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("خط\nدوم")).toBe('"خط\nدوم"');
    expect(csvField(null)).toBe("");
  });

  it("writes cells by type: yes/no, labels or the code, lists, numbers", () => {
    expect(toCell(true, "boolean")).toBe("بله");
    expect(toCell(false, "boolean")).toBe("خیر");
    expect(toCell("EXPIRED", "enum", { ACTIVE: "فعال" })).toBe("EXPIRED");
    expect(toCell(["ACTIVE", "ACTIVE"], "enum", { ACTIVE: "فعال" })).toBe("فعال، فعال");
    expect(toCell("2025-03-21", "date")).toBe("۱۴۰۴/۰۱/۰۱");
    expect(toCell("2025-03-20T20:30:00.000Z", "dateTime")).toBe("۱۴۰۴/۰۱/۰۱ ۰۰:۰۰");
    expect(toCell(12, "number")).toBe(12);
    expect(toCell([], "text")).toBeNull();
  });
});

describe("XLSX", () => {
  it("writes the same rows in a right-to-left sheet, numbers as numbers", async () => {
    const response = await exportList(admin, { list: "ngos", args: {}, columns: NGO_COLUMNS, format: "xlsx" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(NGO_COLUMNS.map((column) => column.header));
    const api = await allNgos(admin, {});
    // The export's order is the list's natural order; compare as sets of rows.
    const normalise = (row: unknown[]) =>
      Array.from({ length: NGO_COLUMNS.length }, (_, i) =>
        row[i] === undefined || row[i] === null ? "" : String(row[i]),
      );
    expect(rows.slice(1).map(normalise).sort()).toEqual(api.map(expectedRow).sort());
    const members = rows
      .slice(1)
      .map((row) => row[7])
      .filter((value) => value !== undefined && value !== null);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((value) => typeof value === "number")).toBe(true);
  });
});

describe("refusals, before the first byte", () => {
  const refusal = async (token: string | null, body: unknown) => {
    const response = await exportList(token, body);
    const json = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    return { status: response.status, code: json.errors[0].extensions.code, message: json.errors[0].message };
  };
  const base = { list: "ngos", columns: [{ field: "name" }], format: "csv" };

  it.each([
    ["an unknown list", { ...base, list: "nothing" }, /فهرستی به نام «nothing»/],
    ["a field that is not a list", { ...base, list: "ngo" }, /فهرستی به نام «ngo»/],
    ["an unknown column", { ...base, columns: [{ field: "nope" }] }, /ستون «nope»/],
    ["a column that is an object", { ...base, columns: [{ field: "county" }] }, /county\.name/],
    ["a column through a list", { ...base, columns: [{ field: "licences.number" }] }, /از یک فهرست/],
    ["an argument the list does not take", { ...base, args: { year: 1404 } }, /ورودی «year»/],
    ["no columns", { ...base, columns: [] }, /دست‌کم یک ستون/],
    ["an unknown format", { ...base, format: "pdf" }, /csv یا xlsx/],
    ["an unknown key", { ...base, extra: 1 }, /extra/],
    ["a control character in a filter", { ...base, args: { filter: { q: "a\u0000b" } } }, /.+/],
  ])("%s → 400 BAD_USER_INPUT with a Persian message", async (_name, body, message) => {
    const answer = await refusal(admin, body);
    expect(answer).toMatchObject({ status: 400, code: "BAD_USER_INPUT" });
    expect(answer.message).toMatch(message);
    expect(answer.message).toMatch(/[\u0600-\u06FF]/);
  });

  it("a filter of the wrong shape is refused as the API refuses it", async () => {
    const answer = await refusal(admin, { ...base, args: { filter: { nonsense: true } } });
    expect(answer.status).toBe(400);
    expect(answer.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it("without a sign-in → 401", async () => {
    expect(await refusal(null, base)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("a list the role may not read → 403", async () => {
    expect(await refusal(county, { ...base, list: "users", columns: [{ field: "username" }] })).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
  });
});

describe("a large list", () => {
  const ROWS = 100_000;

  beforeAll(async () => {
    await withClient(prepared.adminUrl, (client) =>
      client.query(
        `INSERT INTO registry.ngo (id, name, name_normalized, national_id, registration_number, county_id, province_id, status, founded_on, scope)
         SELECT md5('bulk:' || k)::uuid, 'انجمن انبوه ' || k, 'انجمنانبوه' || k, '9' || lpad(k::text, 10, '0'), 'B-' || k, c.id, c.province_id,
                'ACTIVE', DATE '2010-01-01' + k % 4000, 'COUNTY'
           FROM generate_series(1, $1::int) AS k CROSS JOIN LATERAL (SELECT id, province_id FROM registry.county ORDER BY id LIMIT 1) c`,
        [ROWS],
      ),
    );
  }, 120_000);

  it("streams 100,000 rows: the first bytes arrive long before the last page is read", async () => {
    const counter = countStatements();
    try {
      const response = await exportList(admin, {
        list: "ngos",
        args: {},
        columns: [{ field: "name" }, { field: "county.name" }, { field: "foundedOn" }],
        format: "csv",
      });
      expect(response.status).toBe(200);
      const pageStatements = () => counter.statements.filter((text) => /FROM "?registry"?\."?ngo"?/i.test(text)).length;
      const reader = response.body!.getReader();
      let chunks = 0;
      let atFirstChunk = -1;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (chunks++ === 0) atFirstChunk = pageStatements();
        for (const byte of value) if (byte === 0x0a) lines++;
      }
      expect(lines).toBe(Number(response.headers.get("x-total-count")) + 1);
      expect(lines).toBeGreaterThan(ROWS);
      const atEnd = pageStatements();
      expect(atEnd).toBeGreaterThanOrEqual(ROWS / 200);
      expect(atFirstChunk).toBeLessThan(atEnd / 10);
    } finally {
      counter.stop();
    }
  }, 300_000);
});
