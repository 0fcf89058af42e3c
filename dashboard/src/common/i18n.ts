import polyglotI18nProvider from "ra-i18n-polyglot";
import farsiMessages from "ra-language-farsi";
import type { I18nProvider, TranslationMessages } from "react-admin";
import { engagementResources } from "../engagement/messages";
import { commonMessages } from "../messages/common";
import { engagementMessages } from "../messages/engagement";
import { evaluationMessages } from "../messages/evaluation";
import { registryMessages } from "../messages/registry";
import { domainMessages } from "./messages";
import { toPersianDigits } from "./persianDigits";

export const LOCALE = "fa";

type Messages = { [key: string]: string | Messages };

/** The messages merged key by key (a later file adds keys to an earlier file's groups). */
export function mergeMessages(...parts: object[]): Messages {
  const merged: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const current = merged[key];
      merged[key] =
        typeof value === "object" && value !== null && typeof current === "object"
          ? mergeMessages(current, value)
          : (value as string | Messages);
    }
  }
  return merged;
}

// The engagement and evaluation resources keep their labels in engagement/messages.ts; the screens' texts are in
// common/messages.ts and messages/<feature>.ts.
const messages = mergeMessages(
  farsiMessages,
  domainMessages,
  { resources: engagementResources },
  commonMessages,
  evaluationMessages,
  engagementMessages,
  registryMessages,
);

function withPersianDigits(provider: I18nProvider): I18nProvider {
  return { ...provider, translate: (key, options) => toPersianDigits(provider.translate(key, options)) };
}

export const i18nProvider = withPersianDigits(
  polyglotI18nProvider(() => messages as TranslationMessages, LOCALE, [{ locale: LOCALE, name: "فارسی" }], {
    allowMissing: true,
  }),
);
