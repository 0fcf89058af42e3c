import polyglotI18nProvider from "ra-i18n-polyglot";
import farsiMessages from "ra-language-farsi";
import type { I18nProvider } from "react-admin";
import { engagementResources } from "../engagement/messages";
import { domainMessages } from "./messages";
import { toPersianDigits } from "./persianDigits";

export const LOCALE = "fa";

// The engagement and evaluation resources keep their labels in engagement/messages.ts.
const messages = {
  ...farsiMessages,
  ...domainMessages,
  resources: { ...domainMessages.resources, ...engagementResources },
};

function withPersianDigits(provider: I18nProvider): I18nProvider {
  return { ...provider, translate: (key, options) => toPersianDigits(provider.translate(key, options)) };
}

export const i18nProvider = withPersianDigits(
  polyglotI18nProvider(() => messages, LOCALE, [{ locale: LOCALE, name: "فارسی" }], { allowMissing: true }),
);
