import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { appMessages, mergeMessages, type Messages } from "../src/messages";

const SRC = join(__dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

function lookup(messages: Messages, key: string): string | Messages | undefined {
  return key
    .split(".")
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      messages,
    );
}

// auth/session.ts names its localStorage entries hamafza.token, hamafza.user …: storage keys, not messages.
const STORAGE_KEYS_FILE = join("auth", "session.ts");
const files = sourceFiles(SRC)
  .filter((file) => relative(SRC, file) !== STORAGE_KEYS_FILE)
  .map((file) => ({ name: relative(SRC, file), text: readFileSync(file, "utf8") }));

describe("translation keys", () => {
  it("resolves every hamafza.* key the dashboard's code names to a message", () => {
    const keys = files.flatMap((file) =>
      [...file.text.matchAll(/["`](hamafza\.[A-Za-z0-9_.]+)["`]/g)].map((match) => ({
        file: file.name,
        key: match[1],
      })),
    );
    expect(keys.length).toBeGreaterThan(300);
    const missing = keys.filter(({ key }) => typeof lookup(appMessages, key) !== "string");
    expect(missing.map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  it("resolves the groups of keys built at run time (`hamafza.group.${value}`)", () => {
    const groups = files.flatMap((file) =>
      [...file.text.matchAll(/`(hamafza\.[A-Za-z0-9_.]+)\.\$\{/g)].map((match) => match[1]),
    );
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(typeof lookup(appMessages, group)).toBe("object");
  });

  it("merges message files key by key, a later file adding to an earlier file's groups", () => {
    expect(mergeMessages({ a: { b: "1", c: "2" } }, { a: { d: "3" } }, { a: { c: "4" } })).toEqual({
      a: { b: "1", c: "4", d: "3" },
    });
  });
});
