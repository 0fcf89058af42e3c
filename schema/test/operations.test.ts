import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { buildSchema, parse, validate } from "graphql";

/**
 * Every GraphQL operation written in the dashboard (template strings starting with query/mutation/fragment) and
 * every upstream operation the services send each other must be valid against the committed supergraph: a renamed
 * field or argument fails here instead of in a user's browser or in an evaluation run.
 */
const ROOT = join(__dirname, "..", "..");
const schema = buildSchema(readFileSync(join(ROOT, "schema", "supergraph.graphql"), "utf8"), { assumeValidSDL: true });

const OPERATION = /^(query|mutation|subscription|fragment)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The operations of one file, with `${NAME}` replaced by the file's own `const NAME = \`…\`` selection strings. */
function operationsOf(file: string): { name: string; text: string }[] {
  const source = readFileSync(file, "utf8");
  const constants = new Map<string, string>();
  const constant =
    /const\s+([A-Z_][A-Z0-9_]*)\s*=\s*(?:\/\*\s*GraphQL\s*\*\/\s*)?(?:`([^`]*)`|'([^'\n]*)'|"([^"\n]*)"|(\d[\d_]*)\b)/g;
  for (const match of source.matchAll(constant))
    constants.set(match[1], match[2] ?? match[3] ?? match[4] ?? match[5].replace(/_/g, ""));
  const found: { name: string; text: string }[] = [];
  for (const match of source.matchAll(/`([^`]*)`/g)) {
    let text = match[1].trim();
    if (!OPERATION.test(text)) continue;
    for (let depth = 0; depth < 5 && text.includes("${"); depth++) {
      text = text.replace(/\$\{\s*([A-Z_][A-Z0-9_]*)\s*\}/g, (whole, name: string) => constants.get(name) ?? whole);
    }
    const line = source.slice(0, match.index).split("\n").length;
    found.push({ name: `${relative(ROOT, file)}:${line}`, text });
  }
  return found;
}

const dashboardOperations = sourceFiles(join(ROOT, "dashboard", "src")).flatMap(operationsOf);
const upstreamOperations = sourceFiles(join(ROOT, "services"))
  .filter((file) => !file.includes(`${join("", "test", "")}`))
  .flatMap(operationsOf);

// Upstream operations assembled at run time from aliases (one per agency or licence batch): their pieces are checked
// through the fixed operations of the same file and the evaluation service's integration tests.
const isAssembledAtRunTime = (text: string) => text.includes("${");

describe("GraphQL operations against the supergraph", () => {
  it("finds the dashboard's operations", () => {
    expect(dashboardOperations.length).toBeGreaterThanOrEqual(29);
  });

  it("keeps the dashboard's operations in per-feature <feature>Operations.ts files", () => {
    const elsewhere = dashboardOperations.filter((op) => !/\/[a-z][A-Za-z]*Operations\.ts:\d+$/.test(op.name));
    expect(elsewhere.map((op) => op.name)).toEqual([]);
  });

  // The dashboard caches answers under the operation's name (react-query keys): one name, one document.
  it("names every dashboard operation once, in PascalCase", () => {
    const names = dashboardOperations
      .filter((op) => !op.text.startsWith("fragment"))
      .map((op) => /^(?:query|mutation|subscription)\s+([A-Za-z0-9_]+)/.exec(op.text)?.[1] ?? `unnamed ${op.name}`);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(names.length).toBe(new Set(names).size);
  });

  it.each(dashboardOperations.map((op) => [op.name, op.text]))("dashboard %s is valid", (_name, text) => {
    expect(text).not.toContain("${");
    expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
  });

  const fixedUpstream = upstreamOperations.filter((op) => !isAssembledAtRunTime(op.text));
  it("finds the services' upstream operations", () => {
    expect(fixedUpstream.length).toBeGreaterThan(0);
  });

  it.each(fixedUpstream.map((op) => [op.name, op.text]))("upstream %s is valid", (_name, text) => {
    expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
  });
});
