import { describe, expect, it } from "@jest/globals";
import farsiMessages from "ra-language-farsi";
import { i18nProvider, loadScreenMessages } from "../src/common/i18n";
import { toPersianDigits } from "../src/common/persianDigits";
import { screenMessages } from "../src/messages/screens";
import { shellMessages } from "../src/messages/shell";

/** Every leaf of a message tree as [key, text]. */
function leaves(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]: [string, unknown]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : typeof value === "object" && value !== null
        ? leaves(value, `${prefix}${key}.`)
        : [],
  );
}

/** Texts polyglot shows as written when translated without options (no %{…} to fill, no plural forms). */
const plain = ([, text]: [string, string]) => !/%\{|\|\|\|\|/.test(text);
const shell = leaves(shellMessages).filter(plain);
const firstLoadKeys = new Set([...leaves(shellMessages), ...leaves(farsiMessages)].map(([key]) => key));
/** Keys only the screens' messages hold: the menu's resource names, the registry's labels, the enums' … */
const screenOnly = leaves(screenMessages)
  .filter(plain)
  .filter(([key]) => !firstLoadKeys.has(key));
/** react-admin's texts the screens word their own way (lists.ts): react-admin's until the screens' arrive. */
const screenOverrides = leaves(screenMessages).filter(([key]) => key.startsWith("ra."));
const mistranslated = (entries: [string, string][]) =>
  entries.filter(([key, text]) => i18nProvider.translate(key) !== toPersianDigits(text)).map(([key]) => key);

describe("i18nProvider: the first load's messages, then the screens'", () => {
  it("translates the sign-in page, the shared texts and react-admin's own before the screens' messages arrive", () => {
    expect(shell.length).toBeGreaterThan(100);
    expect(mistranslated(shell)).toEqual([]);
    expect(i18nProvider.translate("ra.auth.sign_in")).toBe(farsiMessages.ra.auth.sign_in);
  });

  it("does not hold the screens' messages before they are fetched (a missing key shows as itself, digits in Persian)", () => {
    expect(screenOnly.length).toBeGreaterThan(500);
    const translated = screenOnly.filter(([key]) => i18nProvider.translate(key) !== toPersianDigits(key));
    expect(translated.map(([key]) => key)).toEqual([]);
  });

  it("translates every screen's text once loadScreenMessages has fetched them, keeping the first load's", async () => {
    const loading = loadScreenMessages();
    expect(loadScreenMessages()).toBe(loading); // fetched once for every page
    await loading;
    expect(mistranslated(screenOnly)).toEqual([]);
    expect(screenOverrides.length).toBeGreaterThan(0);
    expect(mistranslated(screenOverrides)).toEqual([]);
    expect(mistranslated(shell)).toEqual([]);
    // The audit entries' record representation (audit/index.tsx): by key, the action's name when unknown.
    expect(i18nProvider.translate("hamafza.enums.auditAction.LOGIN", { _: "LOGIN" })).toBe("ورود به سامانه");
    expect(i18nProvider.translate("hamafza.enums.auditAction.someMutation", { _: "someMutation" })).toBe(
      "someMutation",
    );
  });
});
