import polyglotI18nProvider from "ra-i18n-polyglot";
import farsiMessages from "ra-language-farsi";
import type { I18nProvider, TranslationMessages } from "react-admin";
import { appMessages, mergeMessages } from "../messages";
import { clientTexts } from "../messages/app";
import { toPersianDigits } from "./persianDigits";

export const LOCALE = "fa";

const messages = mergeMessages(farsiMessages, appMessages);

function withPersianDigits(provider: I18nProvider): I18nProvider {
  return { ...provider, translate: (key, options) => toPersianDigits(provider.translate(key, options)) };
}

export const i18nProvider = withPersianDigits(
  polyglotI18nProvider(
    () => messages as TranslationMessages,
    LOCALE,
    [{ locale: LOCALE, name: clientTexts.localeName }],
    {
      allowMissing: true,
    },
  ),
);
