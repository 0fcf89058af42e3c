import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";

/**
 * Dependencies are declared where they are used: every package a workspace's production source imports is in
 * that workspace's `dependencies` (dev tools under infra/src may use `devDependencies`), and every declared
 * package is imported somewhere in the workspace or is a peer another declared package needs.
 */
const ROOT = join(__dirname, "..", "..");
const WORKSPACES: string[] = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).workspaces;

/**
 * Declared without a static import, each for a reason: `@emotion/styled` is a peer of `@mui/material`; the bench runs Hive Gateway's binary by path; the manifest validator imports
 * `kubernetes-models/<group>/<version>` from a computed name.
 */
const NOT_IMPORTED: Record<string, string[]> = {
  dashboard: ["@emotion/styled"],
  // The report font's files are read by path (require.resolve of a .woff2), not imported.
  gateway: ["@fontsource/vazirmatn"],
  infra: ["@graphql-hive/gateway", "kubernetes-models"],
};
/** Workspaces whose production source is development tooling (bench, fuzz, manifests' validation). */
const DEV_TOOLING = new Set(["infra"]);

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "dist", ".data"].includes(entry.name) ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const isTestFile = (file: string) =>
  /[\\/](test|e2e)[\\/]/.test(file) || /vite(\.[a-z]+)?\.config|eslint\.config/.test(file);

function packagesImportedBy(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const names = new Set<string>();
  for (const match of source.matchAll(
    /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^import\s+)["']([^"'./][^"']*)["']/gm,
  )) {
    const specifier = match[1];
    if (specifier.startsWith("node:")) continue;
    const parts = specifier.split("/");
    const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    if (!builtinModules.includes(name)) names.add(name);
  }
  return [...names];
}

describe.each(WORKSPACES)("workspace %s", (workspace) => {
  const manifest: Manifest = JSON.parse(readFileSync(join(ROOT, workspace, "package.json"), "utf8"));
  const name = workspace.split("/").pop()!;
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const devDependencies = Object.keys(manifest.devDependencies ?? {});
  const files = sourceFiles(join(ROOT, workspace));
  const production = new Set(files.filter((file) => !isTestFile(file)).flatMap(packagesImportedBy));
  const everywhere = new Set(files.flatMap(packagesImportedBy));

  it("declares every package its production source imports", () => {
    const allowed = new Set([...dependencies, ...(DEV_TOOLING.has(name) ? devDependencies : [])]);
    expect([...production].filter((pkg) => !allowed.has(pkg)).sort()).toEqual([]);
  });

  it("imports every package it declares", () => {
    const exempt = new Set(NOT_IMPORTED[name] ?? []);
    const declared = [...dependencies, ...devDependencies].filter((pkg) => !pkg.startsWith("@types/"));
    expect(declared.filter((pkg) => !everywhere.has(pkg) && !exempt.has(pkg)).sort()).toEqual([]);
  });
});
