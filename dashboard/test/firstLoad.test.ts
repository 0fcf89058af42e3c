import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import farsiMessages from "ra-language-farsi";
import { firstLoadAssets } from "../../infra/src/bench/firstLoad";
import { screenMessages } from "../src/messages/screens";
import { shellMessages } from "../src/messages/shell";
import { roleLabels } from "../src/messages/roleLabels";

/**
 * The built dashboard (`npm test` builds it first): what the sign-in page loads must not carry the screens' messages
 * (they come after sign-in, common/i18n.ts), and stays within issue 13's budget of 300 KB over the wire.
 */
const DIST = join(__dirname, "..", "dist");
if (!existsSync(join(DIST, "index.html"))) {
  throw new Error("dashboard/dist is missing: `npm test` builds it first (npm run build:dashboard).");
}
const indexHtml = readFileSync(join(DIST, "index.html"), "utf8");
const firstLoad = firstLoadAssets(indexHtml).map((path) => join(DIST, path));
const allScripts = readdirSync(join(DIST, "assets"))
  .filter((name) => name.endsWith(".js"))
  .map((name) => join(DIST, "assets", name));

function texts(messages: object): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === "string" ? [value] : texts(value)));
}

/** Long texts only the screens' messages hold: a chunk carrying one of them carries that feature's messages. */
const firstLoadTexts = new Set([...texts(shellMessages), ...texts(farsiMessages), ...texts(roleLabels)]);
const markers = [...new Set(texts(screenMessages))].filter((text) => text.length >= 25 && !firstLoadTexts.has(text));

/** Bytes over the wire as the gateway sends them to a browser: the build's `.br` when there is one, else br 4. */
function wireBytes(file: string): number {
  if (existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
  const params = { [constants.BROTLI_PARAM_QUALITY]: 4 };
  return brotliCompressSync(readFileSync(file), { params }).length;
}

describe("the dashboard's first load (built)", () => {
  it("names the entry script and its preloads", () => {
    expect(firstLoad.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
    expect(firstLoad.every((file) => existsSync(file))).toBe(true);
  });

  it("carries none of the screens' messages: they are in a chunk of their own, fetched after sign-in", () => {
    expect(markers.length).toBeGreaterThan(200);
    const carried = (files: string[]) => {
      const code = files.map((file) => readFileSync(file, "utf8")).join("\n");
      return markers.filter((marker) => code.includes(marker));
    };
    expect(carried(allScripts)).toEqual(markers); // the markers are findable in the build
    expect(carried(firstLoad.filter((file) => file.endsWith(".js")))).toEqual([]);
  });

  it("stays within 300 KB over the wire (issue 13)", () => {
    const total = wireBytes(join(DIST, "index.html")) + firstLoad.reduce((sum, file) => sum + wireBytes(file), 0);
    expect(total).toBeLessThanOrEqual(300_000);
  });
});
