import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/**
 * UI text lives in the messages files (react-admin i18n: `dashboard/src/messages/*.ts`, one per feature,
 * merged in messages/index.ts), never inline in code: a TS or TSX file under dashboard/src (outside messages/)
 * whose code (strings, JSX text — not comments) holds Persian letters fails here, unless ALLOWED names it.
 */
const SRC = join(__dirname, "..", "src");
const MESSAGES = "messages";
const PERSIAN_LETTER = /[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]/;

/** The only files outside messages/ whose code may hold Persian letters, each with the reason. */
const ALLOWED: Record<string, string> = {
  [join("ngos", "importColumns.ts")]:
    "CSV column headers of the NGO import: a data format shared with services/registry's importer, not UI text",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The Persian texts in a file's code: string literals, template parts and JSX text. */
function persianTexts(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (PERSIAN_LETTER.test(node.text)) found.push(node.text.trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("Persian UI text", () => {
  const files = sourceFiles(SRC)
    .map((file) => relative(SRC, file))
    .filter((name) => name.split(/[\\/]/)[0] !== MESSAGES)
    .map((name) => ({ name, texts: persianTexts(join(SRC, name)) }));

  it("finds the dashboard's TS and TSX files", () => {
    expect(files.filter((file) => file.name.endsWith(".tsx")).length).toBeGreaterThan(100);
    expect(files.filter((file) => file.name.endsWith(".ts")).length).toBeGreaterThan(50);
  });

  it("keeps Persian text out of TS and TSX files (it belongs in the messages files)", () => {
    const inline = files.filter((file) => file.texts.length > 0 && !(file.name in ALLOWED));
    expect(inline.map((file) => `${file.name}: ${file.texts.slice(0, 3).join(" | ")}`)).toEqual([]);
  });

  it("allows only files that exist and still hold Persian text", () => {
    const stale = Object.keys(ALLOWED).filter((name) => !files.some((file) => file.name === name && file.texts.length));
    expect(stale).toEqual([]);
  });

  it("recognises Persian letters but not Persian digits or punctuation", () => {
    expect(PERSIAN_LETTER.test("گزارش")).toBe(true);
    expect(PERSIAN_LETTER.test("۱۴۰۴/۰۵/۱۲ ٪ ، ؛")).toBe(false);
  });
});
