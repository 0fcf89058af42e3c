import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/**
 * UI text lives in the messages files (react-admin i18n: `dashboard/src/messages/*.ts`, one per feature,
 * merged in messages/index.ts), never inline in a component: a TSX file under
 * dashboard/src whose code (strings, JSX text — not comments) holds Persian letters fails here.
 */
const SRC = join(__dirname, "..", "src");
const PERSIAN_LETTER = /[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsxFiles(join(dir, entry.name)) : entry.name.endsWith(".tsx") ? [join(dir, entry.name)] : [],
  );
}

/** The Persian texts in a file's code: string literals, template parts and JSX text. */
function persianTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
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
  const files = tsxFiles(SRC).map((file) => ({ name: relative(SRC, file), texts: persianTexts(file) }));

  it("finds the dashboard's TSX files", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("keeps Persian text out of TSX files (it belongs in the messages files)", () => {
    const inline = files.filter((file) => file.texts.length > 0);
    expect(inline.map((file) => `${file.name}: ${file.texts.slice(0, 3).join(" | ")}`)).toEqual([]);
  });

  it("recognises Persian letters but not Persian digits or punctuation", () => {
    expect(PERSIAN_LETTER.test("گزارش")).toBe(true);
    expect(PERSIAN_LETTER.test("۱۴۰۴/۰۵/۱۲ ٪ ، ؛")).toBe(false);
  });
});
