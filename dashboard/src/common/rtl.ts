import createCache from "@emotion/cache";
import { prefixer } from "stylis";
import rtlPlugin from "stylis-plugin-rtl";

export const rtlCache = createCache({ key: "muirtl", stylisPlugins: [prefixer, rtlPlugin] });

export function applyDocumentDirection(): void {
  document.documentElement.dir = "rtl";
  document.documentElement.lang = "fa";
  document.dir = "rtl";
}
