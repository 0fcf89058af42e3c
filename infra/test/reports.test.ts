import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bearer, login, postGraphQL } from "@hamafza/common";
import { chromiumPdfRenderer, PdfUnavailable } from "@hamafza/gateway/dist/reports/pdfRenderer";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Printable reports (GET /reports/<kind>/<id>.pdf): made from the caller's own GraphQL answer (territory applies)
 * and printed by Debian's Chromium. The PDF's text is extracted back and compared with the API's answer: Chromium
 * lays Persian out in visual order with shaped glyphs (Arabic presentation forms), so a logical string appears in
 * the extracted text reversed, after NFKC folds the shaped forms back to letters.
 */
const CHROMIUM = process.env.HAMAFZA_CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  const message = `Chromium is missing at ${CHROMIUM}: the PDF report tests cannot run (apt-get install -y chromium).`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n\n!!! ${message} !!!\n`);
}
const pdfIt = hasChromium ? it : it.skip;

let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
let county: string;
let admin: string;

beforeAll(async () => {
  prepared = await prepareTestDatabase("reports", { demo: true });
  stack = await startInProcessStack(prepared);
  county = await login(stack.baseUrl, "demo.county", DEMO_PASSWORD);
  admin = await login(stack.baseUrl, "demo.admin", DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await postGraphQL(`${stack.baseUrl}/graphql`, query, variables, bearer(token));
  expect(answer.errors).toBeUndefined();
  return answer.data as T;
}

const report = (token: string | null, path: string) =>
  fetch(`${stack.baseUrl}/reports/${path}`, { headers: token ? bearer(token) : {} });

/**
 * The PDF's text layer, extracted by pdf.js (`pdf-parse`) in a child Node process: pdf.js loads its worker with a
 * dynamic import, which Jest's module sandbox does not allow.
 */
async function pdfText(response: Response): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "hamafza-report-")), "report.pdf");
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  const script = `(async () => {
    const { PDFParse } = require("pdf-parse");
    const parser = new PDFParse({ data: new Uint8Array(require("fs").readFileSync(process.argv[1])) });
    process.stdout.write((await parser.getText()).text);
    await parser.destroy();
  })()`;
  return execFileSync(process.execPath, ["-e", script, "--", file], { cwd: __dirname, encoding: "utf8" });
}

/** Text as bare letters: shaped forms folded back (NFKC), joiners dropped. */
const letters = (text: string) => text.normalize("NFKC").replace(/[\u200c\u200d]/g, "");
/** Parts of a word between zero-width non-joiners (the PDF may lay them out as separate runs). */
const parts = (word: string) => word.normalize("NFKC").split("\u200c").filter(Boolean);
/** A word's letters in a fixed order: the PDF lays words out right to left in glyph runs, so compare letter sets. */
const key = (word: string) => [...letters(word)].sort().join("");
/** Persian words (letters only: digits, Latin and brackets keep their own direction in the layout). */
const persianWords = (text: string) =>
  text
    .normalize("NFKC")
    .split(/[\s،:()]+/)
    .filter((word) => /^[\u0600-\u06ff\u200c]{2,}$/.test(word));
/** The words of the extracted text, by their letters (each word, its parts, and each pair of neighbours). */
function wordsOf(raw: string): Set<string> {
  const keys = new Set<string>();
  for (const line of raw.split("\n")) {
    const words = persianWords(line);
    words.forEach((word, i) => {
      for (const part of [word, ...parts(word)]) keys.add(key(part));
      // pdf.js may split a word where Chromium began a new glyph run (at a non-joiner): pairs count too.
      if (i + 1 < words.length) keys.add(key(word + words[i + 1]));
    });
  }
  return keys;
}
/** Every word of `phrase` is a word of the PDF (whole, or each of its parts between non-joiners). */
function expectWords(pdfWords: Set<string>, phrase: string) {
  for (const word of persianWords(phrase)) {
    const found = pdfWords.has(key(word)) || parts(word).every((part) => pdfWords.has(key(part)));
    expect([word, found]).toEqual([word, true]);
  }
}

interface ReportMeeting {
  id: string;
  title: string;
  attendance: Array<{ ngo: { name: string } | null }>;
  resolutions: Array<{ text: string }>;
}

async function heldMeetingOfCounty(): Promise<ReportMeeting> {
  const data = await gql<{ meetings: { items: ReportMeeting[] } }>(
    county,
    `{ meetings(filter: { status: HELD }, limit: 50, sort: { field: "scheduledAt", order: DESC }) {
        items { id title attendance { ngo { name } } resolutions { text } } } }`,
  );
  const meeting = data.meetings.items.find((m) => m.attendance.length > 0 && m.resolutions.length > 0);
  if (!meeting) throw new Error("the demo data has no held meeting with attendance and resolutions in the county");
  return meeting;
}

describe("meeting minutes", () => {
  pdfIt("prints the meeting's title, attending NGOs and resolutions in shaped Persian", async () => {
    const meeting = await heldMeetingOfCounty();
    const response = await report(county, `meetings/${meeting.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const raw = await pdfText(response);
    // Shaped: contextual forms (U+FE70–U+FEFF) in the text layer, not bare letters.
    expect(raw).toMatch(/[\ufe70-\ufeff]/);
    const words = wordsOf(raw);
    expectWords(words, "صورت‌جلسه حاضران مصوبات");
    expectWords(words, meeting.title);
    for (const row of meeting.attendance) if (row.ngo) expectWords(words, row.ngo.name);
    for (const row of meeting.resolutions) expectWords(words, row.text);
    // The check can fail: a word that is not in the meeting is not in its PDF.
    expect(words.has(key("زیردریایی"))).toBe(false);
  });

  it("gives the same page as HTML, with everything escaped", async () => {
    const meeting = await heldMeetingOfCounty();
    const response = await report(county, `meetings/${meeting.id}.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("@font-face");
    const escaped = meeting.title.replace(/&/g, "&#38;").replace(/</g, "&#60;").replace(/>/g, "&#62;");
    expect(html).toContain(escaped);
    expect(html).not.toMatch(/<script/i);
  });

  it("refuses a meeting outside the caller's territory like one that does not exist", async () => {
    const elsewhere = await gql<{ meetings: { items: Array<{ id: string }> } }>(
      admin,
      `{ meetings(filter: { provinceId: "04" }, limit: 1) { items { id } } }`,
    );
    const id = elsewhere.meetings.items[0]!.id;
    const response = await report(county, `meetings/${id}.pdf`);
    expect([403, 404]).toContain(response.status);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(body.errors[0]!.extensions.code);
    expect(body.errors[0]!.message).toMatch(/[\u0600-\u06ff]/);
  });
});

describe("quarterly county report and scorecard", () => {
  pdfIt("prints the county's quarter with its meetings", async () => {
    const data = await gql<{ meetings: { totalCount: number; items: Array<{ countyId: string }> } }>(
      county,
      `{ meetings(filter: { jalaliYear: 1404, jalaliQuarter: 1 }, limit: 1) { totalCount items { countyId } } }`,
    );
    const countyId = data.meetings.items[0]?.countyId ?? "1901";
    const response = await report(county, `counties/${countyId}.pdf?year=1404&quarter=1`);
    expect(response.status).toBe(200);
    const words = wordsOf(await pdfText(response));
    expectWords(words, "گزارش فصلی تعامل با سمن‌ها جلسات فصل مصوبات معوق");
  });

  pdfIt("prints a manager's scorecard with every indicator", async () => {
    const data = await gql<{
      evaluationResults: { items: Array<{ id: string; indicators: Array<{ title: string }> }> };
    }>(admin, `{ evaluationResults(filter: { year: 1404 }, limit: 1) { items { id indicators { title } } } }`);
    const result = data.evaluationResults.items[0];
    if (!result) throw new Error("the demo data has no evaluation result");
    const response = await report(admin, `evaluation-results/${result.id}.pdf`);
    expect(response.status).toBe(200);
    const words = wordsOf(await pdfText(response));
    expectWords(words, "کارنامه ارزیابی تعدیل‌ها");
    for (const indicator of result.indicators) expectWords(words, indicator.title);
  });

  it("refuses a quarter out of range, an unknown report and a caller who is not signed in", async () => {
    const badQuarter = await report(county, "counties/1901.pdf?year=1404&quarter=5");
    expect(badQuarter.status).toBe(400);
    expect(((await badQuarter.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const badYear = await report(county, "counties/1901.pdf?year=99&quarter=1");
    expect(badYear.status).toBe(400);
    const unknown = await report(county, "payroll/1901.pdf");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
    const anonymous = await report(null, "counties/1901.pdf?year=1404&quarter=1");
    expect(anonymous.status).toBe(401);
  });
});

describe("the renderer", () => {
  it("says the browser is missing rather than failing obscurely", async () => {
    const renderer = chromiumPdfRenderer("/nonexistent/chromium", 1);
    await expect(renderer.render("<p>x</p>")).rejects.toBeInstanceOf(PdfUnavailable);
    await renderer.close();
  });
});
