import polyglotI18nProvider from "ra-i18n-polyglot";
import farsiMessages from "ra-language-farsi";
import type { I18nProvider, TranslationMessages } from "react-admin";
import { clientTexts } from "../messages/app";
import { mergeMessages } from "../messages/merge";
import { shellMessages } from "../messages/shell";
import { toPersianDigits } from "./persianDigits";

export const LOCALE = "fa";

/** react-admin's Persian messages and the first load's own; the screens' are added by `loadScreenMessages`. */
let messages = mergeMessages(farsiMessages, shellMessages);

function withPersianDigits(provider: I18nProvider): I18nProvider {
  return { ...provider, translate: (key, options) => toPersianDigits(provider.translate(key, options)) };
}

const polyglotProvider = polyglotI18nProvider(
  () => messages as TranslationMessages,
  LOCALE,
  [{ locale: LOCALE, name: clientTexts.localeName }],
  {
    allowMissing: true,
  },
);

export const i18nProvider = withPersianDigits(polyglotProvider);

let screens: Promise<void> | undefined;

/**
 * Fetches the screens' messages (messages/screens.ts, a chunk of its own) once and adds them to `i18nProvider`.
 * The layout's menu and app bar and every lazy page wait for it (layout/withScreenMessages.tsx,
 * common/lazyPage.tsx), so no screen is drawn before its texts are there; the sign-in page needs none of them. A
 * failed fetch is forgotten, so the next page tries again.
 */
export function loadScreenMessages(): Promise<void> {
  screens ??= import("../messages/screens").then(
    async ({ screenMessages }) => {
      messages = mergeMessages(messages, screenMessages);
      // Rebuilds the provider's phrases from `messages` (the same locale: no re-render is needed, nothing that
      // needs these texts has been drawn yet).
      await polyglotProvider.changeLocale(LOCALE);
    },
    (error: unknown) => {
      screens = undefined;
      throw error;
    },
  );
  return screens;
}
